/**
 * Editor responsiveness in real Chromium, through the real app and services (the
 * preview harness): a 4,000-cue episode against the 22-cue demo as the same-run
 * baseline.
 * - open: from the app asking for its document to the first frame with the editor laid
 *   out (performance marks in the app).
 * - keystroke and nudge latency over 200 real key presses each: main-thread work per
 *   key = the keydown task (CodeMirror's transaction, reparse, DOM update) plus the work
 *   in the next frame before paint (CodeMirror's measure, our decorations). The wait for
 *   vsync between the two is idle time, not ours, and is left out; "to frame" includes it.
 * - React commits per animation frame during playback (the playhead must not go through
 *   React): counted by a React DevTools hook installed before the page loads, over 180
 *   frames of steady playback (the 4,000-cue file gets 515's two minutes of speech as its
 *   audio, so its keystrokes also pay for the waveform's cue layer; the demo has its own).
 * - state work per keystroke in Node, by extension: the CodeMirror state's own share of a
 *   keystroke (fields, computed decorations, and what the status bar and the timeline
 *   read), with no layout or paint. Counted in CPU time of the process (getrusage), not
 *   wall time, so a loaded machine's preemptions do not land in it. Word times are given
 *   to every cue, as after an alignment.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { history } from '@codemirror/commands';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { Page } from 'playwright-core';
import { openApp } from '../electron/preview/harness';
import { PROJECT_ROOT } from '../electron/preview/server';
import { cueWords } from '../shared/align/word-tags';
import { blocksOf, cuesOf, vttField } from '../renderer/src/editor/cue-field';
import { cueHighlight } from '../renderer/src/editor/cue-highlight';
import { snapshotOf } from '../renderer/src/editor/cue-timeline';
import { vttLint } from '../renderer/src/editor/vtt-lint';
import { wordTimes, wordTimesEffect } from '../renderer/src/editor/word-times';
import { viewModeExtension } from '../renderer/src/transcript-view';
import { buildLongVtt } from './formats';
import { percentile, type Benchmark, type BenchResult } from './report';

const OPERATIONS = 200;
const PLAYBACK_FRAMES = 180;
const SPEECH = join(PROJECT_ROOT, '..', 'shared', 'fixtures', 'audio', '515-temporal-first120s.mp3');

/** React calls a DevTools hook on every commit, in production builds too: count them. */
const COMMIT_COUNTER = `(() => {
  let commits = 0;
  window.__reactCommits = () => commits;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, renderers: new Map(), isDisabled: false,
    inject() { return 1; }, checkDCE() {}, onScheduleFiberRoot() {},
    onCommitFiberRoot() { commits++; }, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
  };
})()`;

interface Figures {
  open: number;
  type: { work: number[]; frame: number[] };
  nudge: { work: number[]; frame: number[] };
  cues: number;
  /** React commits per animation frame while playing. */
  commitsPerFrame: number;
}

/**
 * Installed in the page: per key, the time from keydown to CodeMirror's DOM update (seen
 * by a MutationObserver, so typed text counts however the browser delivers it), plus
 * the work in the next frame before paint (our rAF callback runs after CodeMirror's
 * measure callback, queued during the update).
 */
export function instrument() {
  const w = window as unknown as { __lat: { work: number; frame: number }[] };
  w.__lat = [];
  let pending: { t0: number } | null = null;
  window.addEventListener('keydown', (e) => {
    if (!['Alt', 'Control', 'Shift', 'Meta'].includes(e.key)) pending = { t0: performance.now() };
  }, true);
  new MutationObserver(() => {
    const p = pending;
    if (!p) return;
    pending = null;
    const dom = performance.now();
    requestAnimationFrame((frameStart) => {
      const now = performance.now();
      // If the update ran inside this frame (CodeMirror flushes input in its measure), count it once.
      w.__lat.push({ work: dom - p.t0 + Math.max(0, now - Math.max(frameStart, dom)), frame: now - p.t0 });
    });
  }).observe(document.querySelector('.cm-content')!, { subtree: true, childList: true, characterData: true });
}

