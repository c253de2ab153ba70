/**
 * After a seek, what is heard at t is what the waveform draws at t (±20 ms), through
 * the app's own audio URLs in Chromium, for every format. MP3 and Ogg Vorbis are served
 * as PCM WAV decoded from the exact frame or page (electron/services/audio/pcm-wav.ts):
 * Chromium's own seeking was 55 ms (MP3 CBR), 843 ms (MP3 VBR) and 0.6 s (Vorbis) off.
 * An MP3 without a LAME tag lands 13 ms late (its encoder delay is not recorded).
 *
 * The probe records in real time, so a loaded machine can drop or repeat an audio buffer
 * between the landing and the burst (one such run read +37 ms on WAV, which lands within
 * 1 ms otherwise). A seek outside the tolerance is measured twice more and the median of
 * the three is checked: a landing that is really off is off every time and still fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type AppHarness } from '../../../electron/preview/harness';
import { makeSeekSignalFiles } from '../../../electron/services/audio/test-audio';
import { measureSeekErrors } from './seek-probe';

/** Seek points whose next burst is at most 0.45 s later, so 0.8 s of playback covers it. */
const SEEKS = [3.3, 12.2, 17.05];
const CHECKED = ['WAV', 'MP3 CBR 128', 'MP3 VBR -V2 (Xing)', 'MP3 VBR -V2 no Xing', 'FLAC', 'Ogg Vorbis', 'Opus', 'M4A AAC'];

const dir = mkdtempSync(join(tmpdir(), 'cueline-seek-'));
let app: AppHarness;
beforeAll(async () => {
  app = await openApp({ launchPaths: [] });
  await app.page.locator('.toolbar').waitFor();
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('seek accuracy', () => {
  const files = makeSeekSignalFiles(dir, 20).filter((f) => CHECKED.includes(f.name));
  it.each(files.map((f) => [f.name, f.path]))('%s: within 20 ms after each seek', async (_name, path) => {
    const opened = await app.server.session.openPaths([path]);
    expect(opened.audio).not.toBeNull();
    const measure = (seeks: number[]) => app.page.evaluate(measureSeekErrors, [opened.audio!.url, seeks, 800] as [string, number[], number]);
    const errors = await measure(SEEKS);
    for (const [i, t] of SEEKS.entries()) {
      let e = errors[i]!;
      if (!(Math.abs(e) <= 20)) {
        const again = [e, ...(await measure([t, t]))].map((x) => (Number.isNaN(x) ? Infinity : x)).sort((a, b) => a - b);
        e = again[1]!;
      }
      expect(Math.abs(e), `seek to ${t} s`).toBeLessThanOrEqual(20);
    }
  }, 30_000);
});
