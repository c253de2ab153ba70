/**
 * `validate [--fix] FILE...`: parses each transcript and prints its problems as
 * `file:line:col: severity: message`. Exit code 1 when any file still has an error,
 * else 0 (2 for a usage mistake).
 *
 * The format comes from the content (shared/formats/detect.ts), as everywhere else:
 * a WebVTT saved as `.txt` is checked as WebVTT. Files are read with the app's reader,
 * so UTF-16 and Windows-1252 files are decoded (and the latter said so).
 *
 * `--fix` applies the WebVTT quick fixes (shared/formats/vtt/quick-fixes.ts: signature,
 * timing lines browsers drop, end before start, overlaps, missing blank lines), prints
 * each as `file:line:col: fixed: what`, writes the file atomically in its own encoding
 * when something changed, then reports what is left.
 */
import { resolve } from 'node:path';
import { detectFormat } from '../../../shared/formats/detect';
import { parseSrt } from '../../../shared/formats/srt';
import { importTxt } from '../../../shared/formats/txt';
import { applyQuickFixes, parseVtt } from '../../../shared/formats/vtt';
import { formatDiagnostic, type Diagnostic } from '../../../shared/model/diagnostic';
import { readTranscriptFile, writeTranscriptFile } from '../../services/transcript-file';
import type { CliIO } from '../io';
import { readFailure } from './convert';

const USAGE = 'usage: validate [--fix] FILE...  check transcripts; prints file:line:col: severity: message; --fix applies the WebVTT quick fixes\n';

export function diagnose(text: string): Diagnostic[] {
  const format = detectFormat(text);
  if (format === 'srt') return parseSrt(text).diagnostics;
  if (format === 'txt') return importTxt(text).diagnostics;
  return parseVtt(text).diagnostics;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const fix = args.includes('--fix');
  const files = args.filter((a) => a !== '--' && a !== '--fix');
  const unknown = files.find((f) => f.startsWith('-') && f !== '-h' && f !== '--help');
  if (unknown) {
    io.stderr(`validate: unknown option '${unknown}'\n${USAGE}`);
    return 2;
  }
  if (files.length === 0 || files.some((f) => f === '--help' || f === '-h')) {
    io.stderr(USAGE);
    return files.length === 0 ? 2 : 0;
  }
  let failed = false;
  for (const file of files) {
    const path = resolve(io.cwd, file);
    const read = await readTranscriptFile(path);
    if (!read.ok) {
      io.stderr(readFailure(file, read.message) + '\n');
      failed = true;
      continue;
    }
    if (read.notice) io.stderr(`${file}: note: ${read.notice}\n`);
    let text = read.text;
    if (fix) {
      if (detectFormat(text) === 'vtt') {
        const result = applyQuickFixes(text);
        for (const a of result.applied) io.stdout(`${file}:${a.line}:${a.column}: fixed: ${a.title}\n`);
        if (result.text !== text) {
          try {
            await writeTranscriptFile(path, result.text, read.encoding);
          } catch (error) {
            io.stderr(`${file}: error: cannot write the fixes: ${(error as Error).message}\n`);
            failed = true;
            continue;
          }
          text = result.text;
        }
      } else io.stderr(`${file}: note: quick fixes apply to WebVTT only; checked as ${detectFormat(text).toUpperCase()}\n`);
    }
    const diagnostics = diagnose(text);
    for (const d of diagnostics) io.stdout(formatDiagnostic(file, d) + '\n');
    if (diagnostics.some((d) => d.severity === 'error')) failed = true;
  }
  return failed ? 1 : 0;
}
