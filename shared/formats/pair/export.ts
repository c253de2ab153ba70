/**
 * Writes the TXT of a paired episode after the VTT cues were edited.
 *
 * Untouched entries are copied byte for byte, layout included. An entry whose cues
 * changed gets the cues' word-level change applied onto its own text, so the TXT's own
 * edits (see `PairedEntry.txtOnlyEdits`) survive wherever the change does not touch them;
 * its clock is rewritten only when its first cue now starts in another second, and a
 * speaker block's heading name only when its first cue's speaker changed (a rename
 * changes exactly the names' bytes). New cues become new entries in the TXT's layout
 * (`HH:MM:SS text`, or a `Name M:SS` block) after the entry holding the cue before them;
 * an entry whose cues were all removed is removed with its blank line.
 *
 * Cue identity across edits: the current cues are aligned with the paired snapshot by a
 * Myers diff where two cues are "the same" when they have the same start (to the ms) or
 * the same text, so a text edit or a retime keeps the cue's identity, and insertions and
 * removals shift nothing. Where a cue changed both, the replaced runs of equal length are
 * paired in order (edited in place), longer ones count as removed + inserted cues.
 */
import type { Cue } from '../../model/cue';
import { renderExport, type ExportTxtStyle } from '../episode';
import { formatClock, secondsToMs } from '../timestamp';
import { cueLine } from '../txt/export';
import { parseVtt } from '../vtt/parser';
import { flooredSecond, pairedCueText } from './pair';
import type { PairedEntry, PairLayout, Pairing } from './types';
import { diffBy, diffWords, splitWords, type WordEdit } from './word-diff';

/** Above this many cue insertions/removals the alignment falls back to cue order. */
const MAX_CUE_EDITS = 2000;

interface CueMatch {
  /** For each paired cue, the index of its current cue, or -1 when it was removed. */
  current: Int32Array;
  /** Current cues with no paired cue, grouped by the paired cue they follow (-1: before all). */
  insertedAfter: Map<number, number[]>;
}

function matchCues(pairing: Pairing, currentCues: readonly Cue[]): CueMatch {
  const old = pairing.cues;
  const current = new Int32Array(old.length).fill(-1);
  const insertedAfter = new Map<number, number[]>();
  const addInserted = (after: number, cur: number): void => {
    const list = insertedAfter.get(after);
    if (list) list.push(cur);
    else insertedAfter.set(after, [cur]);
  };
  const oldMs = old.map((c) => (c.start === null ? -1 : secondsToMs(c.start)));
  const curMs = currentCues.map((c) => (c.start === null ? -1 : secondsToMs(c.start)));
  const curText = currentCues.map((c) => pairedCueText(pairing.layout, c));
  const aligned = diffBy(old.length, currentCues.length, (i, k) => oldMs[i] === curMs[k] || old[i]!.text === curText[k], MAX_CUE_EDITS);
  // Too different to align: pair by position.
  const positional = aligned === null;
  const edits = aligned ?? [{ aFrom: 0, aTo: old.length, bFrom: 0, bTo: currentCues.length }];
  let i = 0;
  let k = 0;
  const take = (edit: WordEdit | undefined): void => {
    const untilA = edit ? edit.aFrom : old.length;
    while (i < untilA) current[i++] = k++;
    if (!edit) return;
    const a = edit.aTo - edit.aFrom;
    const b = edit.bTo - edit.bFrom;
    if (a === b || positional) {
      const n = Math.min(a, b);
      for (let t = 0; t < n; t++) current[i++] = k++;
    }
    while (i < edit.aTo) current[i++] = -1;
    while (k < edit.bTo) addInserted(i - 1, k++);
  };
  for (const edit of edits) take(edit);
  take(undefined);
  return { current, insertedAfter };
}

