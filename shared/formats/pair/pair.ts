/**
 * Pairs an episode's VTT with its TXT, in either TXT layout (see `PairLayout`):
 * talkpython's `NNN.txt` (`HH:MM:SS text` entries, each one cue or several consecutive
 * cues joined by single spaces, the clock being the first cue's start floored to the
 * second), or an Otter export (`Name M:SS` headings over paragraphs, each paragraph one
 * or more consecutive cues of that speaker). The layout is the shape the TXT importer
 * reads the file as (txt/import.ts), so it is told by content.
 *
 * Linear: entries and cues are both in time order, so one cursor walks the cues. For each
 * entry the cursor skips cues that start before the entry's second (VTT-only cues), then
 * takes cues while their joined text is a prefix of the entry. When that does not give the
 * entry exactly (the TXT carries its own edits), it tries 1..MAX_CUES_PER_ENTRY cues and
 * keeps the count with the fewest word edits, preferring a count after which the next
 * cue starts in the next entry's second.
 */
import { LineIndex, type Diagnostic } from '../../model/diagnostic';
import type { Cue } from '../../model/cue';
import { secondsToMs } from '../timestamp';
import { scanClock } from '../txt/clock';
import { cueLine } from '../txt/export';
import { speakerHeading, txtShape } from '../txt/import';
import type { PairedCue, PairedEntry, PairLayout, Pairing } from './types';
import { diffWords, editSize, splitWords } from './word-diff';

/** The fixtures join at most 6 cues; twice that leaves room without making the search costly. */
const MAX_CUES_PER_ENTRY = 12;
/** Penalty (in word edits) for a cue count after which the next entry's clock does not line up. */
const MISALIGNED_NEXT = 1000;

/** A cue start as the TXT writes it: floored to the second (after rounding to the millisecond). */
export function flooredSecond(start: number): number {
  return Math.floor(secondsToMs(start) / 1000);
}

interface TxtLine {
  from: number;
  to: number;
}

function lineEnding(text: string): string {
  const i = text.search(/\r\n|\r|\n/);
  if (i < 0) return '\n';
  return text.startsWith('\r\n', i) ? '\r\n' : text[i]!;
}

