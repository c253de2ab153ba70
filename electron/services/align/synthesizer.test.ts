/**
 * The synthesizer's side of the protocol, against a stand-in program that speaks it
 * (a tone per word, word events where the tones start) and cuts its output into pieces
 * of a chosen size: the replies must be read the same whatever the pipe's chunks, and
 * each cue and word must land where its audio is on the synthesized timeline.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spokenWords } from '../../../shared/align/words';
import { SYNTH_PITCH, SYNTH_WPM, synthesize } from './synthesizer';

const RATE = 22050;
/** Per word: 0.1 s of tone, then 0.05 s of silence; each reply starts and ends with 0.2 s of silence. */
const FAKE = `
import { appendFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
const piece = Number(process.argv[process.argv.indexOf('--piece') + 1]);
const log = process.argv.includes('--log') ? process.argv[process.argv.indexOf('--log') + 1] : null;
for await (const line of createInterface({ input: process.stdin })) {
  if (log) appendFileSync(log, line + '\\n');
  const { text } = JSON.parse(line);
  const words = [];
  const samples = [];
  const pad = () => { for (let i = 0; i < ${RATE} * 0.2; i++) samples.push(0); };
  pad();
  for (const m of text.matchAll(/\\S+/g)) {
    words.push({ at: m.index, length: m[0].length, ms: (samples.length / ${RATE}) * 1000 });
    for (let i = 0; i < ${RATE} * 0.1; i++) samples.push(Math.round(8000 * Math.sin(i / 5)));
    for (let i = 0; i < ${RATE} * 0.05; i++) samples.push(0);
  }
  pad();
  const json = Buffer.from(JSON.stringify({ sampleRate: ${RATE}, samples: samples.length, words }));
  const head = Buffer.alloc(4);
  head.writeUInt32LE(json.length);
  const pcm = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => pcm.writeInt16LE(s, i * 2));
  const all = Buffer.concat([head, json, pcm]);
  // Separate writes, some a few ms apart, so the reader gets the reply cut at these places.
  for (let at = 0; at < all.length; at += piece) {
    process.stdout.write(all.subarray(at, at + piece));
    if ((at / piece) % 97 === 0) await new Promise((r) => setTimeout(r, 1));
  }
}
`;

const dir = mkdtempSync(join(tmpdir(), 'cueline-synth-'));
const program = join(dir, 'fake-synth.mjs');
writeFileSync(program, FAKE);

const CUES = ['one two three', '', 'four five', 'six'];

describe('synthesize', () => {
  it('reads the replies the same however the pipe cuts them, and places each cue and word on its audio', async () => {
    const log = join(dir, 'requests.jsonl');
    const runs = await Promise.all([7, 4093, 1 << 20].map((piece) => synthesize(CUES.map(spokenWords), { program, programArgs: ['--piece', String(piece), ...(piece === 7 ? ['--log', log] : [])] })));
    // One request per spoken cue, at the rate and pitch the features and their figures assume.
    expect(readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual(
      ['one two three', 'four five', 'six'].map((text) => ({ text, rate: SYNTH_WPM, pitch: SYNTH_PITCH, voice: 'en-us' })),
    );
    const [first, ...rest] = runs;
    for (const other of rest) {
      expect(other.units).toEqual(first!.units);
      expect(other.signal.frames.length).toBe(first!.signal.frames.length);
      expect(other.signal.frames.data).toEqual(first!.signal.frames.data);
      expect(other.signal.envelope.values).toEqual(first!.signal.envelope.values);
    }
    const { units, signal } = first!;
    expect(units).toHaveLength(4);
    // The silence at each reply's edges is trimmed: a cue spans its words' tones, 0.1 s after the previous one.
    const spoken = [units[0]!, units[2]!, units[3]!];
    const wordCounts = [3, 2, 1];
    let end = 0;
    spoken.forEach((u, k) => {
      expect(u.start).toBeCloseTo(end + 0.1, 3);
      expect(u.end - u.start).toBeCloseTo(wordCounts[k]! * 0.15 - 0.05, 2);
      expect(u.words).toHaveLength(wordCounts[k]!);
      u.words.forEach((w, i) => expect(w.start).toBeCloseTo(u.start + 0.15 * i, 3));
      end = u.end;
    });
    // The unspoken cue sits where the timeline was.
    expect(units[1]).toEqual({ start: units[0]!.end, end: units[0]!.end, words: [] });
    // Frames cover the whole timeline (cues, pauses and the closing pause).
    const seconds = signal.frames.length * signal.hop;
    expect(seconds).toBeGreaterThan(end);
    expect(seconds).toBeLessThan(end + 0.3);
  });
});
