import type { Diagnostic } from '../../model/diagnostic';
import type { WordEdit } from './word-diff';

/**
 * How the TXT lays out its entries:
 * - `lines`: one `HH:MM:SS text` line per entry (talkpython repos); cue text is compared raw.
 * - `speaker-blocks`: Otter's `Name M:SS` heading over a paragraph; cue text is compared as
 *   the plain words a reader sees (no `<v>` tag, references decoded), and the heading's
 *   name follows the cues' speaker.
 */
export type PairLayout = 'lines' | 'speaker-blocks';

/** What the pairing remembers of a VTT cue as it was when the pair was opened. */
export interface PairedCue {
  start: number | null;
  /** The cue's text as the layout compares it (see `PairLayout`). */
  text: string;
  speaker: string | null;
}

/** Where a speaker-block heading writes its speaker's name. */
export interface PairedSpeaker {
  /** Offsets of the name in the TXT. */
  from: number;
  to: number;
  name: string;
}

/** One entry of the TXT (a `HH:MM:SS text` line, or a speaker block) and the consecutive cues it was made from. */
export interface PairedEntry {
  /** 1-based line number in the TXT (of the heading, for a speaker block). */
  line: number;
  /** Offsets of the entry in the TXT, without its final line ending. */
  from: number;
  to: number;
  /** The clock as written, where it is written, and its value in whole seconds. */
  stamp: string;
  stampFrom: number;
  seconds: number;
  /** Offset (in the TXT) where the entry text starts: after the clock and its space, or the heading's line ending. */
  textFrom: number;
  text: string;
  /** The speaker name of a speaker-block heading; null in the `lines` layout. */
  speaker: PairedSpeaker | null;
  /** Index of the entry's first cue in `Pairing.cues`, and how many cues it joins (0: TXT-only entry). */
  firstCue: number;
  cueCount: number;
  /**
   * Word edits from the joined cue text to the entry text: what the TXT says that the
   * VTT lacks (515 L23: a spoken URL normalised; L89: a stutter removed). Empty when equal.
   */
  txtOnlyEdits: WordEdit[];
}

export interface Pairing {
  layout: PairLayout;
  /** The TXT as opened; untouched entries and all layout are copied from it. */
  txt: string;
  /** The TXT's line ending, used for new entries. */
  eol: string;
  cues: PairedCue[];
  entries: PairedEntry[];
  /** Cues no TXT entry contains (they are left out of the TXT on export, as before). */
  vttOnlyCues: number[];
  diagnostics: Diagnostic[];
}
