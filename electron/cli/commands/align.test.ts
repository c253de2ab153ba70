/**
 * `align IN AUDIO`: real flite speech in a temp dir, the command run as the CLI runs it.
 * Accuracy per transcript shape is in electron/services/align/align.test.ts; this covers
 * what lands on disk or stdout, and the errors.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseVtt } from '../../../shared/formats/vtt';
import { episodeCues, speak, vttOf, type SpokenCue } from '../../services/align/test-speech';
import { captureIO } from '../io';
import { run } from './align';

let dir: string;
let truth: SpokenCue[];
const cues = episodeCues(20);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cueline-cli-align-'));
  ({ truth } = speak(dir, 'speech', cues));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cli align', () => {
  it('keeps a VTT input 1:1 and writes only new times, to stdout by default', async () => {
    // Shifted by 1.5 s, with a speaker tag and markup the times must not disturb.
    const shifted = cues.map((c, k) => ({ ...c, start: c.start + 1.5, end: c.end + 1.5, text: k === 0 ? `<v Michael>${c.text.replace('code', '<i>code</i>')}` : c.text }));
    writeFileSync(join(dir, 'in.vtt'), vttOf(shifted));
    const io = captureIO(dir);
    expect(await run(['in.vtt', 'speech.wav'], io), io.err).toBe(0);
    const out = parseVtt(io.out);
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(out.cues.map((c) => c.text)).toEqual(shifted.map((c) => c.text));
    out.cues.forEach((c, k) => expect(Math.abs(c.start - truth[k]!.start)).toBeLessThan(0.1));
    expect(io.out.replace(/\d\d:\d\d:\d\d\.\d\d\d/g, 'T')).toBe(vttOf(shifted).replace(/\d\d:\d\d:\d\d\.\d\d\d/g, 'T'));
  });

  it('--to json is the convert shape with words: tokens with tags removed, timed in order inside their cue', async () => {
    writeFileSync(join(dir, 'tags.vtt'), vttOf(cues.map((c, k) => (k === 0 ? { ...c, text: `<v Michael>${c.text.replace('code', '<i>code</i>')}` } : c))));
    const io = captureIO(dir);
    expect(await run(['tags.vtt', 'speech.wav', '--to', 'json', '-o', 'out.json'], io), io.err).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as { valid: boolean; cues: { start: number; end: number; text: string; speaker: string | null; words: { text: string; start: number; end: number }[] }[] };
    expect(json.valid).toBe(true);
    expect(json.cues[0]!.speaker).toBe('Michael');
    json.cues.forEach((c, k) => {
      expect(c.words.map((w) => w.text)).toEqual(cues[k]!.text.split(/\s+/));
      let at = c.start;
      for (const w of c.words) {
        expect(w.start).toBeGreaterThanOrEqual(at - 0.0005);
        expect(w.end).toBeGreaterThanOrEqual(w.start);
        expect(w.end).toBeLessThanOrEqual(c.end + 0.0005);
        at = w.start;
      }
    });
  });

  it('reports a file that is not audio with its name, and usage mistakes with exit 2', async () => {
    writeFileSync(join(dir, 'in.vtt'), vttOf(cues));
    writeFileSync(join(dir, 'notes.txt'), 'not audio at all\n');
    const bad = captureIO(dir);
    expect(await run(['in.vtt', 'notes.txt'], bad)).toBe(1);
    expect(bad.err).toMatch(/^notes\.txt:1:1: error: unrecognised audio format/);
    const missing = captureIO(dir);
    expect(await run(['nope.vtt', 'speech.wav'], missing)).toBe(1);
    expect(missing.err).toMatch(/^nope\.vtt:\d+:\d+: error: /);
    const usage = captureIO(dir);
    expect(await run(['in.vtt'], usage)).toBe(2);
    expect(usage.err).toContain('missing audio file');
  });
});