/** Plays from the fifth cue and counts React commits over PLAYBACK_FRAMES frames of steady playback. */
async function commitsWhilePlaying(page: Page): Promise<number> {
  await page.locator('[data-testid="transport-play"]:not([disabled])').waitFor({ timeout: 30_000 });
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="transport-play"][aria-label="Pause"]').waitFor();
  // Steady playback: 30 frames in, past the Play button's own one-off update.
  const counted = await page.evaluate(`new Promise((resolve) => {
    let start = 0;
    let frames = -30;
    const tick = () => {
      if (frames === 0) start = window.__reactCommits();
      if (++frames < ${PLAYBACK_FRAMES}) return requestAnimationFrame(tick);
      resolve({ commits: window.__reactCommits() - start, frames });
    };
    requestAnimationFrame(tick);
  })`) as { commits: number; frames: number };
  await page.keyboard.press('Escape');
  return counted.commits / counted.frames;
}

async function measure(file: string, cueLine: number): Promise<Figures> {
  const app = await openApp({ launchPaths: [file] });
  try {
    const { page } = app;
    await app.context.addInitScript(COMMIT_COUNTER);
    await page.reload();
    await page.locator('.cm-content').waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('cueline:editor-ready').length > 0);
    const open = await page.evaluate(() => {
      const [start] = performance.getEntriesByName('cueline:open-start');
      const [ready] = performance.getEntriesByName('cueline:editor-ready');
      return ready!.startTime - start!.startTime;
    });
    // Into the text of cue `cueLine` (navigation keys are not measured).
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < cueLine; i++) await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('End');
    const cues = Number((await page.getByTestId('status-cue').textContent())!.split('/')[1]);
    await page.evaluate(instrument);
    const take = async (keys: readonly string[]) => {
      await page.evaluate(() => { (window as unknown as { __lat: unknown[] }).__lat = []; });
      for (let i = 0; i < OPERATIONS; i++) await page.keyboard.press(keys[i % keys.length]!);
      await page.waitForFunction((n) => (window as unknown as { __lat: unknown[] }).__lat.length >= n, OPERATIONS);
      const lat = await page.evaluate(() => (window as unknown as { __lat: { work: number; frame: number }[] }).__lat);
      return { work: lat.map((l) => l.work).sort((a, b) => a - b), frame: lat.map((l) => l.frame).sort((a, b) => a - b) };
    };
    const type = await take(['a']);
    // Later then earlier, so the start never reaches the end (where the nudge stops changing text).
    const nudge = await take(['Alt+ArrowRight', 'Alt+ArrowLeft']);
    return { open, type, nudge, cues, commitsPerFrame: await commitsWhilePlaying(page) };
  } finally {
    await app.close();
  }
}

const STATE_KEYS = 400;

/** Every cue's words, spread evenly over the cue: what an alignment would give. */
function timeEveryWord(state: EditorState): EditorState {
  const doc = state.field(vttField);
  return state.update({
    effects: wordTimesEffect(doc, (i) => {
      const c = doc.cues[i]!;
      const words = cueWords(c.text);
      const step = (c.end - c.start) / Math.max(1, words.length);
      return { words: words.map((w, k) => ({ text: w.text, start: c.start + k * step, end: c.start + (k + 1) * step })) };
    }),
  }).state;
}

/**
 * CPU milliseconds per typed key at the end of cue 40's text: the transaction, and with
 * `read`, what runs on every keystroke besides (the status bar's and the timeline's
 * lookups, the computed decorations).
 */
