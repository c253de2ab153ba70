import type { FileHandle } from 'node:fs/promises';

/** Up to `length` bytes of `file` at `position` (fewer at the end of the file). */
export async function readAt(file: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}
