import type { Cue } from '../../model/cue';
import type { Diagnostic } from '../../model/diagnostic';

export type TxtShape = 'timestamped-hms' | 'timestamped-mmss' | 'speaker-blocks' | 'untimed';

/** A cue read from TXT, with where it came from so nothing of the source is lost. */
export interface ImportedCue extends Cue {
  /** 1-based line of the entry's first line (the heading line for speaker blocks). */
  line: number;
  /** The clock as written (`00:01:15`, `0:06`), consumed as the start time; null when untimed. */
  stamp: string | null;
}

/** Text the importer kept but did not make a cue of (page chrome, headers). */
export interface ImportedNote {
  text: string;
  line: number;
}

export interface TxtImport {
  shape: TxtShape;
  /** Share of the non-empty lines the chosen shape explains (0..1). */
  confidence: number;
  /** Set when the shape is uncertain or the result needs attention. */
  message?: string;
  cues: ImportedCue[];
  notes: ImportedNote[];
  diagnostics: Diagnostic[];
}
