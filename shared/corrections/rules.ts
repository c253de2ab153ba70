/**
 * `corrections.tsv`: the list of misheard terms a podcast fixes in every episode, kept
 * beside the transcripts and committed with them. One rule per line:
 * `FIND<TAB>REPLACE[<TAB>OPTIONS]`; `#` starts a comment line; blank lines are skipped.
 * OPTIONS (comma-separated): `i` ignore case, `re` FIND is a regular expression,
 * `before=w1|w2` only when the previous word is one of these, `after=w1|w2` likewise for
 * the next word (both case-insensitive). Matching is whole-word and case-sensitive by
 * default. Each rule compiles once.
 */
import type { Diagnostic } from '../model/diagnostic';

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
  /** The compiled whole-word pattern (global, unicode). */
  pattern: RegExp;
}

export interface ParsedRules {
  rules: CorrectionRule[];
  diagnostics: Diagnostic[];
}

/** A word character for whole-word matching: letters, digits, marks and `_` in any script. */
export const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const WORD = '[\\p{L}\\p{N}\\p{M}_]';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

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
    const flags = ignoreCase ? 'giu' : 'gu';
    let pattern: RegExp;
    try {
      pattern = regex
        ? wholeWordPattern(find, 'a', 'a', flags)
        : wholeWordPattern(escapeRegExp(find), find[0]!, find[find.length - 1]!, flags);
      // Checked alone too, so `a)|(b` cannot hide inside the wrapper.
      if (regex) new RegExp(find, 'u');
    } catch (error) {
      return problem(1, `invalid regular expression: ${error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error)}`);
    }
    if (regex && pattern.test('')) return problem(1, 'the regular expression matches empty text');
    pattern.lastIndex = 0;
    rules.push({ line, find, replace, ignoreCase, regex, before, after, pattern });
  });
  return { rules, diagnostics };
}
