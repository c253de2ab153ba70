/**
 * `convert IN --to vtt|srt|txt|json [--txt-style talkpython|paragraphs|plain] [--pair OTHER] [-o OUT]`
 *
 * The input's format is told from its content (shared/formats/detect.ts), never its name.
 * Output goes to stdout, or with `-o` is written atomically, in the input's encoding when
 * the output format is the input's, else UTF-8. With `--pair`, IN and OTHER (one WebVTT,
 * one talkpython TXT) are read as one episode, so `--to txt` gives the TXT back exactly
 * as kept beside the VTT. Errors print as `file:line:col: error: message` and exit 1;
 * a usage mistake exits 2.
 */
import { resolve } from 'node:path';
import { detectFormat, type TranscriptFormat } from '../../../shared/formats/detect';
import { exportPairedTxt, pairEpisode } from '../../../shared/formats/pair';
import { parseSrt, writeSrt } from '../../../shared/formats/srt';
import { escapeCueText, exportTxt, importToVtt, importTxt, TXT_STYLES, type TxtImport, type TxtStyle } from '../../../shared/formats/txt';
import { parseVtt, toJson, writeVtt, type VttDocument } from '../../../shared/formats/vtt';
import type { Cue } from '../../../shared/model/cue';
import { formatDiagnostic, type Diagnostic } from '../../../shared/model/diagnostic';
import { readTranscriptFile, writeTranscriptFile, type TextEncodingName } from '../../services/transcript-file';
import type { CliIO } from '../io';

type Target = 'vtt' | 'srt' | 'txt' | 'json';
const TARGETS: readonly Target[] = ['vtt', 'srt', 'txt', 'json'];

const USAGE = 'usage: convert IN --to vtt|srt|txt|json [--txt-style talkpython|paragraphs|plain] [--pair OTHER] [-o OUT]\n';

interface Options {
  input: string;
  to: Target;
  style: TxtStyle;
  pair: string | null;
  out: string | null;
}

/** A read, parsed input file. */
interface Loaded {
  file: string;
  text: string;
  encoding: TextEncodingName;
  format: TranscriptFormat;
  /** The file as WebVTT: the source itself for VTT, a converted document otherwise. */
  vtt: VttDocument;
  /** Cues as the source has them (untimed TXT cues keep null times). */
  cues: Cue[];
  imported: TxtImport | null;
  diagnostics: Diagnostic[];
}

class ConvertError extends Error {}

function parseArgs(args: string[]): Options | string {
  let input: string | null = null;
  let to: string | null = null;
  let style: string = 'talkpython';
  let pair: string | null = null;
  let out: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string | null => (i + 1 < args.length ? args[++i]! : null);
    if (a === '--to') to = value();
    else if (a === '--txt-style') style = value() ?? '';
    else if (a === '--pair') pair = value();
    else if (a === '-o' || a === '--output') out = value();
    else if (a === '--') continue;
    else if (a.startsWith('-')) return `unknown option '${a}'`;
    else if (input === null) input = a;
    else return `unexpected argument '${a}'`;
  }
  if (input === null) return 'missing input file';
  if (to === null || !TARGETS.includes(to as Target)) return `--to must be one of ${TARGETS.join(', ')}`;
  if (!TXT_STYLES.includes(style as TxtStyle)) return `--txt-style must be one of ${TXT_STYLES.join(', ')}`;
  if (pair === '' || out === '') return 'an option is missing its value';
  return { input, to: to as Target, style: style as TxtStyle, pair, out };
}

async function load(file: string, cwd: string): Promise<Loaded> {
  const read = await readTranscriptFile(resolve(cwd, file));
  if (!read.ok) {
    // The reader words its messages as `name:line:col: problem` or `name: problem`.
    const at = /^[^\n]*?:(\d+):(\d+): ([\s\S]*)$/.exec(read.message);
    const message = at ? at[3]! : read.message.replace(/^[^:]*: /, '');
    throw new ConvertError(`${file}:${at ? at[1] : 1}:${at ? at[2] : 1}: error: ${message}`);
  }
  const format = detectFormat(read.text, file);
  if (format === 'vtt') {
    const vtt = parseVtt(read.text);
    return { file, text: read.text, encoding: read.encoding, format, vtt, cues: vtt.cues, imported: null, diagnostics: vtt.diagnostics };
  }
  if (format === 'srt') {
    const srt = parseSrt(read.text);
    const vtt = parseVtt(writeVtt(srt.cues));
    return { file, text: read.text, encoding: read.encoding, format, vtt, cues: srt.cues, imported: null, diagnostics: srt.diagnostics };
  }
  const imported = importTxt(read.text);
  const vtt = parseVtt(importToVtt(imported));
  return { file, text: read.text, encoding: read.encoding, format, vtt, cues: imported.cues, imported, diagnostics: imported.diagnostics };
}

