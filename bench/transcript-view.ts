/**
 * The transcript view against the raw WebVTT view, in one run, in real Chromium through
 * the real app (preview harness), on the same 4,000-cue episode with two speakers
 * (`<v Host>` / `<v Guest>` turns every few cues): the raw view is the baseline.
 * - open: from the app asking for its document to the first frame with the editor laid
 *   out (the app's performance marks), the median of 7 opens of each view, taken in turn
 *   in one browser. The transcript view decorates the first blocks then and the rest
 *   in a task right after that frame (transcript-view/structure.ts): "with the rest" adds
 *   that task's time to the open, against the same raw open (the wall time to the rest's
 *   frame would also count the app's other work queued after the editor, raw or not).
 * - scroll: main-thread work per page scrolled, over 60 pages down the file: the scroll
 *   handlers and the frame's work up to a callback queued after CodeMirror's measure (the
 *   viewport's new lines, their decorations and chips).
 * - keystroke: work per typed key at the end of a cue's text, 200 keys, measured as in
 *   bench/editor.ts (keydown to DOM update, plus the next frame's work before paint).
 * Goals: each transcript-view figure ≤ 1.2× the raw view's; keystroke p95 ≤ 10 ms.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, type AppHarness } from '../electron/preview/harness';
import { instrument } from './editor';
import { buildLongVtt } from './formats';
import { percentile, type Benchmark, type BenchResult } from './report';
import { DEFAULT_SETTINGS } from '../shared/settings';

const CUES = 4000;
const KEYS = 200;
const PAGES = 60;
/** Opens of each view, alternating. */
const OPENS = 7;

/** The long episode with speaker turns: a new speaker every 3 to 7 cues. */
function withSpeakers(vtt: string): string {
  let cue = 0;
  let speaker = 0;
  let nextTurn = 0;
  return vtt.replace(/(-->[^\n]*\n)/g, (timing) => {
    if (cue++ === nextTurn) {
      speaker ^= 1;
      nextTurn = cue + 2 + (cue % 5);
    }
    return `${timing}<v ${speaker ? 'Guest' : 'Host'}>`;
  });
}

interface Figures {
  scroll: number[];
  type: number[];
}

/**
 * Work per scrolled page. Scroll events run in the frame's update steps, just before its
 * animation-frame callbacks: from a capturing listener (before CodeMirror's own) to a
 * frame callback queued after CodeMirror's handler (so after its measure) is all work.
 */
async function scrollWork(page: Page): Promise<number[]> {
  // A string: tsx would wrap named functions in a helper the page does not have.
  return page.evaluate(`(async () => {
    const scroller = document.querySelector('.cm-scroller');
    const out = [];
    for (let i = 0; i < ${PAGES}; i++) {
      await new Promise((resolve) => {
        let t0 = 0;
        const first = () => { t0 = performance.now(); };
        const after = () => {
          document.removeEventListener('scroll', first, true);
          scroller.removeEventListener('scroll', after);
          requestAnimationFrame(() => { out.push(performance.now() - t0); resolve(); });
        };
        document.addEventListener('scroll', first, true);
        scroller.addEventListener('scroll', after);
        scroller.scrollTop += scroller.clientHeight;
      });
      // Let the frame paint before the next page.
      await new Promise((r) => setTimeout(r, 30));
    }
    return out.sort((a, b) => a - b);
  })()`) as Promise<number[]>;
}

/** Chooses the view as the user's saved choice (settings `editor.view`), set as the page would set it. */
async function chooseView(app: AppHarness, mode: 'transcript' | 'raw'): Promise<void> {
  const set = await app.server.router.handle('settings:set', { ...DEFAULT_SETTINGS, editor: { view: mode } }, app.page.url());
  if (!set.ok) throw new Error(`could not choose the ${mode} view: ${JSON.stringify(set)}`);
}

/**
 * Opens the page again and waits for the editor: the app's open-start to editor-ready,
 * and that plus (transcript view) the task that decorates the rest of the file, in ms.
 */
