/**
 * Alt+drag on a word of a cue's waveform label, as a pure function of the cues and the
 * pointer: dragged toward the previous cue, the word and every word before it go there;
 * toward the next cue, the word and every word after it. The drop counts only once the
 * pointer has crossed the cue's edge on that side (into the neighbour's region or the
 * gap before it); released short of it, nothing moves. What the drop does is the
 * keyboard's Words to previous / next (speakers/commands.ts), so both give the same text
 * and times.
 */
import type { VttCue } from '../../../shared/formats/vtt/types';
import type { MoveDirection } from '../../../shared/speakers';
import { cueIndexAt } from '../../../shared/timing/cue-at';

export interface WordDragInput {
  cues: readonly VttCue[];
  /** The dragged cue's `range.from`. */
  at: number;
  /** The grabbed word (0-based) and how many words the cue has. */
  word: number;
  words: number;
  /** Seconds under the pointer when it went down, and now. */
  origin: number;
  pointer: number;
}

export interface WordDragPlan {
  /** Which way the words would go; null while the pointer is where it went down. */
  direction: MoveDirection | null;
  /** The words that would move: [from, to) word indices. */
  from: number;
  to: number;
  /** The neighbour they would go to (its `range.from`), or null when there is none that way. */
  target: number | null;
  /** The pointer is past the cue's edge toward `target`: releasing moves the words. */
  armed: boolean;
}

export function wordDragPlan({ cues, at, word, words, origin, pointer }: WordDragInput): WordDragPlan {
  const index = cueIndexAt(cues, at);
  const cue = cues[index];
  const none: WordDragPlan = { direction: null, from: word, to: word, target: null, armed: false };
  if (!cue || cue.range.from !== at || word < 0 || word >= words) return none;
  // Outside the cue its side decides; inside it, which way the pointer went.
  const direction: MoveDirection | null = pointer < cue.start ? 'previous' : pointer > cue.end ? 'next'
    : pointer < origin ? 'previous' : pointer > origin ? 'next' : null;
  if (!direction) return none;
  const neighbour = cues[direction === 'previous' ? index - 1 : index + 1];
  const [from, to] = direction === 'previous' ? [0, word + 1] : [word, words];
  const armed = neighbour !== undefined && (direction === 'previous' ? pointer < cue.start : pointer > cue.end);
  return { direction, from, to, target: neighbour?.range.from ?? null, armed };
}
