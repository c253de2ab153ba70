/**
 * `convert IN --to vtt|srt|txt|json [--txt-style talkpython|paragraphs|plain|speakers] [--pair OTHER] [-o OUT]`
 *
 * The input's format is told from its content (shared/formats/detect.ts), never its name.
 * Output goes to stdout, or with `-o` is written atomically, in the input's encoding when
 * the output format is the input's, else UTF-8. With `--pair`, IN and OTHER (one WebVTT,
 * one TXT: talkpython `HH:MM:SS` entries or Otter speaker blocks) are read as one
 * episode, so `--to txt` gives the TXT back exactly as kept beside the VTT, in its own
 * layout unless `--txt-style` asks for another. Problems print as `file:line:col: severity: message`.
 *
 * Like a browser, convert never gives up on a cue-level problem: the WebVTT parser drops
 * just that cue or block (as the W3C algorithm does) and the output is still printed;
 * the exit code is 1 when there was an error, so scripts notice. Only an unreadable
 * input (missing, binary, a folder) prints nothing. `--to json` is what a browser's
 * parse gives: `valid` is false exactly when the WEBVTT signature is invalid (SRT and
 * TXT inputs have none), while `cues` still lists what was recovered for editing.
 * A usage mistake exits 2.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { detectFormat, type TranscriptFormat } from '../../../shared/formats/detect';
import { exportPairedTxt, pairEpisode, pairedTxtStyle } from '../../../shared/formats/pair';
import { parseSrt, writeSrt } from '../../../shared/formats/srt';
import { escapeCueText, exportTxt, importToVtt, importTxt, type TxtImport } from '../../../shared/formats/txt';
import { EXPORT_TXT_STYLES, type ExportTxtStyle } from '../../../shared/formats/episode';
import { exportSpeakerParagraphs } from '../../../shared/speakers/paragraph-export';
import { parseVtt, toJson, writeVtt, type VttDocument, type VttJson } from '../../../shared/formats/vtt';
import type { Cue } from '../../../shared/model/cue';
import { formatDiagnostic, type Diagnostic } from '../../../shared/model/diagnostic';
import { readTranscriptFile, writeTranscriptFile, type TextEncodingName } from '../../services/transcript-file';
import type { CliIO } from '../io';

type Target = 'vtt' | 'srt' | 'txt' | 'json';
const TARGETS: readonly Target[] = ['vtt', 'srt', 'txt', 'json'];

const USAGE = 'usage: convert IN --to vtt|srt|txt|json [--txt-style talkpython|paragraphs|plain|speakers] [--pair OTHER] [-o OUT]\n';

interface Options {
  input: string;
  to: Target;
  /** Null: not given (a paired TXT keeps its own layout; otherwise talkpython). */
  style: ExportTxtStyle | null;
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
  /** How the file was read, when the user should know (e.g. decoded as Windows-1252). */
  notice: string | null;
}

class ConvertError extends Error {}

function parseArgs(args: string[]): Options | string {
  let input: string | null = null;
  let to: string | null = null;
  let style: string | null = null;
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
  if (style !== null && !EXPORT_TXT_STYLES.includes(style as ExportTxtStyle)) return `--txt-style must be one of ${EXPORT_TXT_STYLES.join(', ')}`;
  if (pair === '' || out === '') return 'an option is missing its value';
  return { input, to: to as Target, style: style as ExportTxtStyle | null, pair, out };
}

async function load(file: string, cwd: string): Promise<Loaded> {
  const path = resolve(cwd, file);
  const read = await readTranscriptFile(path);
  if (!read.ok) {
    // An empty file still has a browser's parse (no cues, invalid signature) to print.
    if (await isEmptyFile(path)) return fromText(file, '', 'utf-8', null, [{ line: 1, column: 1, offset: 0, length: 0, severity: 'error', message: 'the file is empty.' }]);
    throw new ConvertError(readFailure(file, read.message));
  }
  return fromText(file, read.text, read.encoding, read.notice ?? null);
}

/** A reader's refusal as `file:line:col: error: problem` (it words them `name:line:col: problem` or `name: problem`). */
export function readFailure(file: string, readerMessage: string): string {
  const at = /^[^\n]*?:(\d+):(\d+): ([\s\S]*)$/.exec(readerMessage);
  const message = at ? at[3]! : readerMessage.replace(/^[^:]*: /, '');
  return `${file}:${at ? at[1] : 1}:${at ? at[2] : 1}: error: ${message}`;
}

