/**
 * Finds the files that belong with a transcript: audio with the same basename, and the
 * TXT/VTT partner of a paired episode (`515-temporal.vtt` + `515-temporal.txt`).
 */
import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

export const AUDIO_EXTENSIONS = ['.mp3', '.m4a', '.wav', '.ogg', '.opus', '.flac', '.aac', '.oga'] as const;
export const TRANSCRIPT_EXTENSIONS = ['.vtt', '.srt', '.txt'] as const;

export function isAudioPath(path: string): boolean {
  return (AUDIO_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());
}

export interface Companions {
  audio: string | null;
  /** The other member of a TXT+VTT pair, if present. */
  partner: string | null;
}

export async function findCompanions(transcriptPath: string): Promise<Companions> {
  const dir = dirname(transcriptPath);
  const ext = extname(transcriptPath);
  const stem = basename(transcriptPath, ext);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return { audio: null, partner: null };
  }
  // Same stem, case-sensitive first (Linux), then case-insensitive (macOS/Windows habits).
  const byExt = new Map<string, string>();
  for (const name of names) {
    const e = extname(name);
    const s = name.slice(0, name.length - e.length);
    const key = e.toLowerCase();
    if (s === stem || (!byExt.has(key) && s.toLowerCase() === stem.toLowerCase())) byExt.set(key, name);
  }
  const audioName = AUDIO_EXTENSIONS.map((e) => byExt.get(e)).find((n) => n !== undefined);
  const partnerExt = ext.toLowerCase() === '.txt' ? '.vtt' : ext.toLowerCase() === '.vtt' ? '.txt' : null;
  const partnerName = partnerExt ? byExt.get(partnerExt) : undefined;
  return {
    audio: audioName ? join(dir, audioName) : null,
    partner: partnerName ? join(dir, partnerName) : null,
  };
}
