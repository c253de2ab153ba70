/**
 * The eSpeak program's protocol, as Cueline's synthesizer reads it: replies in request
 * order, a failed request answered in its place, the same speech with only English's
 * files in memory as with the whole data file, and a request's pitch honoured.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PROGRAM = join(__dirname, 'espeak-synth.mjs');

interface Reply {
  header: { sampleRate: number; samples: number; words: { at: number; length: number; ms: number }[]; error?: string };
  pcm: Buffer;
}

function run(args: string[], lines: string[]): Promise<{ replies: Reply[]; code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [PROGRAM, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => out.push(d));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  return new Promise((resolve) =>
    child.on('close', (code) => {
      const all = Buffer.concat(out);
      const replies: Reply[] = [];
      for (let at = 0; at < all.length; ) {
        const jsonLength = all.readUInt32LE(at);
        const header = JSON.parse(all.subarray(at + 4, at + 4 + jsonLength).toString('utf8')) as Reply['header'];
        const pcm = all.subarray(at + 4 + jsonLength, at + 4 + jsonLength + header.samples * 2);
        expect(pcm.length).toBe(header.samples * 2);
        replies.push({ header, pcm });
        at += 4 + jsonLength + header.samples * 2;
      }
      resolve({ replies, code, stderr });
    }),
  );
}

const TEXTS = [
  'Temporal keeps the state of a workflow.',
  'It was released on the fourteenth of March, 2023, at version 1.0.',
  'Short.',
  'We talked about Python, Django and Rust for about forty minutes.',
  'Everything else is in the show notes.',
];
const request = (text: string) => JSON.stringify({ text, rate: 350, voice: 'en-us' });
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('espeak-synth.mjs', () => {
  it('answers each request in order, a bad one with an error in its place, and with English only in memory speaks as with all the data', async () => {
    const lines = [request(TEXTS[0]!), '{not json', '', request(TEXTS[1]!), request(TEXTS[2]!)];
    const [lean, whole] = await Promise.all([run([], lines), run(['--whole-data'], lines)]);
    expect(lean.code).toBe(0);
    expect(lean.replies).toHaveLength(4);
    expect(lean.replies[1]!.header.error).toMatch(/bad request/);
    expect(lean.replies[1]!.header.samples).toBe(0);
    for (const [k, text] of [[0, TEXTS[0]!], [2, TEXTS[1]!], [3, TEXTS[2]!]] as const) {
      const { header } = lean.replies[k]!;
      expect(header.error).toBeUndefined();
      expect(header.sampleRate).toBe(22050);
      // Speech at 350 wpm: about 0.17 s a word; word events in text order (eSpeak joins a
      // few short words to the next), each inside the text and its audio.
      const seconds = header.samples / header.sampleRate;
      expect(seconds).toBeGreaterThan(0.08 * wordCount(text));
      expect(seconds).toBeLessThan(0.6 * wordCount(text) + 0.5);
      expect(header.words.length).toBeGreaterThanOrEqual(Math.ceil(wordCount(text) / 2));
      expect(header.words[0]!.at).toBe(0);
      for (let w = 1; w < header.words.length; w++) {
        // A number spoken as several words gives several events at one place.
        expect(header.words[w]!.at).toBeGreaterThanOrEqual(header.words[w - 1]!.at);
        expect(header.words[w]!.ms).toBeGreaterThan(header.words[w - 1]!.ms);
      }
      expect(header.words.at(-1)!.at + header.words.at(-1)!.length).toBeLessThanOrEqual(text.length);
      expect(header.words.at(-1)!.ms / 1000).toBeLessThan(seconds);
    }
    expect(whole.code).toBe(0);
    expect(whole.replies.map((r) => r.header)).toEqual(lean.replies.map((r) => r.header));
    expect(Buffer.concat(whole.replies.map((r) => r.pcm)).equals(Buffer.concat(lean.replies.map((r) => r.pcm)))).toBe(true);
  });
});

/** Median fundamental of the loud 40 ms frames (autocorrelation peak between 60 and 500 Hz), Hz. */
function medianPitch(pcm: Buffer, rate: number): number {
  const x = new Float64Array(pcm.length / 2).map((_, i) => pcm.readInt16LE(i * 2));
  const size = Math.round(0.04 * rate);
  const found: number[] = [];
  for (let at = 0; at + size + rate / 60 < x.length; at += size) {
    let energy = 0;
    for (let i = at; i < at + size; i++) energy += x[i]! * x[i]!;
    if (energy / size < 1000 ** 2) continue;
    let best = 0;
    let bestLag = 0;
    for (let lag = Math.floor(rate / 500); lag <= Math.ceil(rate / 60); lag++) {
      let sum = 0;
      for (let i = at; i < at + size; i++) sum += x[i]! * x[i + lag]!;
      if (sum > best) [best, bestLag] = [sum, lag];
    }
    found.push(rate / bestLag);
  }
  found.sort((a, b) => a - b);
  return found[Math.floor(found.length / 2)] ?? NaN;
}

describe('espeak-synth.mjs pitch', () => {
  it('speaks higher for a higher "pitch", and at eSpeak\'s default pitch without one', async () => {
    const text = TEXTS[3]!;
    const { replies } = await run([], [
      JSON.stringify({ text, rate: 450, pitch: 10, voice: 'en-us' }),
      JSON.stringify({ text, rate: 450, pitch: 99, voice: 'en-us' }),
      JSON.stringify({ text, rate: 450, voice: 'en-us' }),
      JSON.stringify({ text, rate: 450, pitch: 50, voice: 'en-us' }),
    ]);
    const [low, high, unset, fifty] = replies.map((r) => medianPitch(r.pcm, r.header.sampleRate));
    expect(high!).toBeGreaterThan(1.3 * low!);
    // A request without one is not left at the previous request's pitch (99 here); the
    // voice's intonation carries a little from one request to the next, so not to the Hz.
    expect(Math.abs(unset! - fifty!)).toBeLessThan(0.05 * fifty!);
    expect(unset!).toBeGreaterThan(low!);
    expect(unset!).toBeLessThan(high!);
  });
});
