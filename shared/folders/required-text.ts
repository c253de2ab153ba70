/**
 * Text every match of a rule must contain, for a folder search to pass over files
 * that cannot match without decoding or parsing them (electron/services/folders/
 * folder-read.ts looks for it in the raw bytes). Only ASCII is kept, because ASCII is
 * the same bytes in every encoding a file is read in besides UTF-16 (which the reader
 * never pre-filters): UTF-8, with or without BOM, and Windows-1252. When case is ignored
 * the text is also cut at k and s, the ASCII letters with a non-ASCII case partner
 * (KELVIN SIGN, LONG S) under the Unicode case folding both engines use.
 *
 * For a regex only what is certain is kept: literal characters at the top level of the
 * pattern, never inside a group, a class or an escape with arguments, and none at all
 * when the top level has an alternation or an inline flag. Anything unsure gives null
 * (every file may match), so a file is never passed over wrongly.
 */
import type { CorrectionRule } from '../corrections';

export interface RequiredText {
  text: string;
  ignoreCase: boolean;
}

/** Shorter text is in nearly every file: looking for it costs more than it saves. */
const MIN_LENGTH = 3;

/** Escapes of one letter without arguments: a class or an assertion, never a literal. */
const ONE_LETTER_ESCAPES = new Set([...'dDwWsSbBAz']);

/** Control-character escapes: not ASCII-printable literals worth keeping, but they end a run. */
const CONTROL_ESCAPES = new Set([...'nrtfva']);

/**
 * Runs of literal characters every match of `source` holds, or null when that is
 * unsure (top-level alternation, inline flags, escapes this reading does not know).
 */
export function regexRuns(source: string): string[] | null {
  const runs: string[] = [];
  let run = '';
  const end = () => { if (run) runs.push(run); run = ''; };
  // Whether the atom just read was a literal character appended to `run`.
  let lastWasLiteral = false;
  for (let i = 0; i < source.length;) {
    const c = source[i]!;
    if (c === '\\') {
      const e = source[i + 1];
      if (e === undefined) return null;
      if (/[A-Za-z0-9]/.test(e)) {
        if (!ONE_LETTER_ESCAPES.has(e) && !CONTROL_ESCAPES.has(e)) return null;
        end();
        lastWasLiteral = false;
      } else {
        run += e;
        lastWasLiteral = true;
      }
      i += 2;
      continue;
    }
    if (c === '[' || c === '(') {
      // `(?i)`, `(?s:...)`: flags change what the rest matches.
      if (c === '(' && /^\(\?[a-zA-Z-]/.test(source.slice(i, i + 3)) && !source.startsWith('(?<', i)) return null;
      // A class or group is never a literal (a group may be optional or repeated): skipped whole.
      const close = c === '[' ? classEnd(source, i) : groupEnd(source, i);
      if (close < 0) return null;
      end();
      lastWasLiteral = false;
      i = close + 1;
      continue;
    }
    if (c === '|') return null;
    if (c === '*' || c === '?' || c === '+' || c === '{') {
      let quantifier = c;
      if (c === '{') {
        const m = /^\{(\d+)(,\d*)?\}/.exec(source.slice(i));
        if (!m) return null;
        quantifier = Number(m[1]) === 0 ? '*' : '+';
        i += m[0].length;
      } else {
        i++;
      }
      // The quantified atom: gone from the run when it may be absent, ending it either way.
      if (lastWasLiteral && quantifier !== '+') run = run.slice(0, -1);
      end();
      lastWasLiteral = false;
      // A lazy or possessive mark belongs to the quantifier.
      if (source[i] === '?' || source[i] === '+') i++;
      continue;
    }
    if (c === '.' || c === '^' || c === '$' || c === ')') {
      if (c === ')') return null;
      end();
      lastWasLiteral = false;
      i++;
      continue;
    }
    run += c;
    lastWasLiteral = true;
    i++;
  }
  end();
  return runs;
}

/** Index of the `]` closing the class opened at `open` (RE2/JS syntax: a leading `]` is literal), or -1. */
function classEnd(source: string, open: number): number {
  let i = open + 1;
  if (source[i] === '^') i++;
  if (source[i] === ']') i++;
  for (; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') { i++; continue; }
    if (c === '[' && source[i + 1] === ':') {
      const close = source.indexOf(':]', i + 2);
      if (close < 0) return -1;
      i = close + 1;
      continue;
    }
    if (c === ']') return i;
  }
  return -1;
}

/** Index of the `)` closing the group opened at `open`, or -1. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') { i++; continue; }
    if (c === '[') {
      const close = classEnd(source, i);
      if (close < 0) return -1;
      i = close;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The longest piece of `runs` that is plain ASCII (and, ignoring case, free of k and s). */
function longestPiece(runs: readonly string[], ignoreCase: boolean): string {
  const cut = ignoreCase ? /[^\x20-\x7e]|[kKsS]/ : /[^\x20-\x7e]/;
  let best = '';
  for (const run of runs) for (const piece of run.split(cut)) if (piece.length > best.length) best = piece;
  return best;
}

/** What every match of `rule` holds in a file's raw bytes, or null when no such text is known. */
export function requiredText(rule: Pick<CorrectionRule, 'find' | 'regex' | 'ignoreCase'>): RequiredText | null {
  const runs = rule.regex ? regexRuns(rule.find) : [rule.find];
  if (!runs) return null;
  const text = longestPiece(runs, rule.ignoreCase);
  return text.length >= MIN_LENGTH ? { text, ignoreCase: rule.ignoreCase } : null;
}

/** For a list of rules: a file may match only if it holds one of these; null when any rule has none. */
export function requiredTexts(rules: readonly Pick<CorrectionRule, 'find' | 'regex' | 'ignoreCase'>[]): RequiredText[] | null {
  const out: RequiredText[] = [];
  for (const rule of rules) {
    const required = requiredText(rule);
    if (!required) return null;
    out.push(required);
  }
  return out;
}
