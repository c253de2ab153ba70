/**
 * How a rule finds its term: whole-word matches in one span of words, leftmost first,
 * never overlapping. Literal rules use the native engine (an escaped term has no
 * quantifier to backtrack on). Regular-expression rules are the user's own patterns, so
 * they run on RE2 (re2js): linear time in the text, whatever the pattern. `(\w+\s?)+;`
 * takes 16 s on one 42-character cue with the native engine and under a millisecond
 * here (see bench/fix.ts). RE2 has no lookahead and no backreferences; a rule using them
 * is reported with its column rather than run on a backtracking engine.
 */
import { RE2JS } from 're2js';

export interface RuleMatch {
  index: number;
  text: string;
  /** Capture group `n` (1-based) of the user's pattern, undefined when it did not take part. */
  group(n: number): string | undefined;
  named(name: string): string | undefined;
  groupCount: number;
}

export interface RuleMatcher {
  readonly engine: 'native' | 're2';
  matches(body: string): Iterable<RuleMatch>;
}

/** A word character for whole-word matching: letters, digits, marks and `_` in any script. */
export const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const WORD = '[\\p{L}\\p{N}\\p{M}_]';
const NOT_WORD = '[^\\p{L}\\p{N}\\p{M}_]';

/**
 * Whole-word pattern: a word boundary is required only where the term itself starts or
 * ends with a word character (so `C++` and `.NET` work), and lookarounds keep the
 * neighbouring space and punctuation out of the match.
 */
export function wholeWordPattern(source: string, first: string, last: string, flags: string): RegExp {
  const head = WORD_CHAR.test(first) ? `(?<!${WORD})` : '';
  const tail = WORD_CHAR.test(last) ? `(?!${WORD})` : '';
  return new RegExp(`${head}(?:${source})${tail}`, flags);
}

export function nativeMatcher(pattern: RegExp): RuleMatcher {
  return {
    engine: 'native',
    *matches(body: string) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
        if (m[0] === '') { pattern.lastIndex++; continue; }
        const found = m;
        yield { index: found.index, text: found[0], groupCount: found.length - 1, group: (n) => found[n], named: (name) => found.groups?.[name] };
      }
    },
  };
}

export type Compiled = { ok: true; matcher: RuleMatcher } | { ok: false; column: number; message: string };

/** JavaScript's `\uXXXX` and `\u{X}` escapes in RE2's spelling (`\x{X}`); other syntax is shared. */
function toRe2Syntax(source: string): string {
  return source.replace(/(?<!\\)((?:\\\\)*)\\u(?:\{([0-9a-fA-F]{1,6})\}|([0-9a-fA-F]{4}))/g, (_all, slashes: string, braced?: string, four?: string) => `${slashes}\\x{${braced ?? four}}`);
}

/** Why RE2 refused a pattern, in a user's words, with the 1-based column of the offending piece. */
function explain(find: string, error: unknown): { column: number; message: string } {
  const raw = error instanceof Error ? error.message : String(error);
  const piece = /`([^`]*)`/.exec(raw)?.[1] ?? '';
  const at = piece ? find.indexOf(piece) : -1;
  const column = at >= 0 ? at + 1 : 1;
  if (/^\(\?[=!]/.test(piece)) return { column, message: `lookahead '${piece}' is not supported by the linear-time regex engine (use after=w1|w2, or match the following text and put it back with $n)` };
  if (/^\\[1-9]/.test(piece) || /^\\k</.test(piece)) return { column, message: `backreference '${piece}' is not supported by the linear-time regex engine` };
  if (/lookbehind/.test(raw)) return { column, message: `lookbehind '${piece}' cannot hold capture groups in the linear-time regex engine (use (?:...))` };
  return { column, message: `invalid regular expression: ${raw.replace(/^error parsing regexp: /, '')}` };
}

/**
 * A regex rule on RE2. RE2 has lookbehind but no lookahead, so the trailing word
 * boundary is a consumed `[^word]|$` after the term's own group, and each search restarts
 * right after the term (not after that character) so adjacent terms are all found.
 */
export function re2Matcher(find: string, ignoreCase: boolean): Compiled {
  const source = toRe2Syntax(find);
  let user: RE2JS;
  let wrapped: RE2JS;
  const flags = RE2JS.LOOKBEHINDS | (ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  try {
    user = RE2JS.compile(source, flags);
    wrapped = RE2JS.compile(`(?<!${WORD})(${source})(?:${NOT_WORD}|$)`, flags);
  } catch (error) {
    return { ok: false, ...explain(find, error) };
  }
  if (user.matcher('').find()) return { ok: false, column: 1, message: 'the regular expression matches empty text' };
  // The user's groups sit one deeper in the wrapped pattern: the term is group 1.
  return { ok: true, matcher: re2Matches(wrapped, user, 1) };
}

/**
 * A regex on RE2 without the whole-word wrapping (a folder search with "whole word"
 * off): matches anywhere in the span. The pattern was checked by `re2Matcher` first.
 */
export function re2AnywhereMatcher(find: string, ignoreCase: boolean): RuleMatcher {
  const re = RE2JS.compile(toRe2Syntax(find), RE2JS.LOOKBEHINDS | (ignoreCase ? RE2JS.CASE_INSENSITIVE : 0));
  return re2Matches(re, re, 0);
}

/**
 * The matches of `search` in a span, leftmost first, never empty; the term is group
 * `term` of `search` (0: the whole match), followed by the user's own groups, which
 * `user` numbers and names.
 */
function re2Matches(search: RE2JS, user: RE2JS, term: number): RuleMatcher {
  const groupCount = user.groupCount();
  const names = user.namedGroups();
  return {
    engine: 're2',
    *matches(body: string) {
      // Most spans hold no match: the capture-free test runs on RE2's DFA, far faster than a capturing search.
      if (!search.test(body)) return;
      const m = search.matcher(body);
      let pos = 0;
      while (pos <= body.length && m.find(pos)) {
        const from = m.start(term);
        const to = m.end(term);
        // Each search restarts right after the term (not after a consumed word edge), so adjacent terms are all found.
        pos = to > from ? to : to + 1;
        if (to === from) continue;
        const groups: (string | undefined)[] = [];
        for (let n = 1; n <= groupCount; n++) groups.push(m.group(n + term) ?? undefined);
        yield {
          index: from,
          text: body.slice(from, to),
          groupCount,
          group: (n) => groups[n - 1],
          named: (name) => (names[name] === undefined ? undefined : groups[names[name]! - 1]),
        };
      }
    },
  };
}
