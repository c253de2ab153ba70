import { open, type FileHandle } from 'node:fs/promises';
import { sniffAudioFormat, type AudioFormat } from './audio-format';

/** Up to `length` bytes of `file` at `position` (fewer at the end of the file). */
export async function readAt(file: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** The audio format of a file, from its first 4 KiB (see audio-format.ts). */
export async function sniffAudioFile(path: string): Promise<AudioFormat> {
  const file = await open(path, 'r');
  try {
    return sniffAudioFormat(await readAt(file, 0, 4096));
  } finally {
    await file.close();
  }
}
