import type { Diagnostic } from '../../model/diagnostic';
import type { WordEdit } from './word-diff';

/** What the pairing remembers of a VTT cue as it was when the pair was opened. */
export interface PairedCue {
  start: number | null;
  text: string;
}

/** One `HH:MM:SS text` line of the TXT and the consecutive cues it was made from. */
export interface PairedEntry {
  /** 1-based line number in the TXT. */
  line: number;
  /** Offsets of the line in the TXT, without its line ending. */
  from: number;
  to: number;
  /** The clock as written, and its value in whole seconds. */
  stamp: string;
  seconds: number;
  /** Offset (in the TXT) where the entry text starts, after the clock and its space. */
  textFrom: number;
  text: string;
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