/** Applies the cue-text change (old joined cue words → new) onto the entry line's text. */
function applyOntoEntry(entry: PairedEntry, oldWords: string[], newWords: string[]): string {
  const change = diffWords(oldWords, newWords, 1000);
  if (change === null) return newWords.join(' ');
  const e = splitWords(entry.text);
  // Where each cue word sits in the entry (-1 inside a TXT-only edit).
  const toEntry = new Int32Array(oldWords.length).fill(-1);
  let a = 0;
  let b = 0;
  for (const edit of [...entry.txtOnlyEdits, { aFrom: oldWords.length, aTo: oldWords.length, bFrom: e.words.length, bTo: e.words.length }]) {
    while (a < edit.aFrom) toEntry[a++] = b++;
    a = edit.aTo;
    b = edit.bTo;
  }
  let text = entry.text;
  for (let c = change.length - 1; c >= 0; c--) {
    const edit = change[c]!;
    const insert = newWords.slice(edit.bFrom, edit.bTo).join(' ');
    let ef: number;
    let et: number;
    let contiguous = edit.aFrom < edit.aTo;
    for (let w = edit.aFrom; contiguous && w < edit.aTo; w++) {
      if (toEntry[w]! < 0 || (w > edit.aFrom && toEntry[w]! !== toEntry[w - 1]! + 1)) contiguous = false;
    }
    if (contiguous) {
      ef = toEntry[edit.aFrom]!;
      et = toEntry[edit.aTo - 1]! + 1;
    } else {
      let left = edit.aFrom - 1;
      while (left >= 0 && toEntry[left]! < 0) left--;
      let right = edit.aTo;
      while (right < oldWords.length && toEntry[right]! < 0) right++;
      ef = left >= 0 ? toEntry[left]! + 1 : 0;
      et = right < oldWords.length ? toEntry[right]! : e.words.length;
    }
    let from: number;
    let to: number;
    let piece: string;
    if (ef < et) {
      from = e.starts[ef]!;
      to = e.ends[et - 1]!;
      piece = insert;
      if (!insert) {
        // Removing words: take one separating space with them.
        if (et < e.words.length) to = e.starts[et]!;
        else if (ef > 0) from = e.ends[ef - 1]!;
      }
    } else if (!insert) continue;
    else if (ef > 0) {
      from = to = e.ends[ef - 1]!;
      piece = ' ' + insert;
    } else {
      from = to = e.words.length ? e.starts[0]! : text.length;
      piece = e.words.length ? insert + ' ' : insert;
    }
    text = text.slice(0, from) + piece + text.slice(to);
  }
  return text;
}

/** A clock as the layout writes it: talkpython always shows hours, Otter from one hour on. */
function clockOf(layout: PairLayout, seconds: number): string {
  return formatClock(seconds, { hours: layout === 'lines' ? 'always' : 'auto' });
}

function newEntryLine(layout: PairLayout, cue: Cue, eol: string): string {
  const line = cueLine(cue);
  if (cue.start === null) return line;
  const clock = clockOf(layout, cue.start);
  if (layout === 'lines') return `${clock} ${line}`;
  const heading = cue.speaker ? `${cue.speaker} ${clock}` : clock;
  return line ? heading + eol + line : heading;
}

export function exportPairedTxt(pairing: Pairing, currentCues: readonly Cue[]): string {
  const { txt, entries, eol } = pairing;
  const { current, insertedAfter } = matchCues(pairing, currentCues);
  // New cues go after the entry holding the paired cue they follow; after a VTT-only cue,
  // that is the last entry before it (-1: before the first entry).
  const entryOfCue = new Int32Array(pairing.cues.length).fill(-1);
  let e = -1;
  for (let c = 0; c < pairing.cues.length; c++) {
    while (e + 1 < entries.length && entries[e + 1]!.firstCue <= c) e++;
    entryOfCue[c] = e;
  }
  const added: string[] = new Array<string>(entries.length + 1).fill('');
  const anchors = [...insertedAfter.keys()].sort((a, b) => a - b);
  for (const after of anchors) {
    const slot = (after < 0 ? -1 : entryOfCue[after]!) + 1;
    for (const k of insertedAfter.get(after)!) added[slot] += newEntryLine(pairing.layout, currentCues[k]!, eol) + eol + eol;
  }
  const firstFrom = entries.length ? entries[0]!.from : txt.length;
  let out = txt.slice(0, firstFrom) + added[0]!;
  let lastTrailer: string | null = null;
  let removedLast = false;
  for (let n = 0; n < entries.length; n++) {
    const entry = entries[n]!;
    const trailerEnd = n + 1 < entries.length ? entries[n + 1]!.from : txt.length;
    const trailer = txt.slice(entry.to, trailerEnd);
    const line = entryLine(entry, pairing, current, currentCues);
    removedLast = line === null;
    const after = added[n + 1]!;
    if (line !== null) {
      if (after && n === entries.length - 1 && !trailer.endsWith(eol + eol)) {
        // The file ends without a blank line (Otter's exports): new entries go before its ending.
        out += line + eol + eol + after.slice(0, -2 * eol.length) + trailer;
        lastTrailer = trailer;
        continue;
      }
      out += line + trailer;
      lastTrailer = trailer;
    }
    out += after;
  }
  if (removedLast && lastTrailer !== null && added[entries.length] === '') {
    // The file's ending belonged to the removed last entry: give it to the one now last.
    const finalTrailer = txt.slice(entries[entries.length - 1]!.to);
    out = out.slice(0, out.length - lastTrailer.length) + finalTrailer;
  }
  return out;
}

