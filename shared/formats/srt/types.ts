import type { Cue } from '../../model/cue';
import type { Diagnostic } from '../../model/diagnostic';
import type { TimestampStyle } from '../timestamp';
import type { LineEnding, TextRange } from '../vtt/types';

export interface SrtCue extends Cue {
  start: number;
  end: number;
  /** The number written above the timing line; null when the file omitted it. */
  index: number | null;
  range: TextRange;
  indexRange: TextRange | null;
  timingRange: TextRange;
  startRange: TextRange;
  endRange: TextRange;
  /** Text after the end time on the timing line (old `X1:… Y2:…` coordinates); usually empty. */
  extraRange: TextRange;
  /** Text lines; an empty range at the end of the timing line when the cue has no text. */
  textRange: TextRange;
  startStyle: TimestampStyle;
  endStyle: TimestampStyle;
}

export interface SrtDocument {
  text: string;
  bom: boolean;
  eol: LineEnding;
  cues: SrtCue[];
  diagnostics: Diagnostic[];
}