function report(io: CliIO, loaded: Loaded): void {
  for (const d of loaded.diagnostics) io.stderr(formatDiagnostic(loaded.file, d) + '\n');
  const imported = loaded.imported;
  // Untimed input already has its warning diagnostic; the note covers uncertain timed shapes.
  if (imported?.message && imported.shape !== 'untimed') io.stderr(`${loaded.file}: note: read as ${imported.shape} (confidence ${imported.confidence}): ${imported.message}\n`);
  if (loaded.diagnostics.some((d) => d.severity === 'error')) throw new ConvertError('');
}

function convertOne(loaded: Loaded, options: Options): string {
  switch (options.to) {
    case 'vtt':
      // WebVTT in, WebVTT out: the source as it is (the parser is lossless, nothing to redo).
      return loaded.format === 'vtt' ? loaded.text : importOrWrite(loaded);
    case 'srt': {
      if (loaded.format === 'srt') return loaded.text;
      const untimed = loaded.cues.findIndex((c) => c.start === null);
      if (untimed >= 0) {
        const line = loaded.imported?.cues[untimed]?.line ?? 1;
        throw new ConvertError(`${loaded.file}:${line}:1: error: ${loaded.cues.filter((c) => c.start === null).length} cues have no times; SRT cannot hold untimed text (convert to vtt or txt instead)`);
      }
      return writeSrt(loaded.vtt.cues);
    }
    case 'txt':
      // Imported TXT cues hold plain text; the exporter reads cue text as WebVTT markup.
      return exportTxt(loaded.imported ? loaded.cues.map((c) => ({ ...c, text: escapeCueText(c.text) })) : loaded.cues, options.style);
    case 'json': {
      const json = loaded.imported
        ? { ...toJson(loaded.vtt), import: { shape: loaded.imported.shape, confidence: loaded.imported.confidence, message: loaded.imported.message ?? null, notes: loaded.imported.notes, untimed: loaded.imported.cues.filter((c) => c.start === null).map((c) => ({ line: c.line, text: c.text })) } }
        : toJson(loaded.vtt);
      return JSON.stringify(json, null, 2) + '\n';
    }
  }
}

function importOrWrite(loaded: Loaded): string {
  return loaded.imported ? importToVtt(loaded.imported) : writeVtt(loaded.vtt.cues);
}

function convertPair(a: Loaded, b: Loaded, options: Options, io: CliIO): { text: string; source: Loaded } {
  const vtt = a.format === 'vtt' ? a : b.format === 'vtt' ? b : null;
  const txt = a.format === 'txt' ? a : b.format === 'txt' ? b : null;
  if (!vtt || !txt || vtt === txt) {
    throw new ConvertError(`${b.file}:1:1: error: --pair needs one WebVTT and one TXT file (got ${a.format} and ${b.format})`);
  }
  if (options.to === 'txt' && options.style === 'talkpython') {
    const pairing = pairEpisode(vtt.cues, txt.text);
    for (const d of pairing.diagnostics) io.stderr(formatDiagnostic(txt.file, d) + '\n');
    return { text: exportPairedTxt(pairing, vtt.cues), source: txt };
  }
  // Other outputs come from the VTT side, which holds the times.
  return { text: convertOne(vtt, options), source: vtt };
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    io.stderr(`convert: ${options}\n${USAGE}`);
    return 2;
  }
  try {
    const input = await load(options.input, io.cwd);
    report(io, input);
    let text: string;
    let source = input;
    if (options.pair !== null) {
      const other = await load(options.pair, io.cwd);
      report(io, other);
      ({ text, source } = convertPair(input, other, options, io));
    } else text = convertOne(input, options);
    if (options.out === null) {
      io.stdout(text);
      return 0;
    }
    const encoding: TextEncodingName = options.to === source.format ? source.encoding : 'utf-8';
    try {
      await writeTranscriptFile(resolve(io.cwd, options.out), text, encoding);
    } catch (error) {
      throw new ConvertError(`${options.out}:1:1: error: cannot write: ${(error as Error).message}`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof ConvertError)) throw error;
    if (error.message) io.stderr(error.message + '\n');
    return 1;
  }
}
