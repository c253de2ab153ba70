/**
 * `align IN AUDIO [--to vtt|json] [--profile transcript|subtitles] [-o OUT]`
 *
 * Times IN's text against AUDIO. IN is any transcript the app reads, told by content
 * (shared/formats/detect.ts): a WebVTT or SRT keeps its cues 1:1 (same count and text,
 * only times change); a TXT of coarse entries (Otter blocks, `MM:SS` chunks, `HH:MM:SS`
 * lines) is re-cut into sentences anchored at the given times; untimed prose is cut
 * into sentences by the QA profile (transcript by default), and its page chrome stays
 * NOTE blocks. Output is WebVTT, or with `--to json` the `convert --to json` shape where
 * each cue also has `words: [{text, start, end}]`. Cues the audio does not seem to hold
 * are warned about as `OUT:line:1: warning: ...`; errors print `file:line:col: error:`
 * and exit 1; a usage mistake exits 2.
 */
import { resolve } from 'node:path';
import { planSegments, planVtt, type AlignPlan } from '../../../shared/align/document';
import { resegmentTimed, segmentProse } from '../../../shared/align/segment';
import { detectFormat } from '../../../shared/formats/detect';
import { parseSrt } from '../../../shared/formats/srt';
import { importTxt } from '../../../shared/formats/txt';
import { parseVtt, toJson, writeVtt } from '../../../shared/formats/vtt';
import type { AlignProfile, AlignResult } from '../../../shared/ipc/align-contract';
import { runAlign } from '../../services/align/run-align';
import { readTranscriptFile, writeTranscriptFile } from '../../services/transcript-file';
import type { CliIO } from '../io';

const USAGE = 'usage: align IN AUDIO [--to vtt|json] [--profile transcript|subtitles] [-o OUT]\n';

interface Options {
  input: string;
  audio: string;
  to: 'vtt' | 'json';
  profile: AlignProfile;
  out: string | null;
}

class AlignError extends Error {}

function parseArgs(args: string[]): Options | string {
  const positional: string[] = [];
  let to = 'vtt';
  let profile = 'transcript';
  let out: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string => (i + 1 < args.length ? args[++i]! : '');
    if (a === '--to') to = value();
    else if (a === '--profile') profile = value();
    else if (a === '-o' || a === '--output') out = value();
    else if (a === '--') continue;
    else if (a.startsWith('-')) return `unknown option '${a}'`;
    else positional.push(a);
  }
  if (positional.length < 2) return positional.length ? 'missing audio file' : 'missing input file';
  if (positional.length > 2) return `unexpected argument '${positional[2]}'`;
  if (to !== 'vtt' && to !== 'json') return '--to must be vtt or json';
  if (profile !== 'transcript' && profile !== 'subtitles') return '--profile must be transcript or subtitles';
  if (out === '') return 'an option is missing its value';
  return { input: positional[0]!, audio: positional[1]!, to, profile, out };
}

/** Reads IN and decides what to align in it. */
async function plan(file: string, cwd: string, profile: AlignProfile): Promise<AlignPlan> {
  const read = await readTranscriptFile(resolve(cwd, file));
  if (!read.ok) {
    const at = /^[^\n]*?:(\d+):(\d+): ([\s\S]*)$/.exec(read.message);
    throw new AlignError(`${file}:${at ? `${at[1]}:${at[2]}` : '1:1'}: error: ${at ? at[3] : read.message.replace(/^[^:]*: /, '')}`);
  }
  const format = detectFormat(read.text, file);
  const fail = (line: number, column: number, message: string) => new AlignError(`${file}:${line}:${column}: error: ${message}`);
  if (format === 'vtt' || format === 'srt') {
    const parsed = format === 'vtt' ? parseVtt(read.text) : parseSrt(read.text);
    const error = parsed.diagnostics.find((d) => d.severity === 'error');
    if (error) throw fail(error.line, error.column, error.message);
    const vtt = format === 'vtt' ? read.text : writeVtt(parsed.cues);
    const result = planVtt(vtt, { profile });
    if (result.units.length === 0) throw fail(1, 1, 'no cues to align');
    return result;
  }
  const imported = importTxt(read.text);
  if (imported.shape === 'untimed') return planSegments(segmentProse(read.text, profile));
  const chunks = imported.cues.map((c) => ({ text: c.text, start: c.start ?? 0, ...(c.speaker ? { speaker: c.speaker } : {}) }));
  if (chunks.length === 0) throw fail(1, 1, 'no text to align');
  return planSegments(resegmentTimed(chunks, profile), imported.notes.map((n) => n.text));
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function render(result: AlignResult, to: 'vtt' | 'json'): string {
  if (to === 'vtt') return result.text;
  const json = toJson(parseVtt(result.text));
  const cues = json.cues.map((c, k) => ({ ...c, words: (result.cues[k]?.words ?? []).map((w) => ({ text: w.text, start: w.start, end: w.end })) }));
  return JSON.stringify({ ...json, cues }, null, 2) + '\n';
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    io.stderr(`align: ${options}\n${USAGE}`);
    return 2;
  }
  try {
    const work = await plan(options.input, io.cwd, options.profile);
    let timed;
    try {
      timed = await runAlign({
        audioPath: resolve(io.cwd, options.audio),
        cues: work.units.map((u) => ({ text: u.text, anchor: u.anchor })),
        anchorKind: work.anchorKind,
      });
    } catch (error) {
      const message = (error as Error).message.replace(resolve(io.cwd, options.audio) + ': ', '');
      throw new AlignError(`${options.audio}:1:1: error: ${message}`);
    }
    const result = work.build(timed.units, timed.audioSeconds);
    const outName = options.out ?? '<stdout>';
    const cues = parseVtt(result.text).cues;
    for (const k of result.lowConfidence) {
      const words = result.cues[k]!.words.map((w) => w.text).join(' ');
      io.stderr(`${outName}:${lineOf(result.text, cues[k]?.range.from ?? 0)}:1: warning: cue ${k + 1} was not found in the audio; its times are interpolated ("${words.slice(0, 60)}")\n`);
    }
    const text = render(result, options.to);
    if (options.out === null) io.stdout(text);
    else {
      try {
        await writeTranscriptFile(resolve(io.cwd, options.out), text, 'utf-8');
      } catch (error) {
        throw new AlignError(`${options.out}:1:1: error: cannot write: ${(error as Error).message}`);
      }
    }
    return 0;
  } catch (error) {
    if (!(error instanceof AlignError)) throw error;
    io.stderr(error.message + '\n');
    return 1;
  }
}
