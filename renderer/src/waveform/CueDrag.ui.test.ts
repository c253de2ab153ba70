/**
 * Cue edges and bodies dragged on the waveform, as a user drags them, written back into
 * the transcript as timestamps (one undo step each), with the time shown while dragging.
 * Needs `node scripts/build.mjs` first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppHarness } from '../../../electron/preview/harness';
import { fixture } from '../../test/fixtures';
import { parseVtt } from '../../../shared/formats/vtt/parser';
import { editorCues, openEpisode, regions, view } from '../../test/waveform';

let app: AppHarness | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
});

const AUDIO = fixture.audio515;
const VTT = fixture.vtt515;

describe('cue drags on the waveform', () => {
  it('writes a dragged cue edge back into the transcript as a timestamp', async () => {
    app = await openEpisode();
    const { page } = app;
    const v = await view(app);
    const first = (await regions(app)).find((r) => r.index === 1)!;
    const handle = page.locator('[data-testid="cue-region"][data-index="1"] [data-edge="end"]');
    const box = (await handle.boundingBox())!;
    const dx = Math.round(0.5 * v.pxPerSec);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + dx / 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2);
    // While dragging, the edge's time and the cue's duration show beside it.
    const readout = page.getByTestId('drag-readout');
    await expect.poll(() => readout.isVisible()).toBe(true);
    const shown = /^End (\d\d):(\d\d):(\d\d\.\d{3}) · (\d+\.\d\d) s$/.exec((await readout.textContent())!);
    expect(shown, (await readout.textContent())!).not.toBeNull();
    const shownEnd = Number(shown![1]) * 3600 + Number(shown![2]) * 60 + Number(shown![3]);
    expect(Math.abs(shownEnd - (first.end + 0.5))).toBeLessThan(0.1);
    expect(Number(shown![4])).toBeCloseTo(shownEnd - first.start, 1);
    await page.mouse.up();
    expect(await readout.isVisible()).toBe(false);
    const text = () => page.evaluate(() => {
      // CodeMirror keeps its tile tree on the content element; the root tile holds the view.
      const tile = (document.querySelector('.cm-content') as HTMLElement & { cmTile?: { root?: { view?: { state: { doc: { toString(): string } } } } } }).cmTile;
      return tile?.root?.view?.state.doc.toString() ?? '';
    });
    await expect.poll(async () => parseVtt(await text()).cues[1]!.end).not.toBe(first.end);
    const moved = parseVtt(await text()).cues[1]!.end;
    expect(Math.abs(moved - (first.end + dx / v.pxPerSec))).toBeLessThan(0.05);
    // Only that timestamp changed.
    const original = readFileSync(VTT, 'utf8');
    const after = await text();
    expect(after.length).toBe(original.length);
    await expect.poll(async () => (await regions(app!)).find((r) => r.index === 1)?.end).toBe(moved);
  });

  it('moves a shared boundary with both cues (Alt: one), moves a cue by its label, and snaps to silence with Shift', async () => {
    // 515 with cue 1 ending where cue 2 starts (5.26 s): a shared boundary.
    const dir = mkdtempSync(join(tmpdir(), 'cueline-layer-'));
    const vtt = join(dir, '515-temporal.vtt');
    const original = readFileSync(VTT, 'utf8').replace('00:00:00.020 --> 00:00:04.740', '00:00:00.020 --> 00:00:05.260');
    writeFileSync(vtt, original);
    app = await openEpisode(vtt);
    const { page } = app;
    const v = await view(app);
    const cues = () => editorCues(page);
    const drag = async (selector: string, seconds: number, modifier?: 'Alt' | 'Shift') => {
      const box = (await page.locator(selector).boundingBox())!;
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      await page.mouse.move(x, y);
      if (modifier) await page.keyboard.down(modifier);
      await page.mouse.down();
      await page.mouse.move(x + (seconds * v.pxPerSec) / 2, y);
      await page.mouse.move(x + seconds * v.pxPerSec, y);
      await page.mouse.up();
      if (modifier) await page.keyboard.up(modifier);
    };
    const region = (i: number) => `[data-testid="cue-region"][data-index="${i}"]`;

    await drag(`${region(0)} [data-edge="end"]`, 0.2);
    await expect.poll(async () => (await cues())[0]!.end).not.toBe(5.26);
    let now = await cues();
    expect(now[1]!.start).toBe(now[0]!.end);
    expect(Math.abs(now[0]!.end - 5.46)).toBeLessThan(0.05);
    // One drag, one undo step: both timestamps come back.
    await page.locator('.cm-line').first().click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await cues())[1]!.start).toBe(5.26);
    expect((await cues())[0]!.end).toBe(5.26);

    await drag(`${region(0)} [data-edge="end"]`, -0.3, 'Alt');
    await expect.poll(async () => (await cues())[0]!.end).toBeLessThan(5.1);
    expect((await cues())[1]!.start).toBe(5.26);

    // The label moves the whole cue.
    const before = (await cues())[2]!;
    await drag(`${region(2)} [data-part="label"]`, 0.5);
    await expect.poll(async () => (await cues())[2]!.start).not.toBe(before.start);
    now = await cues();
    expect(Math.round((now[2]!.end - now[2]!.start) * 1000)).toBe(Math.round((before.end - before.start) * 1000));
    expect(Math.abs(now[2]!.start - before.start - 0.5)).toBeLessThan(0.05);

    // Shift snaps: cue 0's end dragged back into its speech (which ends at 4.40 s, see
    // the fixture's truth.json) lands in a pause within 300 ms, not where it was dropped.
    // (Where exactly is the unit test's business: renderer/src/waveform/snap.state.test.ts.)
    const truth = JSON.parse(readFileSync(AUDIO.replace('.mp3', '.truth.json'), 'utf8')) as { cues: { start: number; end: number }[] };
    const endBefore = (await cues())[0]!.end;
    const dropAt = truth.cues[0]!.end - 0.1;
    await drag(`${region(0)} [data-edge="end"]`, dropAt - endBefore, 'Shift');
    await expect.poll(async () => (await cues())[0]!.end).not.toBe(endBefore);
    const snapped = (await cues())[0]!.end;
    expect(Math.abs(snapped - dropAt)).toBeLessThanOrEqual(0.3);
    // A plain drag lands within a pixel (20 ms at this zoom); the snap moved it further, out of the word.
    expect(Math.abs(snapped - dropAt)).toBeGreaterThan(0.04);
    expect(app.errors).toEqual([]);
  });

});