async function isEmptyFile(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  return info !== null && info.isFile() && info.size === 0;
}

function fromText(file: string, text: string, encoding: TextEncodingName, notice: string | null, override?: Diagnostic[]): Loaded {
  const format = text === '' ? 'vtt' : detectFormat(text, file);
  if (format === 'vtt') {
    const vtt = parseVtt(text);
    return { file, text, encoding, format, vtt, cues: vtt.cues, imported: null, diagnostics: override ?? vtt.diagnostics, notice };
  }
  if (format === 'srt') {
    const srt = parseSrt(text);
    const vtt = parseVtt(writeVtt(srt.cues));
    return { file, text, encoding, format, vtt, cues: srt.cues, imported: null, diagnostics: srt.diagnostics, notice };
  }
  const imported = importTxt(text);
  const vtt = parseVtt(importToVtt(imported));
  return { file, text, encoding, format, vtt, cues: imported.cues, imported, diagnostics: imported.diagnostics, notice };
}

/** Prints the input's problems and notes; true when one is an error. */
function report(io: CliIO, loaded: Loaded): boolean {
  if (loaded.notice) io.stderr(`${loaded.file}: note: ${loaded.notice}\n`);
  for (const d of loaded.diagnostics) io.stderr(formatDiagnostic(loaded.file, d) + '\n');
  const imported = loaded.imported;
  // Untimed input already has its warning diagnostic; the note covers uncertain timed shapes.
  if (imported?.message && imported.shape !== 'untimed') io.stderr(`${loaded.file}: note: read as ${imported.shape} (confidence ${imported.confidence}): ${imported.message}\n`);
  return loaded.diagnostics.some((d) => d.severity === 'error');
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
      // Speaker paragraphs need the whole document: notes keep their place between turns.
      if (options.style === 'speakers') return exportSpeakerParagraphs(loaded.vtt);
      // Imported TXT cues hold plain text; the exporter reads cue text as WebVTT markup.
      return exportTxt(loaded.imported ? loaded.cues.map((c) => ({ ...c, text: escapeCueText(c.text) })) : loaded.cues, options.style ?? 'talkpython');
    case 'json':
      return JSON.stringify(jsonOf(loaded), null, 2) + '\n';
  }
}

/**
 * The browser's view of the input. A converted (SRT, TXT) input has no WebVTT signature,
 * so it is not valid WebVTT; its diagnostics are the source's own, on the source's lines.
 */
function jsonOf(loaded: Loaded): VttJson | (VttJson & { import: unknown }) {
  const json = toJson(loaded.vtt);
  if (loaded.format === 'vtt') return json;
  json.valid = false;
  json.diagnostics = loaded.diagnostics.map((d) => ({ line: d.line, column: d.column, severity: d.severity, message: d.message }));
  const imported = loaded.imported;
  if (!imported) return json;
  const untimed = imported.cues.filter((c) => c.start === null).map((c) => ({ line: c.line, text: c.text }));
  return { ...json, import: { shape: imported.shape, confidence: imported.confidence, message: imported.message ?? null, notes: imported.notes, untimed } };
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
  if (options.to === 'txt') {
    const pairing = pairEpisode(vtt.cues, txt.text);
    // The TXT's own layout (talkpython entries or Otter speaker blocks), unless another style is asked for.
    if (options.style === null || options.style === pairedTxtStyle(pairing)) {
      for (const d of pairing.diagnostics) io.stderr(formatDiagnostic(txt.file, d) + '\n');
      return { text: exportPairedTxt(pairing, vtt.cues), source: txt };
    }
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
    let failed = report(io, input);
    let text: string;
    let source = input;
    if (options.pair !== null) {
      const other = await load(options.pair, io.cwd);
      failed = report(io, other) || failed;
      ({ text, source } = convertPair(input, other, options, io));
    } else text = convertOne(input, options);
    if (options.out === null) {
      io.stdout(text);
      return failed ? 1 : 0;
    }
    const encoding: TextEncodingName = options.to === source.format ? source.encoding : 'utf-8';
    try {
      await writeTranscriptFile(resolve(io.cwd, options.out), text, encoding);
    } catch (error) {
      throw new ConvertError(`${options.out}:1:1: error: cannot write: ${(error as Error).message}`);
    }
    return failed ? 1 : 0;
  } catch (error) {
    if (!(error instanceof ConvertError)) throw error;
    if (error.message) io.stderr(error.message + '\n');
    return 1;
  }
}
