import type { Cue } from '../../model/cue';
import type { Diagnostic } from '../../model/diagnostic';
import type { TimestampStyle } from '../timestamp';

/** Half-open span `[from, to)` of absolute offsets into the document text. */
export interface TextRange {
  from: number;
  to: number;
}

export type LineEnding = '\n' | '\r\n' | '\r';

/**
 * A cue's settings with the values the WebVTT spec gives the VTTCue attributes
 * (defaults included), so ours and a browser's parse compare field by field.
 */
export interface VttCueSettings {
  vertical: '' | 'rl' | 'lr';
  line: number | 'auto';
  snapToLines: boolean;
  lineAlign: 'start' | 'center' | 'end';
  position: number | 'auto';
  positionAlign: 'line-left' | 'center' | 'line-right' | 'auto';
  size: number;
  align: 'start' | 'center' | 'end' | 'left' | 'right';
  /** Identifier of the region the cue is placed in; null when none applies. */
  region: string | null;
}

/** One `name:value` token of a cue's settings, kept with its source range. */
export interface VttSettingToken {
  name: string;
  value: string;
  range: TextRange;
  /** False when the spec's parser skips this token (unknown name or bad value). */
  applied: boolean;
}

export interface VttRegion {
  id: string;
  width: number;
  lines: number;
  regionAnchorX: number;
  regionAnchorY: number;
  viewportAnchorX: number;
  viewportAnchorY: number;
  scroll: '' | 'up';
}

export interface VttCue extends Cue {
  start: number;
  end: number;
  /** The whole cue block: id line (if any) through the last text line. */
  range: TextRange;
  idRange: TextRange | null;
  /** The timing line without its line terminator. */
  timingRange: TextRange;
  startRange: TextRange;
  endRange: TextRange;
  /** Everything after the end timestamp on the timing line (may be empty). */
  settingsRange: TextRange;
  /** The cue text lines (empty range at the end of the timing line when there is no text). */
  textRange: TextRange;
  settings: VttCueSettings;
  settingTokens: readonly VttSettingToken[];
  startStyle: TimestampStyle;
  endStyle: TimestampStyle;
}

export type VttBlock =
  | { kind: 'cue'; range: TextRange; cue: VttCue }
  | { kind: 'note'; range: TextRange; text: string }
  | { kind: 'style'; range: TextRange; css: string; cssRange: TextRange }
  | { kind: 'region'; range: TextRange; region: VttRegion; settingsRange: TextRange }
  /** A block a WebVTT parser drops (no timing line, bad timing, STYLE after a cue...). */
  | { kind: 'ignored'; range: TextRange };

export interface VttSignature {
  valid: boolean;
  /** The `WEBVTT` word (or where it should be). */
  range: TextRange;
}

export interface VttHeader {
  /** Signature line plus any header lines up to the first blank line. */
  range: TextRange;
  /** Text after `WEBVTT` and its separating space/tab on the signature line. */
  description: string;
  descriptionRange: TextRange;
}

export interface VttDocument {
  text: string;
  bom: boolean;
  /** The first line ending found (`\n` when the text has none); insertions use it. */
  eol: LineEnding;
  signature: VttSignature;
  header: VttHeader;
  /** Offset where the block list starts (after the header and its blank lines). */
  bodyStart: number;
  blocks: VttBlock[];
  cues: VttCue[];
  regions: VttRegion[];
  styles: string[];
  notes: string[];
  diagnostics: Diagnostic[];
}
