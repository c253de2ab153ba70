/**
 * `corrections.tsv`: the list of misheard terms a podcast fixes in every episode, kept
 * beside the transcripts and committed with them. One rule per line:
 * `FIND<TAB>REPLACE[<TAB>OPTIONS]`; `#` starts a comment line; blank lines are skipped.
 * OPTIONS (comma-separated): `i` ignore case, `re` FIND is a regular expression,
 * `before=w1|w2` only when the previous word is one of these, `after=w1|w2` likewise for
 * the next word (both case-insensitive). Matching is whole-word and case-sensitive by
 * default. Each rule compiles once; regular expressions compile for RE2 (see matcher.ts).
 * A REPLACE that would write markup into cue text (`<`, `-->`, `{\`, a character
 * reference) is refused at its column: the words change, never the structure.
 */
import type { Diagnostic } from '../model/diagnostic';
import { nativeMatcher, re2Matcher, wholeWordPattern, type RuleMatcher } from './matcher';

export { WORD_CHAR, wholeWordPattern } from './matcher';

export interface CorrectionRule {
  /** 1-based line in the rules file (for reports). */
  line: number;
  find: string;
  replace: string;
  ignoreCase: boolean;
  regex: boolean;
  /** Lowercased words allowed before/after the match; null: any. */
  before: ReadonlySet<string> | null;
  after: ReadonlySet<string> | null;
  /** Finds the rule's whole-word matches in a span of words. */
  matcher: RuleMatcher;
}

export interface ParsedRules {
  rules: CorrectionRule[];
  diagnostics: Diagnostic[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Text a REPLACE must not contain: it would become markup or a timing line in a transcript. */
const MARKUP_IN_REPLACE = /<|-->|\{\\|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z0-9]+);/;

export function parseRules(text: string): ParsedRules {
  const rules: CorrectionRule[] = [];
  const diagnostics: Diagnostic[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const lineOffset = offset;
    offset += raw.length + (text.slice(offset + raw.length, offset + raw.length + 2) === '\r\n' ? 2 : 1);
    const problem = (column: number, message: string) =>
      diagnostics.push({ line, column, offset: lineOffset + column - 1, length: 0, severity: 'error', message });
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const fields = raw.split('\t');
    if (fields.length < 2) return problem(1, 'expected FIND<TAB>REPLACE[<TAB>OPTIONS] (no tab found)');
    if (fields.length > 3) return problem(fields.slice(0, 3).join('\t').length + 1, 'too many tab-separated fields (expected at most 3)');
    const [find, replace, options = ''] = fields as [string, string, string?];
    if (find === '') return problem(1, 'FIND is empty');
    let ignoreCase = false;
    let regex = false;
    let before: Set<string> | null = null;
    let after: Set<string> | null = null;
    const optionsColumn = find.length + replace.length + 3;
    let column = optionsColumn;
    for (const option of options.split(',')) {
      const o = option.trim();
      if (o === 'i') ignoreCase = true;
      else if (o === 're') regex = true;
      else if (o.startsWith('before=') || o.startsWith('after=')) {
        const words = o.slice(o.indexOf('=') + 1).split('|').map((w) => w.trim().toLowerCase()).filter(Boolean);
        if (!words.length) return problem(column, `option '${o}' lists no words`);
        if (o.startsWith('before=')) before = new Set(words);
        else after = new Set(words);
      } else if (o !== '') return problem(column, `unknown option '${o}' (known: i, re, before=w1|w2, after=w1|w2)`);
      column += option.length + 1;
    }
    // `$<name>` in a regex rule's REPLACE is a group reference, not a tag.
    const markup = MARKUP_IN_REPLACE.exec(regex ? replace.replace(/\$<[^<>]+>/g, (m) => ' '.repeat(m.length)) : replace);
    if (markup) return problem(find.length + 2 + markup.index, `the replacement would write markup ('${markup[0]}') into the transcript; only words may change`);
    let matcher: RuleMatcher;
    if (regex) {
      const compiled = re2Matcher(find, ignoreCase);
      if (!compiled.ok) return problem(compiled.column, compiled.message);
      matcher = compiled.matcher;
    } else {
      matcher = nativeMatcher(wholeWordPattern(escapeRegExp(find), find[0]!, find[find.length - 1]!, ignoreCase ? 'giu' : 'gu'));
    }
    rules.push({ line, find, replace, ignoreCase, regex, before, after, matcher });
  });
  return { rules, diagnostics };
}
