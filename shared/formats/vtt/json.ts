/**
 * The `--to json` shape other tools consume. Settings carry the VTTCue attribute values
 * the WebVTT spec defines (defaults included), so it compares with a browser's parse.
 * `valid` is false when the WEBVTT signature is wrong: a browser would then show no
 * cues at all, while `cues` still lists what we recovered for editing.
 */
import type { Severity } from '../../model/diagnostic';
import type { VttCueSettings, VttDocument, VttRegion } from './types';

export interface VttJson {
  valid: boolean;
  cues: {
    id: string;
    start: number;
    end: number;
    text: string;
    settings: VttCueSettings;
    speaker: string | null;
  }[];
  regions: VttRegion[];
  styles: string[];
  notes: string[];
  diagnostics: { line: number; column: number; severity: Severity; message: string }[];
}

export function toJson(doc: VttDocument): VttJson {
  return {
    valid: doc.signature.valid,
    cues: doc.cues.map((c) => ({
      id: c.id,
      start: c.start,
      end: c.end,
      text: c.text,
      settings: {
        vertical: c.settings.vertical,
        line: c.settings.line,
        snapToLines: c.settings.snapToLines,
        lineAlign: c.settings.lineAlign,
        position: c.settings.position,
        positionAlign: c.settings.positionAlign,
        size: c.settings.size,
        align: c.settings.align,
        region: c.settings.region,
      },
      speaker: c.speaker,
    })),
    regions: doc.regions.map((r) => ({ ...r })),
    styles: [...doc.styles],
    notes: [...doc.notes],
    diagnostics: doc.diagnostics.map((d) => ({ line: d.line, column: d.column, severity: d.severity, message: d.message })),
  };
}
