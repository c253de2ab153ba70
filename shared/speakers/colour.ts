/**
 * A colour per speaker, the same everywhere (transcript labels, waveform regions): from a
 * hash of the name, so it does not change when speakers are added or the file reopened.
 * The palette keeps contrast on light and dark backgrounds (used as text and as tints).
 */
export const SPEAKER_PALETTE: readonly string[] = ['#1f77b4', '#d35400', '#2e8b57', '#8e44ad', '#c0392b', '#16a085', '#b7950b', '#5d6d7e'];

export function speakerColour(name: string): string {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return SPEAKER_PALETTE[(h >>> 0) % SPEAKER_PALETTE.length]!;
}