/** The entry's text in the TXT now, or null when all its cues were removed. */
function entryLine(entry: PairedEntry, pairing: Pairing, current: Int32Array, currentCues: readonly Cue[]): string | null {
  const { txt, layout } = pairing;
  const original = txt.slice(entry.from, entry.to);
  if (entry.cueCount === 0) return original;
  const now: Cue[] = [];
  let changed = false;
  let speaker: { was: string | null; is: string | null } | null = null;
  for (let c = entry.firstCue; c < entry.firstCue + entry.cueCount; c++) {
    const k = current[c]!;
    if (k < 0) {
      changed = true;
      continue;
    }
    const cue = currentCues[k]!;
    now.push(cue);
    speaker ??= { was: pairing.cues[c]!.speaker, is: cue.speaker };
    if (pairedCueText(layout, cue) !== pairing.cues[c]!.text) changed = true;
  }
  if (now.length === 0) return null;
  const first = now[0]!;
  const stamp = first.start === null || flooredSecond(first.start) === entry.seconds ? entry.stamp : clockOf(layout, first.start);
  // Each part of the entry that changed, in order: the heading's name, the clock, the text.
  const parts: { from: number; to: number; insert: string }[] = [];
  if (entry.speaker && speaker && speaker.was !== speaker.is) {
    // No speaker any more: the heading is its clock alone (as the Otter writer writes it).
    const to = speaker.is ? entry.speaker.to : entry.stampFrom;
    parts.push({ from: entry.speaker.from, to, insert: speaker.is ?? '' });
  }
  if (stamp !== entry.stamp) parts.push({ from: entry.stampFrom, to: entry.stampFrom + entry.stamp.length, insert: stamp });
  if (changed) {
    const oldWords: string[] = [];
    for (let c = entry.firstCue; c < entry.firstCue + entry.cueCount; c++) oldWords.push(...splitWords(pairing.cues[c]!.text).words);
    const newWords: string[] = [];
    // Cue text on both sides as the pairing compared it (raw for `lines`, plain words for speaker blocks).
    for (const cue of now) newWords.push(...splitWords(pairedCueText(layout, cue)).words);
    const text = applyOntoEntry(entry, oldWords, newWords);
    const stampEnd = entry.stampFrom + entry.stamp.length;
    if (entry.speaker) {
      // A block that had no words gets its paragraph on the line after the heading; one left without words is its heading alone.
      if (!entry.text) parts.push({ from: entry.to, to: entry.to, insert: text ? pairing.eol + text : '' });
      else parts.push({ from: text ? entry.textFrom : headingEnd(txt, entry.textFrom), to: entry.to, insert: text });
    } else {
      const separator = txt.slice(stampEnd, entry.textFrom) || ' ';
      parts.push({ from: stampEnd, to: entry.to, insert: separator + text });
    }
  }
  let out = '';
  let at = entry.from;
  for (const p of parts) {
    out += txt.slice(at, p.from) + p.insert;
    at = p.to;
  }
  return out + txt.slice(at, entry.to);
}

/** Where the heading line ends, given where the paragraph after it starts. */
function headingEnd(txt: string, textFrom: number): number {
  let end = textFrom;
  if (txt.charCodeAt(end - 1) === 10) end--;
  if (txt.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** The TXT export style a pairing's layout is: the one `episodeTxt` keeps the pair's entries in. */
export function pairedTxtStyle(pairing: Pairing): ExportTxtStyle {
  return pairing.layout === 'speaker-blocks' ? 'speakers' : 'talkpython';
}

/**
 * The TXT of an episode's WebVTT text, for Save, Export TXT and Export cleaned TXT alike.
 * A paired episode keeps its TXT's own entries (which cues each line joins), layout and
 * TXT-only edits, so a cleaned export differs from the TXT only in the cleaned words;
 * anything else is written in `style` from the cues.
 */
export function episodeTxt(vttText: string, pairing: Pairing | null, style: ExportTxtStyle = pairing ? pairedTxtStyle(pairing) : 'talkpython'): string {
  if (pairing && style === pairedTxtStyle(pairing)) return exportPairedTxt(pairing, parseVtt(vttText).cues);
  return renderExport(vttText, { format: 'txt', style });
}
