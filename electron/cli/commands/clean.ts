/**
 * `clean IN [--fillers] [--stutters] [--chrome] [--case] [--whitespace] [--remove-empty] [--accept-suggested] [-o OUT]`:
 * cleans a transcript's words (WebVTT: cue text only, never markup; TXT: the text after
 * each timestamp; timings never change). The format comes from the content, so a WebVTT
 * saved as `.txt` is cleaned as WebVTT. Without an option, fillers, stutters and
 * whitespace are cleaned. Changes that may alter the meaning ("long, long time") are
 * listed as suggestions and applied only with `--accept-suggested`. Prints the result,
 * or writes OUT atomically in the input's encoding. A summary of what changed (per kind)
 * goes to stderr.
 */
import { resolve } from 'node:path';
import { acceptedByDefault, cleanText, cleanVtt, type CleaningChange, type CleaningOptions } from '../../../shared/cleaning';
import { detectFormat } from '../../../shared/formats/detect';
import { LineIndex } from '../../../shared/model/diagnostic';
import { applyChanges } from '../../../shared/model/text-change';
import { readTranscriptFile, writeTranscriptFile } from '../../services/transcript-file';
import type { CliIO } from '../io';

const USAGE = 'usage: clean IN [--fillers] [--stutters] [--chrome] [--case] [--whitespace] [--remove-empty] [--accept-suggested] [-o OUT]\n';

export async function run(args: string[], io: CliIO): Promise<number> {
  const options: CleaningOptions & { removeEmptyCues?: boolean } = {};
  let input: string | null = null;
  let out: string | null = null;
  let acceptSuggested = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--fillers') options.fillers = true;
    else if (a === '--stutters') options.repetitions = true;
    else if (a === '--chrome') options.chrome = true;
    else if (a === '--case') options.case = true;
    else if (a === '--whitespace') options.whitespace = true;
    else if (a === '--remove-empty') options.removeEmptyCues = true;
    else if (a === '--accept-suggested') acceptSuggested = true;
    else if (a === '-o' || a === '--out') out = args[++i] ?? null;
    else if (a.startsWith('-')) return io.stderr(`clean: unknown option ${a}\n${USAGE}`), 2;
    else if (input === null) input = a;
    else return io.stderr(USAGE), 2;
  }
  if (!input || (out === null && args.includes('-o'))) return io.stderr(USAGE), 2;
  if (!options.fillers && !options.repetitions && !options.chrome && !options.case && !options.whitespace) {
    Object.assign(options, { fillers: true, repetitions: true, whitespace: true });
  }
  const read = await readTranscriptFile(resolve(io.cwd, input));
  if (!read.ok) return io.stderr(`${read.message}\n`), 1;
  if (read.notice) io.stderr(`${input}: note: ${read.notice}\n`);
  const format = detectFormat(read.text);
  const all: CleaningChange[] = format === 'vtt' ? cleanVtt(read.text, options) : cleanText(read.text, options, format).changes;
  const changes = acceptSuggested ? all : acceptedByDefault(all);
  const cleaned = applyChanges(read.text, changes);
  const kinds = new Map<string, number>();
  for (const c of changes) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
  io.stderr(`${input}: ${changes.length} change${changes.length === 1 ? '' : 's'}${kinds.size ? ` (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}\n`);
  if (!acceptSuggested) {
    const lines = new LineIndex(read.text);
    for (const c of all) {
      if (!c.suggested) continue;
      const { line, column } = lines.position(c.from);
      io.stderr(`${input}:${line}:${column}: suggestion: remove "${read.text.slice(c.from, c.to)}" (${c.kind}, may be meant; not applied without --accept-suggested)\n`);
    }
  }
  if (out === null) {
    io.stdout(cleaned);
    return 0;
  }
  try {
    await writeTranscriptFile(resolve(io.cwd, out), cleaned, read.encoding);
  } catch (error) {
    io.stderr(`${out}: cannot write (${error instanceof Error ? error.message : String(error)})\n`);
    return 1;
  }
  return 0;
}
