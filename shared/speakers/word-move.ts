/**
 * Moving words across a speaker turn: speech recognition often starts a block with the
 * previous speaker's last words (or ends one with the next speaker's first). The words
 * before a cut go to the end of the previous cue, or the words after it to the start of
 * the next cue; the cut sits after any leading `<v Name>` and before a closing `</v>`, so
 * the words take the other cue's speaker. Both cues' times follow the words: from word
 * times when the cue has them, else in proportion to the characters on each side.
 */
import type { TextChange } from '../model/text-change';
import { cueTextToPlain } from '../formats/vtt/cue-text';
import { removeCue, retimeCue } from '../formats/vtt/edit';
import type { VttCue, VttDocument } from '../formats/vtt/types';
import type { TimingEdit } from '../timing';
import { leadingVoice } from './voices';

export type MoveDirection = 'previous' | 'next';

/** A timed word of the cue being cut (document offsets, seconds). */
export interface TimedWord {
  from: number;
  to: number;
  start: number;
  end: number;
}

export interface WordMove extends TimingEdit {
  /** Why nothing was moved (no neighbour, no words on that side). */
  refused?: string;
}

/** Where a cue's words are: after its leading voice tag, before a closing `</v>`. */
function body(doc: VttDocument, cue: VttCue): { from: number; to: number } {
  const raw = doc.text.slice(cue.textRange.from, cue.textRange.to);
  const lead = leadingVoice(raw);
  let from = cue.textRange.from + (lead ? lead.to : 0);
  let to = cue.textRange.to;
  if (raw.endsWith('</v>') && to - 4 >= from) to -= 4;
  while (from < to && /\s/.test(doc.text[from]!)) from++;
  while (to > from && /\s/.test(doc.text[to - 1]!)) to--;
  return { from, to };
}

const weight = (raw: string) => cueTextToPlain(raw).replace(/\s+/g, ' ').trim().length;

/**
 * Moves the words of cue `index` before `cut` to the previous cue (`previous`), or those
 * after it to the next cue (`next`). `words`: the cue's word times, when known. A cue
 * left without words is removed, its time going to the neighbour.
 */
export function moveWords(doc: VttDocument, index: number, cut: number, direction: MoveDirection, words: readonly TimedWord[] | null = null): WordMove {
  const cue = doc.cues[index];
  const other = doc.cues[direction === 'previous' ? index - 1 : index + 1];
  if (!cue) return { changes: [], refused: 'No cue here.' };
  if (!other) return { changes: [], refused: direction === 'previous' ? 'This is the first cue: there is no previous cue to move words to.' : 'This is the last cue: there is no next cue to move words to.' };
  const own = body(doc, cue);
  const at = Math.max(own.from, Math.min(cut, own.to));
  const before = doc.text.slice(own.from, at);
  const after = doc.text.slice(at, own.to);
  const moved = (direction === 'previous' ? before : after).trim();
  const kept = (direction === 'previous' ? after : before).trim();
  if (!moved) return { changes: [], refused: direction === 'previous' ? 'No words before the cursor to move.' : 'No words after the cursor to move.' };

  // The boundary time between the moved and the kept words.
  let movedEdge: number; // end (previous) or start (next) of the moved words
  let keptEdge: number; // start (previous) or end (next) of the kept words
  const timed = words?.filter((w) => w.from >= own.from && w.to <= own.to) ?? [];
  const movedWords = timed.filter((w) => (direction === 'previous' ? w.to <= at : w.from >= at));
  const keptWords = timed.filter((w) => (direction === 'previous' ? w.from >= at : w.to <= at));
  if (movedWords.length && (keptWords.length || !kept)) {
    movedEdge = direction === 'previous' ? movedWords.at(-1)!.end : movedWords[0]!.start;
    keptEdge = keptWords.length ? (direction === 'previous' ? keptWords[0]!.start : keptWords.at(-1)!.end) : movedEdge;
  } else {
    const head = weight(before);
    const tail = weight(after);
    const t = cue.start + ((cue.end - cue.start) * head) / Math.max(1, head + tail);
    movedEdge = keptEdge = Math.round(t * 1000) / 1000;
  }

  const changes: TextChange[] = [];
  const target = body(doc, other);
  const otherHasText = other.textRange.to > other.textRange.from;
  // A cue left without words goes; its time goes to the neighbour that took them.
  if (direction === 'previous') changes.push(...retimeCue(doc, other, { end: Math.max(other.end, kept ? movedEdge : cue.end) }));
  else changes.push(...retimeCue(doc, other, { start: Math.min(other.start, kept ? movedEdge : cue.start) }));
  if (!otherHasText) changes.push({ from: other.timingRange.to, to: other.timingRange.to, insert: doc.eol + moved });
  else if (direction === 'previous') changes.push({ from: target.to, to: target.to, insert: (target.to > target.from ? ' ' : '') + moved });
  else changes.push({ from: target.from, to: target.from, insert: moved + (target.to > target.from ? ' ' : '') });
  if (!kept) changes.push(...removeCue(doc, cue));
  else if (direction === 'previous') {
    changes.push({ from: own.from, to: at + (after.length - after.trimStart().length), insert: '' });
    changes.push(...retimeCue(doc, cue, { start: Math.min(Math.max(cue.start, keptEdge), cue.end) }));
  } else {
    changes.push({ from: at - (before.length - before.trimEnd().length), to: own.to, insert: '' });
    changes.push(...retimeCue(doc, cue, { end: Math.max(Math.min(cue.end, keptEdge), cue.start) }));
  }
  changes.sort((a, b) => a.from - b.from);
  return { changes };
}
