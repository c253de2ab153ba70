/**
 * Quick fixes for common WebVTT mistakes, as Subtitle Edit's "Fix common errors" has
 * them: a damaged signature, timing lines a browser drops (comma milliseconds, `->`,
 * `0:0:25.5`, missing leading zeros or hours, a minute or second of 60), end before
 * start, overlaps, a missing blank line. Each fix is a list of text changes (one
 * CodeMirror transaction in the editor; `validate --fix` applies them to the file), and
 * touches only the bytes of the problem, so the rest of the file keeps its bytes.
 */
import { LineIndex } from '../../model/diagnostic';
import { applyChanges, type TextChange } from '../../model/text-change';
import { formatTimestampMs, VTT_STYLE, type TimestampStyle } from '../timestamp';
import { retimeCue } from './edit';
import { MISSING_BLANK_AFTER_HEADER, MISSING_BLANK_BEFORE_TIMING, parseVtt } from './parser';
import { repairSignature } from './signature';
import type { VttCue, VttDocument } from './types';

export type QuickFixKind = 'signature' | 'timing-line' | 'end-before-start' | 'overlap' | 'blank-line';

export interface QuickFix {
  kind: QuickFixKind;
  /** The problem's span: a diagnostic starting in `[from, to]` is the one this fixes. */
  from: number;
  to: number;
  title: string;
  changes: TextChange[];
  /** The fix `validate --fix` applies when a problem has alternatives. */
  preferred: boolean;
}

/**
 * A timing line as people mistype it: 1–3 digit fields (or seconds alone, with a
 * fraction), `.` or `,` and any fraction, `->`, `—>` or `-->`, no-break spaces.
 */
const LOOSE_TS = String.raw`(?:(?:\d{1,3}:)?\d{1,3}:\d{1,3}(?:[.,]\d+)?|\d{1,5}[.,]\d+)`;
const LOOSE_TIMING = new RegExp(String.raw`^([ \t\f\u00a0]*)(${LOOSE_TS})[ \t\f\u00a0]*(?:-+|[\u2013\u2014])>[ \t\f\u00a0]*(${LOOSE_TS})`);

function looseMs(ts: string): number {
  const [clock, fraction = ''] = ts.split(/[.,]/);
  const fields = clock!.split(':').map(Number);
  const [h, m, s] = fields.length === 3 ? fields : fields.length === 2 ? [0, fields[0]!, fields[1]!] : [0, 0, fields[0]!];
  return ((h! * 60 + m!) * 60 + s!) * 1000 + (fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0);
}

/** All fixes for `doc`'s problems, in document order. */
export function quickFixes(doc: VttDocument): QuickFix[] {
  const out: QuickFix[] = [];
  if (!doc.signature.valid) {
    const repair = repairSignature(doc.text, doc.eol);
    if (repair) out.push({ kind: 'signature', preferred: true, ...repair });
  }
  const style: TimestampStyle = doc.cues[0]?.startStyle ?? VTT_STYLE;
  for (const block of doc.blocks) {
    if (block.kind === 'ignored' && block.range.from >= doc.bodyStart) {
      const fix = timingLineFix(doc.text, block.range.from, block.range.to, style);
      if (fix) out.push(fix);
    }
  }
  for (const d of doc.diagnostics) {
    if (d.message === MISSING_BLANK_BEFORE_TIMING || d.message === MISSING_BLANK_AFTER_HEADER) out.push(blankLineFix(doc, d.offset));
  }
  const cues = doc.cues;
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i]!;
    const next = cues[i + 1];
    if (cue.end < cue.start) out.push(...endBeforeStartFixes(doc, cue, next));
    else if (next && cue.end > next.start && next.start > cue.start) {
      out.push({ kind: 'overlap', from: cue.endRange.from, to: cue.endRange.to, preferred: true, title: `End this cue when the next one starts (${formatTimestampMs(Math.round(next.start * 1000), cue.endStyle)})`, changes: retimeCue(doc, cue, { end: next.start }) });
    }
  }
  return out.sort((a, b) => a.from - b.from);
}

