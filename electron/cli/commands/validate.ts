/**
 * `validate FILE...`: parses each transcript and prints its problems as
 * `file:line:col: severity: message`. Exit code 1 when any file has an error, else 0
 * (2 for a usage mistake).
 *
 * Files are decoded as UTF-8 with the BOM kept in the text (the parsers expect it as
 * U+FEFF). The shared transcript reader (electron/services/transcript-file.ts) did not
 * exist yet when this was written; switch to it once it lands.
 */
import { extname, resolve } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../../../shared/model/diagnostic';
import { parseSrt } from '../../../shared/formats/srt';
import { parseVtt } from '../../../shared/formats/vtt';
import { readTranscriptFile } from '../../services/transcript-file';
import type { CliIO } from '../io';

export type TranscriptFormat = 'vtt' | 'srt';

/** `.srt` → SRT, `.vtt` → WebVTT; otherwise sniff: a leading cue number + SRT timing means SRT. */
export function detectFormat(path: string, text: string): TranscriptFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.srt') return 'srt';
  if (ext === '.vtt') return 'vtt';
  const head = text.replace(/^\ufeff/, '').slice(0, 200);
  if (/^WEBVTT/.test(head)) return 'vtt';
  return /^\s*\d+\s*\r?\n\s*\d+:\d\d:\d\d,\d+\s*-->/.test(head) ? 'srt' : 'vtt';
}

export function diagnose(path: string, text: string): Diagnostic[] {
  return detectFormat(path, text) === 'srt' ? parseSrt(text).diagnostics : parseVtt(text).diagnostics;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const files = args.filter((a) => a !== '--');
  if (files.length === 0 || files.some((f) => f === '--help' || f === '-h')) {
    io.stderr('usage: validate FILE...  check WebVTT/SRT files; prints file:line:col: severity: message\n');
    return files.length === 0 ? 2 : 0;
  }
  let failed = false;
  for (const file of files) {
    // The same reader as the app: UTF-16 and Windows-1252 files are decoded, not misread as UTF-8.
    const read = await readTranscriptFile(resolve(io.cwd, file));
    if (!read.ok) {
      io.stderr(`${file}: error: cannot read file: ${read.message}\n`);
      failed = true;
      continue;
    }
    const diagnostics = diagnose(file, read.text);
    for (const d of diagnostics) io.stdout(formatDiagnostic(file, d) + '\n');
    if (diagnostics.some((d) => d.severity === 'error')) failed = true;
  }
  return failed ? 1 : 0;
}
