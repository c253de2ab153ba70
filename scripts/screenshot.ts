/**
 * `npm run screenshot`: the README's picture, made the way a user would see the app:
 * the preview harness opens the demo episode (with speakers marked, in a temp copy) at
 * 1280×800, switches on the transcript view and the spectrogram, puts the cursor in a
 * cue, and writes `docs/screenshot.png`. Pass `--dark` for the dark scheme, `-o FILE`
 * for another path.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openApp } from '../electron/preview/harness';
import { PROJECT_ROOT } from '../electron/preview/server';

const args = process.argv.slice(2);
const outIndex = args.indexOf('-o');
const out = resolve(outIndex >= 0 ? args[outIndex + 1]! : join(PROJECT_ROOT, 'docs/screenshot.png'));
const dark = args.includes('--dark');

const demo = join(PROJECT_ROOT, 'resources/demo');
const dir = await mkdtemp(join(tmpdir(), 'cueline-screenshot-'));
// The demo is a host and a guest taking turns, one cue each: mark them as speakers.
let turn = 0;
const vtt = (await readFile(join(demo, 'demo.vtt'), 'utf8')).replace(/(-->[^\n]*\n)/g, (line) => `${line}<v ${turn++ % 2 ? 'Guest' : 'Host'}>`);
await writeFile(join(dir, 'demo.vtt'), vtt);
await copyFile(join(demo, 'demo.mp3'), join(dir, 'demo.mp3'));

const app = await openApp({ launchPaths: [join(dir, 'demo.vtt')], dataDir: join(dir, 'data'), headless: true, log: () => {} });
try {
  const { page } = app;
  if (dark) await page.emulateMedia({ colorScheme: 'dark' });
  await page.locator('.cm-content').waitFor();
  await page.locator('[data-testid="waveform"][data-peaks]').waitFor({ timeout: 30_000 });
  const toggle = page.getByRole('button', { name: 'Transcript view' });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await page.getByRole('button', { name: 'Spectrogram' }).click();
  await page.locator('.cm-content').getByText('Speech recognition gets close').click();
  // The spectrogram's tiles arrive from a worker; wait until the strip says it drew one.
  // (Playwright's CSS locators pierce the waveform's shadow root.)
  await page.locator('[data-first-reply-ms]').waitFor({ state: 'attached', timeout: 30_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await app.close();
  await rm(dir, { recursive: true, force: true });
}
