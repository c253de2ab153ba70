/**
 * Applies correction rules to spans of a text (cue text of a WebVTT file, the text after
 * the timestamp of a TXT line) and returns the minimal text changes. All rules run on
 * the original text (not one after the other), so the result does not depend on rule
 * order except where two rules match overlapping text: then the earlier rule in the
 * file wins. A change covers only the matched term (and within it only what differs),
 * so surrounding spaces and punctuation are never consumed.
 */
import type { TextChange } from '../model/text-change';
import type { TextRange } from '../formats/vtt/types';
import { createsMarkup } from './markup';
import type { RuleMatch } from './matcher';
import { WORD_CHAR, type CorrectionRule } from './rules';
import type { WordSpan } from './spans';

export interface RuleHit {
  rule: CorrectionRule;
  from: number;
  to: number;
  found: string;
  replacement: string;
}

export interface AppliedRules {
  changes: TextChange[];
  hits: RuleHit[];
  /** Matches per rule line. */
  counts: Map<number, number>;
  /** Matches not changed because the replacement would have created markup. */
  refused: RuleHit[];
  /** Regex rules that ran out of their time budget on this text; none of their matches is applied. */
  overBudget: CorrectionRule[];
}

/**
 * The word next to `at` going backwards (`dir` -1) or forwards (+1) for `before=`/`after=`,
 * skipping spaces and, within one cue or line, markup (`install <i>rough</i>`): a span
 * that does not open (or close) its text continues in the span before (or after) it.
 */
export function neighbourWord(text: string, at: number, dir: -1 | 1, spans: readonly (TextRange & Partial<WordSpan>)[], index: number): string | null {
  let k = index;
  let i = at;
  for (;;) {
    const span = spans[k]!;
    if (dir < 0) {
      while (i > span.from && /\s/.test(text[i - 1]!)) i--;
      if (i === span.from && span.opensText === false && k > 0) { i = spans[--k]!.to; continue; }
      const end = i;
      while (i > span.from && WORD_CHAR.test(text[i - 1]!)) i--;
      return end > i ? text.slice(i, end).toLowerCase() : null;
    }
    while (i < span.to && /\s/.test(text[i]!)) i++;
    if (i === span.to && span.closesText === false && k + 1 < spans.length) { i = spans[++k]!.from; continue; }
    const start = i;
    while (i < span.to && WORD_CHAR.test(text[i]!)) i++;
    return i > start ? text.slice(start, i).toLowerCase() : null;
  }
}

/** `$&`, `$1`..`$99`, `$<name>` and `$$` in a regex rule's replacement. */
function expand(replace: string, m: RuleMatch): string {
  return replace.replace(/\$(\$|&|\d{1,2}|<([^>]+)>)/g, (all, token: string, name?: string) => {
    if (token === '$') return '$';
    if (token === '&') return m.text;
    if (name !== undefined) return m.named(name) ?? '';
    const n = Number(token);
    return n > 0 && n <= m.groupCount ? (m.group(n) ?? '') : all;
  });
}

/** Whether the change leaves its line empty: an empty line would end a WebVTT cue or an SRT subtitle. */
function emptiesLine(text: string, from: number, to: number, replacement: string): boolean {
  const atStart = from === 0 || text[from - 1] === '\n' || text[from - 1] === '\r';
  const atEnd = to === text.length || text[to] === '\n' || text[to] === '\r';
  return replacement === '' && atStart && atEnd;
}

export interface RuleClock {
  /** Milliseconds one rule may spend on one text before it is skipped (regex rules). */
  budgetMs: number;
  now(): number;
}

/** 2 s per regex rule per file: the goal for a 3-hour episode. Linear-time RE2 stays far below it. */
export const DEFAULT_CLOCK: RuleClock = { budgetMs: 2000, now: () => Date.now() };

export interface RuleMatches {
  hits: RuleHit[];
  /** Matches left alone because their replacement would have created markup or an empty line. */
  refused: RuleHit[];
  /** The rule ran out of its time budget: it is skipped on this text (no hits). */
  overBudget: boolean;
}

