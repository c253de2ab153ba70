/**
 * The QA profile follows the file unless the user chose one: a podcast transcript opens
 * with the transcript profile (no subtitle limits flagged), the same speech as subtitles
 * with the subtitle profile. A choice made in the status bar wins over the file, and
 * `npm run preview` remembers it when run again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, openApp, type AppHarness } from '../../../electron/preview/harness';
import { PROJECT_ROOT } from '../../../electron/preview/server';
import { fixture, folderWith, tempDir } from '../../test/fixtures';
import { asSubtitles } from './as-subtitles';

let app: AppHarness | null = null;
let preview: ChildProcess | null = null;
let browser: Browser | null = null;
afterEach(async () => {
  await app?.close();
  await browser?.close();
  if (preview?.pid) process.kill(-preview.pid, 'SIGINT');
  app = null;
  browser = null;
  preview = null;
});

const problems = async (page: Page) => Number((await page.getByTestId('status-problems').textContent())!.split(' ')[0]);
const shownProfile = (page: Page) => page.getByTestId('qa-profile').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]!.textContent);

async function episodes() {
  const transcript = await readFile(fixture.vtt515, 'utf8');
  const { dir } = await folderWith({ 'transcript.vtt': fixture.vtt515, 'subtitles.vtt': { text: asSubtitles(transcript) } }, 'cueline-qa-');
  return dir;
}

/** Runs `npm run preview`'s program (headless: it prints the URL) and opens that URL in Chromium. */
async function runPreview(file: string, dataDir: string): Promise<Page> {
  preview = spawn(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), ['electron/preview/main.ts', file], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DISPLAY: '', CUELINE_DATA_DIR: dataDir },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    preview!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = out.match(/https?:\/\/127\.0\.0\.1:\d+\/\S*/);
      if (found) resolve(found[0]);
    });
    preview!.on('exit', (code) => reject(new Error(`preview exited (${code}): ${out}`)));
  });
  browser ??= await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(url);
  await page.locator('.cm-content').waitFor();
  return page;
}

async function stopPreview(): Promise<void> {
  const p = preview!;
  preview = null;
  const exited = new Promise((resolve) => p.on('exit', resolve));
  process.kill(-p.pid!, 'SIGINT');
  await exited;
}

describe('QA profile', () => {
  it('follows the file until the user chooses, then keeps the choice', async () => {
    const dir = await episodes();
    const dataDir = await tempDir('cueline-data-');
    app = await openApp({ launchPaths: [join(dir, 'transcript.vtt')], dataDir, dropFolder: dir });
    const { page } = app;
    await page.locator('.cm-content').waitFor();
    expect(await shownProfile(page)).toBe('auto: transcript');
    // Subtitle limits flag most cues of a transcript; back on auto, none.
    await page.getByTestId('qa-profile').selectOption('subtitle');
    await expect.poll(() => problems(page), { timeout: 5000 }).toBeGreaterThan(100);
    await page.getByTestId('qa-profile').selectOption('auto');
    await expect.poll(() => problems(page), { timeout: 5000 }).toBe(0);

    // The same speech as subtitles: the subtitle limits apply.
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([''], 'subtitles.vtt'));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => shownProfile(page)).toBe('auto: subtitles');
    await expect.poll(() => problems(page), { timeout: 5000 }).toBeGreaterThan(100);

    // The user's choice wins over the file, and is saved.
    await page.getByTestId('qa-profile').selectOption('transcript');
    await expect.poll(() => problems(page), { timeout: 5000 }).toBe(0);
    await expect.poll(async () => JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8').catch(() => '{}')).qaProfile).toBe('transcript');
    expect(app.errors).toEqual([]);
  });

  it('is remembered by npm run preview from one run to the next', async () => {
    const dir = await episodes();
    const dataDir = await tempDir('cueline-data-');
    let page = await runPreview(join(dir, 'subtitles.vtt'), dataDir);
    await expect.poll(() => shownProfile(page)).toBe('auto: subtitles');
    await expect.poll(() => problems(page), { timeout: 5000 }).toBeGreaterThan(100);
    await page.getByTestId('qa-profile').selectOption('transcript');
    await expect.poll(() => problems(page), { timeout: 5000 }).toBe(0);
    await expect.poll(async () => JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8').catch(() => '{}')).qaProfile).toBe('transcript');
    await page.context().close();
    await stopPreview();

    page = await runPreview(join(dir, 'subtitles.vtt'), dataDir);
    await expect.poll(() => shownProfile(page)).toBe('transcript');
    await expect.poll(() => problems(page), { timeout: 5000 }).toBe(0);
    // The limits are the chosen profile's: back on auto, the file's subtitle limits apply.
    await page.getByTestId('qa-profile').selectOption('auto');
    await expect.poll(() => problems(page), { timeout: 5000 }).toBeGreaterThan(100);
  });
});
