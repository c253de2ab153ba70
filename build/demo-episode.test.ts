/**
 * The demo episode ships in every installer and is the first thing a user sees, so its
 * four files must agree: the VTT in the talkpython layout, the TXT partner built from the
 * same cues, and demo.mp3 + demo.truth.json regenerated from that VTT (a VTT edit without
 * `node scripts/make-demo.mjs` leaves stale audio, which these checks catch).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MPEGDecoder } from 'mpg123-decoder';
import { parseVtt } from '../shared/formats/vtt';
import { formatClock, formatVttTimestamp } from '../shared/formats/timestamp';

const DEMO = join(__dirname, '..', 'resources', 'demo');
const read = (name: string) => readFileSync(join(DEMO, name), 'utf8');
const vttText = read('demo.vtt');
const doc = parseVtt(vttText);
const cues = doc.cues.map(({ start, end, text }) => ({ start, end, text }));

interface TruthCue {
  index: number;
  start: number;
  end: number;
  cueEnd: number;
  text: string;
}
const truth = JSON.parse(read('demo.truth.json')) as { source: string; offset: number; rate: number; cues: TruthCue[] };

function rms(samples: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (samples[i] ?? 0) ** 2;
  return Math.sqrt(sum / Math.max(1, to - from));
}

describe('demo episode', () => {
  it('is a clean 1–2 minute WebVTT in the talkpython layout', () => {
    expect(doc.diagnostics).toEqual([]);
    expect(cues.length).toBeGreaterThanOrEqual(20);
    expect(cues.length).toBeLessThanOrEqual(30);
    const last = cues.at(-1)!;
    expect(last.end).toBeGreaterThan(60);
    expect(last.end).toBeLessThan(120);
    // Rebuilding the file from the parsed cues proves the layout: signature, blank line,
    // no cue ids, one text line per cue, a blank line after each, LF line ends.
    const layout = cues.map((c) => `${formatVttTimestamp(c.start)} --> ${formatVttTimestamp(c.end)}\n${c.text}\n\n`);
    expect(vttText).toBe(`WEBVTT\n\n${layout.join('')}`);
    for (let i = 1; i < cues.length; i++) expect(cues[i]!.start).toBeGreaterThanOrEqual(cues[i - 1]!.end);
  });

  it('keeps the speech-recognition slips the demo is there to fix', () => {
    expect(vttText).toContain('Matt McKay');
    expect(vttText).toMatch(/\brough\b/);
  });

  it('has a TXT partner with one entry per cue, two cues joined once', () => {
    const txt = read('demo.txt');
    expect(txt.endsWith('\n\n')).toBe(true);
    const entries = txt.slice(0, -2).split('\n\n');
    let next = 0;
    let joined = 0;
    for (const entry of entries) {
      const match = /^(\d{2}:\d{2}:\d{2}) (.+)$/.exec(entry);
      expect(match, entry).not.toBeNull();
      const first = cues[next]!;
      expect(match![1], entry).toBe(formatClock(first.start, { hours: 'always' }));
      const second = cues[next + 1];
      if (match![2] === first.text) next += 1;
      else {
        expect(match![2], entry).toBe(`${first.text} ${second?.text}`);
        next += 2;
        joined += 1;
      }
    }
    expect(next).toBe(cues.length);
    expect(joined).toBe(1);
  });

  it('has a truth file spoken from this VTT, speech inside every cue window', () => {
    expect(truth).toMatchObject({ source: 'demo.vtt', offset: 0, rate: 22050 });
    expect(truth.cues.map((t) => t.text)).toEqual(cues.map((c) => c.text.replace(/<[^>]*>/g, '')));
    for (const [i, t] of truth.cues.entries()) {
      const cue = cues[i]!;
      expect(t.start).toBeCloseTo(cue.start, 6);
      expect(t.cueEnd).toBeCloseTo(cue.end, 6);
      expect(t.end).toBeGreaterThan(t.start + 0.5);
      expect(t.end).toBeLessThanOrEqual(cue.end + 1e-6);
    }
  });

  it('has mono MP3 audio with speech where the truth says and silence between', async () => {
    const decoder = new MPEGDecoder({ enableGapless: true });
    await decoder.ready;
    const audio = decoder.decode(new Uint8Array(readFileSync(join(DEMO, 'demo.mp3'))));
    decoder.free();
    expect(audio.errors).toEqual([]);
    expect(audio.sampleRate).toBe(truth.rate);
    const samples = audio.channelData[0]!;
    // speak-vtt renders one second past the last cue end.
    expect(audio.samplesDecoded / audio.sampleRate).toBeCloseTo(cues.at(-1)!.end + 1, 1);

    const at = (seconds: number) => Math.round(seconds * audio.sampleRate);
    const margin = 0.05; // MP3 frames smear a few ms of energy across each edge
    for (const t of truth.cues) {
      expect(rms(samples, at(t.start), at(t.end)), t.text).toBeGreaterThan(0.03);
    }
    for (let i = 1; i < truth.cues.length; i++) {
      const gapFrom = truth.cues[i - 1]!.end + margin;
      const gapTo = truth.cues[i]!.start - margin;
      if (gapTo - gapFrom < 0.1) continue;
      expect(rms(samples, at(gapFrom), at(gapTo)), `gap before cue ${i}`).toBeLessThan(0.002);
    }
  });
});