function stateWork(text: string, extensions: Extension, read: boolean): number[] {
  let state = timeEveryWord(EditorState.create({ doc: text, extensions }));
  const cues = cuesOf(state);
  let pos = cues[Math.min(40, cues.length - 1)]!.textRange.to;
  state = state.update({ selection: { anchor: pos } }).state;
  const out: number[] = [];
  for (let i = -50; i < STATE_KEYS; i++) {
    const t0 = process.cpuUsage();
    const tr = state.update({ changes: { from: pos, insert: 'a' }, selection: { anchor: pos + 1 }, userEvent: 'input.type' });
    state = tr.state;
    if (read) {
      const blocks = blocksOf(state);
      blocks.cue(blocks.cueIndexAt(pos));
      snapshotOf(state, tr.changes, false);
      state.facet(EditorView.decorations);
    }
    pos++;
    if (i >= 0) {
      const used = process.cpuUsage(t0);
      out.push((used.user + used.system) / 1000);
    }
  }
  return out.sort((a, b) => a - b);
}

const STATE_CASES: readonly { name: string; extensions: () => Extension; read: boolean }[] = [
  { name: 'cue field', extensions: () => [vttField], read: false },
  { name: 'cue field + word times', extensions: () => [vttField, wordTimes], read: false },
  { name: 'raw view state + keystroke readers', extensions: () => [vttField, wordTimes, cueHighlight, vttLint, history(), viewModeExtension('raw')], read: true },
  { name: 'transcript view state + keystroke readers', extensions: () => [vttField, wordTimes, cueHighlight, vttLint, history(), viewModeExtension('transcript')], read: true },
];

function stateResults(demo: string, long: string, cues: number): BenchResult[] {
  return STATE_CASES.flatMap((c) => {
    const small = stateWork(demo, c.extensions(), c.read);
    const big = stateWork(long, c.extensions(), c.read);
    return [50, 95].map((p) => ({
      name: `state CPU per keystroke p${p}, Node: ${c.name} (${STATE_KEYS} keys, ${cues} cues, every word timed)`,
      value: percentile(big, p),
      unit: 'ms',
      baseline: { name: `demo ${c.name} p${p}`, value: percentile(small, p) },
    }));
  });
}

export const editorBenchmark: Benchmark = {
  name: 'editor',
  async run(): Promise<BenchResult[]> {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-bench-editor-'));
    try {
      const long = join(dir, 'long-4000.vtt');
      await writeFile(long, buildLongVtt(4000));
      await copyFile(SPEECH, join(dir, 'long-4000.mp3'));
      const demo = join(PROJECT_ROOT, 'resources', 'demo', 'demo.vtt');
      // Warm the browser binary and the built bundle once, so neither run pays for it.
      await measure(demo, 2);
      const small = await measure(demo, 10);
      const big = await measure(long, 40);
      const base = (name: string, value: number) => ({ name: `demo (${small.cues} cues) ${name}`, value });
      const out: BenchResult[] = [
        { name: `open ${big.cues} cues -> editor interactive`, value: big.open, unit: 'ms', baseline: base('open', small.open), goal: { op: '<=', value: 300, on: 'value' } },
      ];
      for (const [label, key] of [['keystroke', 'type'], ['nudge', 'nudge']] as const) {
        for (const p of [50, 95]) {
          out.push({
            name: `${label} work p${p} (${OPERATIONS} ops, ${big.cues} cues)`,
            value: percentile(big[key].work, p),
            unit: 'ms',
            baseline: base(`${label} work p${p}`, percentile(small[key].work, p)),
            ...(p === 95 ? { goal: { op: '<=' as const, value: 10, on: 'value' as const } } : {}),
          });
        }
        out.push({ name: `${label} to next frame p95 (incl. vsync wait)`, value: percentile(big[key].frame, 95), unit: 'ms', baseline: base(`${label} to frame p95`, percentile(small[key].frame, 95)) });
      }
      out.push(...stateResults(await readFile(demo, 'utf8'), await readFile(long, 'utf8'), big.cues));
      out.push({
        name: `React commits per animation frame during playback (${PLAYBACK_FRAMES} frames, ${big.cues} cues)`,
        value: big.commitsPerFrame,
        unit: 'commits/frame',
        baseline: base('React commits per frame during playback', small.commitsPerFrame),
        goal: { op: '<=', value: 0, on: 'value' },
      });
      return out;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