/** The TXT's lines, without their line endings. */
function txtLines(txt: string): TxtLine[] {
  const lines: TxtLine[] = [];
  let start = 0;
  for (let i = 0; i <= txt.length; i++) {
    const c = i < txt.length ? txt.charCodeAt(i) : -1;
    if (c === 10 || c === 13 || c === -1) {
      lines.push({ from: start, to: i });
      if (c === 13 && txt.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return lines;
}

function readEntries(txt: string, diagnostics: Diagnostic[], index: LineIndex): PairedEntry[] {
  const entries: PairedEntry[] = [];
  txtLines(txt).forEach((line, n) => {
    if (line.from === line.to) return;
    const clock = scanClock(txt, line.from, line.to);
    const sep = clock ? txt.charCodeAt(clock.end) : -1;
    if (!clock || (clock.end !== line.to && sep !== 32 && sep !== 9)) {
      if (txt.slice(line.from, line.to).trim()) diagnostics.push(index.diagnostic(line.from, line.to - line.from, 'warning', 'line without a leading HH:MM:SS clock: kept as it is'));
      return;
    }
    let textFrom = clock.end;
    if (textFrom < line.to) textFrom++;
    entries.push({
      line: n + 1,
      from: line.from,
      to: line.to,
      stamp: txt.slice(line.from, clock.end),
      stampFrom: line.from,
      seconds: clock.seconds,
      textFrom,
      text: txt.slice(textFrom, line.to),
      speaker: null,
      firstCue: 0,
      cueCount: 0,
      txtOnlyEdits: [],
    });
  });
  return entries;
}

/**
 * Otter's speaker blocks: a `Name M:SS` heading, then the paragraph's lines up to a blank
 * line or the next heading. Lines outside blocks (the page's title, summary, notes) are
 * the VTT's NOTE blocks: kept as they are, without a warning.
 */
function readSpeakerBlocks(txt: string): PairedEntry[] {
  const entries: PairedEntry[] = [];
  let open: PairedEntry | null = null;
  txtLines(txt).forEach((line, n) => {
    const text = txt.slice(line.from, line.to);
    if (!text.trim()) {
      open = null;
      return;
    }
    const heading = speakerHeading(text);
    if (heading) {
      open = {
        line: n + 1,
        from: line.from,
        to: line.to,
        stamp: text.slice(heading.stampFrom, heading.stampTo),
        stampFrom: line.from + heading.stampFrom,
        seconds: heading.seconds,
        textFrom: line.to,
        text: '',
        speaker: { from: line.from + heading.nameFrom, to: line.from + heading.nameTo, name: heading.name },
        firstCue: 0,
        cueCount: 0,
        txtOnlyEdits: [],
      };
      entries.push(open);
    } else if (open) {
      const entry: PairedEntry = open;
      if (entry.textFrom === entry.to) entry.textFrom = line.from;
      entry.to = line.to;
      entry.text = txt.slice(entry.textFrom, entry.to);
    }
  });
  return entries;
}

/** The layout a TXT partner is read in. */
export function pairLayoutOf(txt: string): PairLayout {
  return txtShape(txt) === 'speaker-blocks' ? 'speaker-blocks' : 'lines';
}

/** A cue's text as `layout` compares it with the TXT (see `PairLayout`). */
export function pairedCueText(layout: PairLayout, cue: Cue): string {
  return layout === 'speaker-blocks' ? cueLine(cue) : cue.text;
}

export function pairEpisode(cues: readonly Cue[], txtText: string): Pairing {
  const diagnostics: Diagnostic[] = [];
  const index = new LineIndex(txtText);
  const layout = pairLayoutOf(txtText);
  const entries = layout === 'speaker-blocks' ? readSpeakerBlocks(txtText) : readEntries(txtText, diagnostics, index);
  const paired: PairedCue[] = cues.map((c) => ({ start: c.start, text: pairedCueText(layout, c), speaker: c.speaker }));
  const seconds = paired.map((c) => (c.start === null ? -1 : flooredSecond(c.start)));
  const vttOnlyCues: number[] = [];
  let j = 0;
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e]!;
    while (j < paired.length && seconds[j]! < entry.seconds) vttOnlyCues.push(j++);
    entry.firstCue = j;
    if (j >= paired.length || seconds[j]! > entry.seconds) {
      diagnostics.push(index.diagnostic(entry.from, entry.stamp.length, 'warning', `no cue starts at ${entry.stamp}: entry kept as TXT-only`));
      continue;
    }
    // Fast path: consecutive cues whose joined text is exactly the entry.
    let joined = paired[j]!.text;
    let count = 1;
    while (joined.length < entry.text.length && j + count < paired.length && entry.text.startsWith(joined + ' ')) {
      joined += ' ' + paired[j + count]!.text;
      count++;
    }
    if (joined === entry.text) {
      entry.cueCount = count;
      j += count;
      continue;
    }
    const entryWords = splitWords(entry.text).words;
    const next = entries[e + 1];
    let best = -1;
    let bestScore = Infinity;
    const cueWords: string[] = [];
    for (let k = 1; k <= MAX_CUES_PER_ENTRY && j + k <= paired.length; k++) {
      cueWords.push(...splitWords(paired[j + k - 1]!.text).words);
      if (cueWords.length > entryWords.length * 2 + 20) break;
      const edits = diffWords(cueWords, entryWords);
      let score = edits === null ? Infinity : editSize(edits);
      const after = j + k < paired.length ? seconds[j + k]! : Infinity;
      if (next && after !== next.seconds) score += MISALIGNED_NEXT;
      if (score < bestScore) {
        bestScore = score;
        best = k;
      }
    }
    if (best < 0) best = 1;
    entry.cueCount = best;
    const words: string[] = [];
    for (let k = 0; k < best; k++) words.push(...splitWords(paired[j + k]!.text).words);
    entry.txtOnlyEdits = diffWords(words, entryWords, 1000) ?? [{ aFrom: 0, aTo: words.length, bFrom: 0, bTo: entryWords.length }];
    if (bestScore >= MISALIGNED_NEXT) {
      diagnostics.push(index.diagnostic(entry.from, entry.to - entry.from, 'warning', 'could not tell which cues make this entry; paired by best word match'));
    }
    j += best;
  }
  while (j < paired.length) vttOnlyCues.push(j++);
  return { layout, txt: txtText, eol: lineEnding(txtText), cues: paired, entries, vttOnlyCues, diagnostics };
}

/** Entries whose text differs from their cues': lines the TXT edited on its own. */
export function txtOnlyEdits(pairing: Pairing): PairedEntry[] {
  return pairing.entries.filter((e) => e.txtOnlyEdits.length > 0);
}
