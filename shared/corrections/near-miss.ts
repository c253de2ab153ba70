/**
 * Near-misses: text that differs from a rule's FIND only in case or spacing (`cloud
 * code`, `CloudCode`, `Cloud  Code` for `Cloud Code`), which the rule did not change.
 * Reported so a variant is never silently skipped; never changed automatically
 * (`Rough` at a sentence start may or may not be the tool).
 */
import type { TextRange } from '../formats/vtt/types';
import type { WordSpan } from './spans';
import { wholeWordPattern, type CorrectionRule } from './rules';
import { neighbourWord, type RuleHit } from './apply';

export interface NearMiss {
  rule: CorrectionRule;
  from: number;
  to: number;
  found: string;
  why: 'case' | 'spacing';
}

function loosePattern(rule: CorrectionRule): RegExp | null {
  if (rule.regex) return null;
  const letters = [...rule.find.replace(/\s+/g, '')];
  if (!letters.length) return null;
  // Any spacing between any two characters: `Cloud Code`, `CloudCode`, `chat GPT` for `chatGPT`.
  const source = letters.map((c) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('\\s*');
  return wholeWordPattern(source, letters[0]!, letters[letters.length - 1]!, 'giu');
}

export function findNearMisses(text: string, spans: readonly (TextRange & Partial<WordSpan>)[], rules: readonly CorrectionRule[], hits: readonly RuleHit[]): NearMiss[] {
  const matched = new Set(hits.map((h) => h.from));
  const out: NearMiss[] = [];
  for (const rule of rules) {
    const re = loosePattern(rule);
    if (!re) continue;
    for (let index = 0; index < spans.length; index++) {
      const span = spans[index]!;
      const body = text.slice(span.from, span.to);
      re.lastIndex = 0;
      for (let m = re.exec(body); m; m = re.exec(body)) {
        const from = span.from + m.index;
        // Exactly FIND but not matched: its before/after context did not hold, which is intended.
        if (matched.has(from) || m[0] === rule.find || m[0] === rule.replace) continue;
        const sameLetters = m[0].replace(/\s+/g, '').toLowerCase() === rule.find.replace(/\s+/g, '').toLowerCase();
        if (!sameLetters) continue;
        const onlyCase = m[0].toLowerCase() === rule.find.toLowerCase();
        // An `i` rule already covers case; only spacing differences remain for it.
        if (onlyCase && rule.ignoreCase) continue;
        // A context rule's variant counts only where its context holds: `install Rough`
        // is a near-miss of `rough ... before=install`, `a Rough week` is not.
        if (rule.before && !rule.before.has(neighbourWord(text, from, -1, spans, index) ?? '')) continue;
        if (rule.after && !rule.after.has(neighbourWord(text, from + m[0].length, 1, spans, index) ?? '')) continue;
        out.push({ rule, from, to: from + m[0].length, found: m[0], why: onlyCase ? 'case' : 'spacing' });
      }
    }
  }
  return out.sort((a, b) => a.from - b.from);
}
