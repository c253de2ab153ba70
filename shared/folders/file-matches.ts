/**
 * The matches of a folder query (one rule) or a corrections list (many) in one
 * transcript file's text, with what the folder panel shows for each (line, column, the
 * line's text, the cue's time), and the text with a chosen subset of them replaced.
 * Matching and replacing are the corrections engine's (`applyRules`, `minimalChange`,
 * as `cli fix` applies them): a match is a term in cue text or a TXT entry, overlapping
 * matches go to the earlier rule, and a change covers only what differs inside the term.
 */
import { applyRules, findNearMisses, minimalChange, type CorrectionRule } from '../corrections';
import { candidateSpans } from './candidate-spans';
import { detectFormat, type TranscriptFormat } from '../formats/detect';
import { scanTimestamp, msToSeconds } from '../formats/timestamp';
import { applyChanges, type TextChange } from '../model/text-change';

export interface FileMatch {
  /** Offsets of the matched term in the file's text. */
  from: number;
  to: number;
  /** 1-based line and column of `from`. */
  line: number;
  column: number;
  /** The line holding the match (clipped to CONTEXT characters around it) and where the match sits in it. */
  context: string;
  contextFrom: number;
  contextTo: number;
  /** The `corrections.tsv` line of the rule that matched (1 for a typed query). */
  rule: number;
  /** The smallest change replacing the term (null when the replacement equals the term or for a search). */
  change: TextChange | null;
  /** What the clipped line reads with only this match replaced. */
  replaced: string;
  /** Start of the cue (VTT, SRT) or entry (TXT) holding the match, in seconds; null when untimed. */
  time: number | null;
}

/** Text differing from a rule's FIND only in case or spacing, left alone (for the user to decide). */
export interface FileNearMiss {
  rule: number;
  found: string;
  why: 'case' | 'spacing';
  line: number;
  column: number;
  context: string;
  contextFrom: number;
  contextTo: number;
  time: number | null;
  from: number;
}

export interface FileMatches {
  format: TranscriptFormat;
  matches: FileMatch[];
  nearMisses: FileNearMiss[];
  /** Matches left alone: replacing them would have written markup (or emptied a line). */
  refused: number;
}

/** Characters of context kept on each side of a match. */
const CONTEXT = 60;

export function fileMatches(text: string, rules: readonly CorrectionRule[], withReplace: boolean, format: TranscriptFormat = detectFormat(text), nearMisses = false): FileMatches {
  const spans = candidateSpans(text, rules, format, nearMisses);
  if (!spans?.length) return { format, matches: [], nearMisses: [], refused: 0 };
  const found = applyRules(text, spans, rules);
  const lines = new LineCursor(text);
  const around = (from: number, to: number) => {
    const { line, start, end } = lines.at(from);
    const cf = Math.max(start, from - CONTEXT);
    const ct = Math.min(end, to + CONTEXT);
    return { line, column: from - start + 1, context: text.slice(cf, ct), contextFrom: from - cf, contextTo: to - cf, time: timeAt(text, start, from, format), cf };
  };
  const matches = found.hits.map((hit): FileMatch => {
    const { cf, ...where } = around(hit.from, hit.to);
    const change = withReplace ? minimalChange(hit.from, hit.found, hit.replacement) : null;
    const replaced = change ? applyChanges(where.context, [{ from: change.from - cf, to: change.to - cf, insert: change.insert }]) : where.context;
    return { from: hit.from, to: hit.to, rule: hit.rule.line, ...where, change, replaced };
  });
  // Near-misses come after the matches: the line cursor only moves forward, or starts over.
  const misses = nearMisses ? findNearMisses(text, spans, rules, found.hits).map((m): FileNearMiss => {
    const { cf: _cf, ...where } = around(m.from, m.to);
    return { rule: m.rule.line, found: m.found, why: m.why, from: m.from, ...where };
  }) : [];
  return { format, matches, nearMisses: misses, refused: found.refused.length };
}

/** The text with the changes of the chosen matches (by index into `matches`) applied. */
export function replaceChosen(text: string, matches: readonly FileMatch[], chosen: ReadonlySet<number>): string {
  const changes = matches.flatMap((m, i) => (chosen.has(i) && m.change ? [m.change] : []));
  return changes.length ? applyChanges(text, changes) : text;
}

/** Lines of a text found by offset, for offsets in increasing order (matches come sorted). */
class LineCursor {
  private line = 1;
  private start = 0;
  // The next '\n' and '\r' at or after `start` (-1: none left; -2: not looked for yet),
  // found by the engine's own search: a file's breaks are walked once, not char by char.
  private lf = -2;
  private cr = -2;
  constructor(private readonly text: string) {}
  at(offset: number): { line: number; start: number; end: number } {
    if (offset < this.start) { this.line = 1; this.start = 0; this.lf = -2; this.cr = -2; }
    for (let nl = this.nextBreak(this.start); nl !== -1 && nl < offset; nl = this.nextBreak(this.start)) {
      this.start = nl + (this.text.charCodeAt(nl) === 13 && this.text.charCodeAt(nl + 1) === 10 ? 2 : 1);
      this.line++;
    }
    const end = this.nextBreak(this.start);
    return { line: this.line, start: this.start, end: end === -1 ? this.text.length : end };
  }
  private nextBreak(from: number): number {
    if (this.lf !== -1 && this.lf < from) this.lf = this.text.indexOf('\n', from);
    if (this.cr !== -1 && this.cr < from) this.cr = this.text.indexOf('\r', from);
    if (this.lf === -1) return this.cr;
    if (this.cr === -1) return this.lf;
    return Math.min(this.lf, this.cr);
  }
}

/**
 * The time a match is heard at: a VTT/SRT cue's start (the nearest timing line above the
 * match), a TXT entry's leading `HH:MM:SS` (or a speaker block's time line above it).
 */
function timeAt(text: string, lineStart: number, offset: number, format: TranscriptFormat): number | null {
  if (format === 'txt') {
    for (let ls = lineStart, tries = 0; ls >= 0 && tries < 4; tries++) {
      const le = Math.max(text.indexOf('\n', ls), -1);
      const line = text.slice(ls, le === -1 ? text.length : le);
      const lead = /^\s*\[?((?:\d{1,2}:)?\d{1,2}:\d{2})\]?/.exec(line) ?? /\s((?:\d{1,2}:)?\d{1,2}:\d{2})\s*$/.exec(line);
      if (lead) return clockSeconds(lead[1]!);
      if (ls === 0) break;
      ls = text.lastIndexOf('\n', ls - 2) + 1;
    }
    return null;
  }
  const arrow = text.lastIndexOf('-->', offset);
  if (arrow === -1) return null;
  // Back to the timing line's start by hand: lastIndexOf('\r') would search the whole file when it has none.
  let ls = arrow;
  while (ls > 0 && text.charCodeAt(ls - 1) !== 10 && text.charCodeAt(ls - 1) !== 13) ls--;
  const start = text.slice(ls, arrow).trim();
  const scanned = scanTimestamp(start, 0, start.length, format === 'srt' ? ',' : '.', true);
  return scanned.ok ? msToSeconds(scanned.ms) : null;
}

function clockSeconds(clock: string): number {
  return clock.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}