/** Rewrites the first timing-like line of a dropped block in the file's timestamp shape. */
function timingLineFix(text: string, from: number, to: number, style: TimestampStyle): QuickFix | null {
  let ls = from;
  for (let n = 0; n < 2 && ls < to; n++) {
    let le = ls;
    while (le < to && text[le] !== '\n' && text[le] !== '\r') le++;
    const m = LOOSE_TIMING.exec(text.slice(ls, le));
    if (m) {
      const start = formatTimestampMs(looseMs(m[2]!), style);
      const end = formatTimestampMs(looseMs(m[3]!), style);
      const at = ls + m[1]!.length;
      const insert = `${start} --> ${end}`;
      return { kind: 'timing-line', from, to, preferred: true, title: `Rewrite the timing as '${insert}'`, changes: [{ from: at, to: ls + m[0].length, insert }] };
    }
    ls = le + (text[le] === '\r' && text[le + 1] === '\n' ? 2 : 1);
  }
  return null;
}

/**
 * A blank line where a timing line follows text directly. When the line before it is a
 * bare number (an SRT-style cue number swallowed into the cue above), the blank line
 * goes before that number, so it becomes the next cue's identifier again.
 */
function blankLineFix(doc: VttDocument, at: number): QuickFix {
  const text = doc.text;
  const prev = lineBefore(text, at);
  const above = prev && lineBefore(text, prev.from);
  const swallowedNumber = prev !== null && above !== null && above.to > above.from && /^\d+$/.test(text.slice(prev.from, prev.to));
  const insertAt = swallowedNumber ? prev.from : at;
  return { kind: 'blank-line', from: at, to: at, preferred: true, title: 'Insert a blank line before this cue', changes: [{ from: insertAt, to: insertAt, insert: doc.eol }] };
}

/** The line before the one starting at `ls` (its content, without the break), or null at the start. */
function lineBefore(text: string, ls: number): { from: number; to: number } | null {
  if (ls <= 0) return null;
  const to = ls - (text[ls - 1] === '\n' && text[ls - 2] === '\r' ? 2 : 1);
  let from = to;
  while (from > 0 && text[from - 1] !== '\n' && text[from - 1] !== '\r') from--;
  return { from, to };
}

function endBeforeStartFixes(doc: VttDocument, cue: VttCue, next: VttCue | undefined): QuickFix[] {
  const span = { from: cue.endRange.from, to: cue.endRange.to };
  const swap: QuickFix = {
    kind: 'end-before-start', ...span, preferred: !next || next.start <= cue.start,
    title: 'Swap the start and end times',
    changes: [
      { from: cue.startRange.from, to: cue.startRange.to, insert: formatTimestampMs(Math.round(cue.end * 1000), cue.startStyle) },
      { from: cue.endRange.from, to: cue.endRange.to, insert: formatTimestampMs(Math.round(cue.start * 1000), cue.endStyle) },
    ],
  };
  if (!next || next.start <= cue.start) return [swap];
  const toNext: QuickFix = { kind: 'end-before-start', ...span, preferred: true, title: `End when the next cue starts (${formatTimestampMs(Math.round(next.start * 1000), cue.endStyle)})`, changes: retimeCue(doc, cue, { end: next.start }) };
  return [toNext, swap];
}

export interface AppliedFix {
  line: number;
  column: number;
  kind: QuickFixKind;
  title: string;
}

/**
 * Applies the preferred fix of every problem, reparsing and repeating while fixes
 * remain (a repaired timing line can reveal an overlap), at most `rounds` times.
 * `kinds` limits which fixes run. Positions are reported in the text they applied to.
 */
export function applyQuickFixes(text: string, kinds: ReadonlySet<QuickFixKind> | null = null, rounds = 8): { text: string; applied: AppliedFix[] } {
  const applied: AppliedFix[] = [];
  for (let round = 0; round < rounds; round++) {
    const doc = parseVtt(text);
    const lowest = (f: QuickFix) => Math.min(...f.changes.map((c) => c.from));
    const candidates = quickFixes(doc).filter((f) => f.preferred && (!kinds || kinds.has(f.kind)) && f.changes.length > 0);
    const chosen: QuickFix[] = [];
    let reach = -1;
    for (const fix of candidates.sort((a, b) => lowest(a) - lowest(b))) {
      if (lowest(fix) <= reach) continue; // touches what an earlier fix changes: next round
      chosen.push(fix);
      reach = Math.max(...fix.changes.map((c) => c.to));
    }
    if (chosen.length === 0) break;
    const index = new LineIndex(text);
    for (const fix of chosen) applied.push({ ...index.position(fix.from), kind: fix.kind, title: fix.title });
    text = applyChanges(text, chosen.flatMap((f) => f.changes));
  }
  return { text, applied };
}
