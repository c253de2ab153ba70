/**
 * Test helpers for alignment: real speech made by ../shared/tools/speak-vtt.mjs in
 * flite's voice (the aligner synthesizes with eSpeak, so it never matches a voice
 * against itself), with noise in the gaps, and the truth of where each cue's speech
 * really is; plus the error figures the tests assert.
 *
 * The audio is the same on every run: speak-vtt draws its gap noise from Math.random and
 * sox dithers at random, so the speak-vtt process gets a seeded Math.random preloaded and
 * sox runs in its repeatable mode (SOX_OPTS=-R, sox(1)). A test then cannot pass on one
 * run and fail on the next; other noise is another seed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseVtt } from '../../../shared/formats/vtt';
import { formatCueBlock, writeVtt } from '../../../shared/formats/vtt/writer';

export const SPEAK_VTT = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'tools', 'speak-vtt.mjs');
export const EPISODE_515 = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'talkpython', '515-temporal.vtt');

export interface SpokenCue {
  start: number;
  end: number;
  text: string;
}

/** The first cues of episode 515 that start before `seconds`. */
export function episodeCues(seconds: number): SpokenCue[] {
  return parseVtt(readFileSync(EPISODE_515, 'utf8')).cues.filter((c) => c.start < seconds).map((c) => ({ start: c.start, end: c.end, text: c.text }));
}

/**
 * The episode's cues that start at or after `from` and end before `to` (seconds), moved
 * so the first starts at 1 s.
 */
export function episodeStretch(from: number, to: number): SpokenCue[] {
  const cues = parseVtt(readFileSync(EPISODE_515, 'utf8')).cues.filter((c) => c.start >= from && c.end < to);
  const shift = (cues[0]?.start ?? 1) - 1;
  return cues.map((c) => ({ start: c.start - shift, end: c.end - shift, text: c.text }));
}

export function vttOf(cues: SpokenCue[]): string {
  return writeVtt([]) + cues.map((c) => formatCueBlock(c) + '\n\n').join('');
}

/**
 * Noise in the gaps, in speak-vtt's unit (16-bit steps, uniform ±30): about -65 dBFS RMS,
 * a quiet room. Below one step it rounds to digital silence, which no recording has.
 */
export const GAP_NOISE = 30;

/** A module that replaces Math.random with a fixed-seed linear congruential generator. */
function seededRandom(seed: number): string {
  return `data:text/javascript,let s=${seed >>> 0};Math.random=()=>((s=(Math.imul(s,1664525)+1013904223)>>>0)/4294967296);`;
}

/** Speaks `cues` into `dir/name.wav` (flite, 16 kHz, seeded noise in the gaps); returns the truth per cue. */
export function speak(dir: string, name: string, cues: SpokenCue[], seed = 1): { wav: string; truth: SpokenCue[] } {
  const vtt = join(dir, `${name}.speech.vtt`);
  const wav = join(dir, `${name}.wav`);
  const truthPath = join(dir, `${name}.truth.json`);
  writeFileSync(vtt, vttOf(cues));
  execFileSync('node', ['--import', seededRandom(seed), SPEAK_VTT, vtt, wav, '--engine', 'flite', '--rate', '16000', '--gap-noise', String(GAP_NOISE), '--truth', truthPath], {
    stdio: 'ignore',
    env: { ...process.env, SOX_OPTS: `${process.env.SOX_OPTS ?? ''} -R`.trim() },
  });
  const truth = (JSON.parse(readFileSync(truthPath, 'utf8')) as { cues: SpokenCue[] }).cues;
  return { wav, truth: truth.map((t) => ({ start: t.start, end: t.end, text: t.text })) };
}

export interface ErrorFigures {
  median: number;
  p90: number;
  max: number;
  count: number;
}

export function figures(errors: number[]): ErrorFigures {
  const sorted = errors.map(Math.abs).sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
  return { median: at(0.5), p90: at(0.9), max: sorted[sorted.length - 1]!, count: sorted.length };
}

interface JsonCue {
  start: number;
  text: string;
  words: { text: string; start: number; end: number }[];
}

/**
 * Start error of each truth cue's first word, found by its place in the word stream
 * (the text was re-cut into other cues, but every word is kept in order).
 */
export function firstWordErrors(cues: JsonCue[], truth: SpokenCue[]): number[] {
  const words = cues.flatMap((c) => c.words);
  const errors: number[] = [];
  let index = 0;
  for (const t of truth) {
    const count = t.text.split(/\s+/).filter(Boolean).length;
    const word = words[index];
    if (!word) throw new Error(`the aligned text has ${words.length} words; truth needs more`);
    errors.push(word.start - t.start);
    index += count;
  }
  if (index !== words.length) throw new Error(`the aligned text has ${words.length} words, the truth ${index}`);
  return errors;
}
