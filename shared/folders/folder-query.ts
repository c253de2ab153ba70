/**
 * A search (and replace) typed in the folder panel, as VS Code offers it (regex, whole
 * word, match case), turned into a rule of the corrections engine (shared/corrections):
 * the same span rules as `cli fix` decide where it may match (cue text and TXT entries,
 * never timing lines, ids, settings or markup) and the same minimal changes replace it
 * (never the spaces around a term). Only the matcher differs when "whole word" is off.
 */
import { parseRules, wholeWordPattern, type CorrectionRule } from '../corrections';
import { nativeMatcher, re2AnywhereMatcher } from '../corrections/matcher';

export interface FolderQuery {
  text: string;
  /** The replacement; absent for a search. `$1` etc. in a regex query. */
  replace?: string;
  regex: boolean;
  wholeWord: boolean;
  caseSensitive: boolean;
}

export type QueryRule = { ok: true; rule: CorrectionRule } | { ok: false; message: string };

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The query as a correction rule. The rule line goes through `parseRules` (so a bad
 * regex, or a replacement that would write markup, is refused with the engine's own
 * message and column); literal text is matched as a literal, never as a pattern.
 */
export function queryRule(query: FolderQuery): QueryRule {
  const { text, regex, wholeWord, caseSensitive } = query;
  const replace = query.replace ?? '';
  if (text === '') return { ok: false, message: 'Type something to search for.' };
  if (/[\t\r\n]/.test(text) || /[\t\r\n]/.test(replace)) return { ok: false, message: 'Search and replacement are one line each, without tabs.' };
  // A literal's own text never goes through the rules syntax (a leading `#` would be a
  // comment there); its replacement does, for the markup check.
  // A pattern starting like a comment is grouped, which changes nothing it matches.
  const shift = regex && /^\s*#/.test(text) ? 3 : 0;
  const find = !regex ? 'x' : shift ? `(?:${text})` : text;
  const options = regex ? ['re', ...(caseSensitive ? [] : ['i'])].join(',') : '';
  const parsed = parseRules(`${find}\t${replace}${options ? `\t${options}` : ''}`);
  const problem = parsed.diagnostics[0];
  if (problem) {
    const where = problem.column <= find.length + 1 ? 'search' : 'replacement';
    const column = where === 'search' ? Math.max(1, problem.column - shift) : problem.column - find.length - 1;
    return { ok: false, message: `${where}, column ${column}: ${problem.message}` };
  }
  const base = parsed.rules[0]!;
  if (regex) {
    if (wholeWord) return { ok: true, rule: base };
    return { ok: true, rule: { ...base, matcher: re2AnywhereMatcher(text, !caseSensitive) } };
  }
  // A literal: the native engine (no quantifier to backtrack on), replaced verbatim like a literal rule of corrections.tsv.
  const flags = caseSensitive ? 'gu' : 'giu';
  const source = escapeRegExp(text);
  const pattern = wholeWord ? wholeWordPattern(source, text[0]!, text[text.length - 1]!, flags) : new RegExp(source, flags);
  return { ok: true, rule: { ...base, find: text, replace, ignoreCase: !caseSensitive, regex: false, matcher: nativeMatcher(pattern) } };
}
