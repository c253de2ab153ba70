/**
 * The recording's features decoded in a thread of their own are the ones decoded in
 * this thread: the align worker's own bundle (align-worker.ts built as the app builds
 * it) started again with a DecodeFeaturesRequest serves them. Cancelling ends the thread.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeFeatures, decodeFeaturesInWorker, type DecodedFeatures } from './decode-features';

const ROOT = join(__dirname, '..', '..', '..');
const DEMO = join(ROOT, 'resources', 'demo', 'demo.mp3');
let bundle = '';

beforeAll(async () => {
  bundle = join(mkdtempSync(join(tmpdir(), 'cueline-align-worker-')), 'align-worker.cjs');
  await build({ entryPoints: [join(__dirname, 'align-worker.ts')], outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'error', logOverride: { 'empty-import-meta': 'silent' } });
}, 60_000);

function expectSame(a: DecodedFeatures, b: DecodedFeatures): void {
  expect(a.seconds).toBe(b.seconds);
  expect(a.hop).toBe(b.hop);
  expect(a.centre).toBe(b.centre);
  expect(a.frames.dims).toBe(b.frames.dims);
  expect(a.frames.length).toBe(b.frames.length);
  expect(a.frames.data.length).toBe(a.frames.length * a.frames.dims);
  expect(Buffer.from(a.frames.data.buffer, a.frames.data.byteOffset, a.frames.data.byteLength).equals(Buffer.from(b.frames.data.buffer, b.frames.data.byteOffset, b.frames.data.byteLength))).toBe(true);
  expect(a.envelope.step).toBe(b.envelope.step);
  expect(a.envelope.offset).toBe(b.envelope.offset);
  expect(a.envelope.values).toEqual(b.envelope.values);
}

describe('decodeFeaturesInWorker', () => {
  it('gives the features decodeFeatures gives, for the whole file and for a window of it', async () => {
    const shares: number[] = [];
    const [here, there] = await Promise.all([decodeFeatures(DEMO), decodeFeaturesInWorker({ source: bundle }, DEMO, { onProgress: (s) => shares.push(s) })]);
    // The demo episode is 98 s: 100 frames a second.
    expect(here.seconds).toBeGreaterThan(95);
    expect(here.frames.length).toBeGreaterThan(95 * 100);
    expectSame(there, here);
    expect(shares.length).toBeGreaterThanOrEqual(2);
    expect(shares.at(-1)).toBe(1);
    const window = { from: 30, to: 42.5 };
    const [hereWindow, thereWindow] = await Promise.all([decodeFeatures(DEMO, window), decodeFeaturesInWorker({ source: bundle }, DEMO, window)]);
    expect(hereWindow.envelope.offset).toBe(30);
    expect(hereWindow.frames.length).toBeGreaterThan(12 * 100 - 5);
    expect(hereWindow.frames.length).toBeLessThan(13 * 100);
    expectSame(thereWindow, hereWindow);
  });

  it('stops when cancelled and says so', async () => {
    const controller = new AbortController();
    const run = decodeFeaturesInWorker({ source: bundle }, DEMO, { signal: controller.signal, onProgress: (share) => share > 0.1 && controller.abort(new Error('canceled')) });
    await expect(run).rejects.toThrow('canceled');
  });

  it('reports a file that is not audio as the decoder does', async () => {
    await expect(decodeFeaturesInWorker({ source: bundle }, join(ROOT, 'package.json'))).rejects.toThrow(/unrecognised audio format|no audio/);
  });
});
