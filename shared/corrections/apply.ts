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
import { WORD_CHAR, type CorrectionRule } from './rules';

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
}

/** The word touching `at` going backwards (`dir` -1) or forwards (+1), skipping spaces only. */
export function neighbourWord(text: string, at: number, dir: -1 | 1, span: TextRange): string | null {
  let i = at;
  if (dir < 0) {
    while (i > span.from && /\s/.test(text[i - 1]!)) i--;
    const end = i;
    while (i > span.from && WORD_CHAR.test(text[i - 1]!)) i--;
    return end > i ? text.slice(i, end).toLowerCase() : null;
  }
  while (i < span.to && /\s/.test(text[i]!)) i++;
  const start = i;
  while (i < span.to && WORD_CHAR.test(text[i]!)) i++;
  return i > start ? text.slice(start, i).toLowerCase() : null;
}

/** `$&`, `$1`..`$99`, `$<name>` and `$$` in a regex rule's replacement. */
function expand(replace: string, m: RegExpExecArray): string {
  return replace.replace(/\$(\$|&|\d{1,2}|<([^>]+)>)/g, (all, token: string, name?: string) => {
    if (token === '$') return '$';
    if (token === '&') return m[0];
    if (name !== undefined) return m.groups?.[name] ?? '';
    const n = Number(token);
    return n > 0 && n < m.length ? (m[n] ?? '') : all;
  });
}

/** Every match of `rule` in the spans (context options checked). */
export function matchRule(text: string, spans: readonly TextRange[], rule: CorrectionRule): RuleHit[] {
  const hits: RuleHit[] = [];
  const re = rule.pattern;
  const containedAt = rule.regex ? -1 : rule.replace.indexOf(rule.find);
  for (const span of spans) {
    const body = text.slice(span.from, span.to);
    re.lastIndex = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      if (m[0] === '') { re.lastIndex++; continue; }
      const from = span.from + m.index;
      const to = from + m[0].length;
      if (rule.before && !rule.before.has(neighbourWord(text, from, -1, span) ?? '')) continue;
      if (rule.after && !rule.after.has(neighbourWord(text, to, 1, span) ?? '')) continue;
      // Already corrected: a replacement holding its FIND (`Temporal` -> `Temporal.io`)
      // is not applied again, so running a list twice changes nothing the second time.
      if (containedAt >= 0 && text.startsWith(rule.replace, from - containedAt)) continue;
      hits.push({ rule, from, to, found: m[0], replacement: rule.regex ? expand(rule.replace, m) : rule.replace });
    }
  }
  return hits;
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

export function applyRules(text: string, spans: readonly TextRange[], rules: readonly CorrectionRule[]): AppliedRules {
  const all: RuleHit[] = [];
  rules.forEach((rule) => all.push(...matchRule(text, spans, rule)));
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
  return { changes, hits, counts };
}