/**
 * Every match of `rule` in the spans (context options checked). A match running into a
 * span's glue is part of a word that continues across markup, so it is not one.
 */
export function matchRule(text: string, spans: readonly (TextRange & Partial<WordSpan>)[], rule: CorrectionRule, clock: RuleClock = DEFAULT_CLOCK): RuleMatches {
  const hits: RuleHit[] = [];
  const refused: RuleHit[] = [];
  const containedAt = rule.regex ? -1 : rule.replace.indexOf(rule.find);
  const deadline = rule.regex ? clock.now() + clock.budgetMs : Infinity;
  for (let index = 0; index < spans.length; index++) {
    const span = spans[index]!;
    if (deadline !== Infinity && clock.now() > deadline) return { hits: [], refused: [], overBudget: true };
    const head = span.glueBefore ?? '';
    const tail = span.glueAfter ?? '';
    const body = head + text.slice(span.from, span.to) + tail;
    const limit = body.length - tail.length;
    for (const m of rule.matcher.matches(body)) {
      if (m.index < head.length || m.index + m.text.length > limit) continue;
      const from = span.from + m.index - head.length;
      const to = from + m.text.length;
      if (rule.before && !rule.before.has(neighbourWord(text, from, -1, spans, index) ?? '')) continue;
      if (rule.after && !rule.after.has(neighbourWord(text, to, 1, spans, index) ?? '')) continue;
      // Already corrected: a replacement holding its FIND (`Temporal` -> `Temporal.io`)
      // is not applied again, so running a list twice changes nothing the second time.
      if (containedAt >= 0 && text.startsWith(rule.replace, from - containedAt)) continue;
      const hit = { rule, from, to, found: m.text, replacement: rule.regex ? expand(rule.replace, m) : rule.replace };
      if (createsMarkup(text, from, to, hit.replacement) || /[\r\n]/.test(hit.replacement) || emptiesLine(text, from, to, hit.replacement)) refused.push(hit);
      else hits.push(hit);
    }
  }
  return { hits, refused, overBudget: false };
}

/** The smallest change turning `found` at `from` into `replacement`: common prefix and suffix kept. */
export function minimalChange(from: number, found: string, replacement: string): TextChange | null {
  if (found === replacement) return null;
  let p = 0;
  while (p < found.length && p < replacement.length && found[p] === replacement[p]) p++;
  let s = 0;
  while (s < found.length - p && s < replacement.length - p && found[found.length - 1 - s] === replacement[replacement.length - 1 - s]) s++;
  return { from: from + p, to: from + found.length - s, insert: replacement.slice(p, replacement.length - s) };
}

export function applyRules(text: string, spans: readonly (TextRange & Partial<WordSpan>)[], rules: readonly CorrectionRule[], clock: RuleClock = DEFAULT_CLOCK): AppliedRules {
  const all: RuleHit[] = [];
  const refused: RuleHit[] = [];
  const overBudget: CorrectionRule[] = [];
  for (const rule of rules) {
    const found = matchRule(text, spans, rule, clock);
    if (found.overBudget) overBudget.push(rule);
    for (const h of found.hits) all.push(h);
    for (const h of found.refused) refused.push(h);
  }
  // Earlier rule first among overlapping matches: sort by position, then rule line.
  all.sort((a, b) => a.from - b.from || a.rule.line - b.rule.line);
  const hits: RuleHit[] = [];
  let end = -1;
  for (const h of all) {
    if (h.from < end) {
      const last = hits[hits.length - 1]!;
      if (h.rule.line < last.rule.line && h.from === last.from) hits[hits.length - 1] = h;
      continue;
    }
    hits.push(h);
    end = h.to;
  }
  const changes: TextChange[] = [];
  const counts = new Map<number, number>();
  for (const h of hits) {
    counts.set(h.rule.line, (counts.get(h.rule.line) ?? 0) + 1);
    const change = minimalChange(h.from, h.found, h.replacement);
    if (change) changes.push(change);
  }
  return { changes, hits, counts, refused, overBudget };
}