async function reopen(page: Page, mode: 'transcript' | 'raw'): Promise<{ ready: number; withRest: number }> {
  await page.reload();
  await page.locator('.cm-content').waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('cueline:editor-ready').length > 0);
  if (mode === 'transcript') await page.waitForFunction(() => performance.getEntriesByName('cueline:transcript-whole').length > 0);
  const ms = await page.evaluate(() => {
    const [start] = performance.getEntriesByName('cueline:open-start');
    const [ready] = performance.getEntriesByName('cueline:editor-ready');
    const [rest] = performance.getEntriesByName('cueline:transcript-rest');
    const open = ready!.startTime - start!.startTime;
    return { ready: open, withRest: rest ? open + rest.duration : null };
  });
  if (mode === 'transcript' && ms.withRest === null) throw new Error('the transcript view decorated the rest outside its task: its time is unknown');
  const chips = await page.locator('.cm-tv-chip').count();
  if ((mode === 'transcript') !== chips > 0) throw new Error(`the ${mode} view did not open (${chips} chips): the comparison would be unfair`);
  return { ready: ms.ready, withRest: ms.withRest ?? ms.ready };
}

/**
 * Open times of both views, taken in turn in one browser (raw, transcript, raw, ...), so
 * a burst of load on the shared machine falls on both alike; the median of each.
 */
async function openTimes(file: string): Promise<{ raw: number; transcript: number; transcriptWithRest: number }> {
  const app = await openApp({ launchPaths: [file] });
  try {
    const opens = { raw: [] as number[], transcript: [] as number[], transcriptWithRest: [] as number[] };
    for (let i = 0; i < OPENS; i++) {
      for (const mode of i % 2 ? (['transcript', 'raw'] as const) : (['raw', 'transcript'] as const)) {
        await chooseView(app, mode);
        const { ready, withRest } = await reopen(app.page, mode);
        opens[mode].push(ready);
        if (mode === 'transcript') opens.transcriptWithRest.push(withRest);
      }
    }
    const median = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1]!;
    return { raw: median(opens.raw), transcript: median(opens.transcript), transcriptWithRest: median(opens.transcriptWithRest) };
  } finally {
    await app.close();
  }
}

async function measure(file: string, mode: 'transcript' | 'raw', cue: number): Promise<Figures> {
  const app = await openApp({ launchPaths: [file] });
  try {
    const { page } = app;
    await chooseView(app, mode);
    await reopen(page, mode);
    const scroll = await scrollWork(page);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < cue; i++) await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('End');
    await page.evaluate(instrument);
    await page.evaluate(() => { (window as unknown as { __lat: unknown[] }).__lat = []; });
    for (let i = 0; i < KEYS; i++) await page.keyboard.press('a');
    await page.waitForFunction((n) => (window as unknown as { __lat: unknown[] }).__lat.length >= n, KEYS);
    const type = (await page.evaluate(() => (window as unknown as { __lat: { work: number }[] }).__lat.map((l) => l.work))).sort((a, b) => a - b);
    return { scroll, type };
  } finally {
    await app.close();
  }
}

export const transcriptViewBenchmark: Benchmark = {
  name: 'transcript-view',
  async run(): Promise<BenchResult[]> {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-bench-tv-'));
    try {
      const file = join(dir, 'long-4000-speakers.vtt');
      await writeFile(file, withSpeakers(buildLongVtt(CUES)));
      // Warm the browser binary and the bundle once, so neither view pays for it.
      await measure(file, 'raw', 2);
      const raw = await measure(file, 'raw', 40);
      const tv = await measure(file, 'transcript', 40);
      const open = await openTimes(file);
      const ratio = { op: '<=' as const, value: 1.2, on: 'ratio' as const };
      const out: BenchResult[] = [
        { name: `transcript view: open ${CUES} cues -> editor interactive`, value: open.transcript, unit: 'ms', baseline: { name: 'raw view open', value: open.raw }, goal: ratio },
        { name: `transcript view: open ${CUES} cues, with the rest's decorations`, value: open.transcriptWithRest, unit: 'ms', baseline: { name: 'raw view open', value: open.raw }, goal: ratio },
      ];
      for (const p of [50, 95]) {
        out.push({ name: `transcript view: scroll work per page p${p} (${PAGES} pages)`, value: percentile(tv.scroll, p), unit: 'ms', baseline: { name: `raw view scroll p${p}`, value: percentile(raw.scroll, p) }, goal: ratio });
      }
      for (const p of [50, 95]) {
        out.push({ name: `transcript view: keystroke work p${p} (${KEYS} keys)`, value: percentile(tv.type, p), unit: 'ms', baseline: { name: `raw view keystroke p${p}`, value: percentile(raw.type, p) }, goal: ratio });
      }
      out.push({ name: `transcript view: keystroke work p95 (${KEYS} keys, ${CUES} cues)`, value: percentile(tv.type, 95), unit: 'ms', goal: { op: '<=', value: 10, on: 'value' } });
      return out;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
