/**
 * UI tests of the app shell in real Chromium, with window.cueline wired to the real
 * main-process services (electron/preview/harness). Needs `npm run build` first
 * (`npm test` does it).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editorText, openApp, type AppHarness } from '../electron/preview/harness';
import { PROJECT_ROOT } from '../electron/preview/server';
import { fixture } from './test/fixtures';

const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts');
let app: AppHarness | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
});

/** Counts canvas pixels that are not transparent/background inside the waveform. */
async function waveformInkPixels(h: AppHarness): Promise<number> {
  return h.page.evaluate(() => {
    const host = document.querySelector('[data-testid="waveform"] div');
    const root = (host as HTMLElement & { shadowRoot: ShadowRoot | null })?.shadowRoot;
    const canvases = [...(root?.querySelectorAll('canvas') ?? [])];
    let ink = 0;
    for (const canvas of canvases) {
      if (!canvas.width || !canvas.height) continue;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink++;
    }
    return ink;
  });
}

describe('app shell', () => {
  it('starts on the demo episode: transcript in CodeMirror, waveform drawn, no console errors', async () => {
    app = await openApp();
    const { page } = app;
    const demoVtt = await readFile(join(PROJECT_ROOT, 'resources', 'demo', 'demo.vtt'), 'utf8');
    await page.locator('.cm-content').waitFor();
    expect(await editorText(page)).toBe(demoVtt);
    await expect.poll(() => waveformInkPixels(app!), { timeout: 20_000 }).toBeGreaterThan(1000);
    // The status bar shows the cursor's cue of the 22-cue demo.
    await expect.poll(() => page.getByTestId('status-bar').textContent()).toMatch(/Ln 1, Col 1.*22 cues/);
    expect(await page.locator('.toolbar-title').textContent()).toContain('demo.vtt');
    expect(await page.locator('[data-testid="messages"]').textContent()).toContain('Paired demo.vtt with demo.txt');
    // The whole waveform is decoded (status cleared) before the screenshot the README shows.
    await expect.poll(() => page.locator('[data-testid="waveform-status"]').textContent(), { timeout: 20_000 }).toBe('');
    await page.locator('.cm-line', { hasText: 'Matt McKay' }).click();
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'app-demo.png') });
    expect(app.errors).toEqual([]);
  });

  it('shows cue text as text: markup in cues never runs, and the CSP blocks inline script', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-xss-'));
    const vtt = join(dir, 'evil.vtt');
    await writeFile(
      vtt,
      'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<img src=x onerror="window.__pwned=1"> hello\n\n' +
        '00:00:02.000 --> 00:00:04.000\n<script>window.__pwned=2</script> world\n',
    );
    app = await openApp({ launchPaths: [vtt] });
    const { page } = app;
    await page.locator('.cm-content').waitFor();
    await expect.poll(() => page.locator('.cm-content').textContent()).toContain('<script>window.__pwned=2</script>');
    // CodeMirror's own `img.cm-widgetBuffer` (empty images it puts beside widgets for the caret) are not cue markup.
    expect(await page.locator('.cm-content img:not(.cm-widgetBuffer), .cm-content script').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    // The page itself injecting an inline script is refused by the CSP.
    const inlineRan = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
      return (window as { __inline?: number }).__inline;
    });
    expect(inlineRan).toBeUndefined();
    expect(app.errors.some((e) => e.includes('Content Security Policy'))).toBe(true);
  });

  it('saves edits through the real services, keeping the rest of the file byte for byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-save-'));
    const vtt = join(dir, 'episode.vtt');
    const original = 'WEBVTT\r\n\r\n00:00:00.000 --> 00:00:02.000\r\nHello Matt McKay\r\n\r\n';
    await writeFile(vtt, original);
    app = await openApp({ launchPaths: [vtt] });
    const { page } = app;
    await page.locator('.cm-content').waitFor();
    await page.getByText('Hello Matt McKay').click();
    await page.keyboard.press('End');
    for (let i = 0; i < 'McKay'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('Makai');
    await expect.poll(() => page.title()).toMatch(/^• episode\.vtt/);
    await page.keyboard.press('Control+s');
    await expect.poll(() => readFile(vtt, 'utf8')).toBe(original.replace('McKay', 'Makai'));
    await expect.poll(() => page.title()).toBe('episode.vtt — Cueline');
  });

  it('names the file and keeps working when the audio cannot be opened', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-noaudio-'));
    const vtt = join(dir, 'talk.vtt');
    await copyFile(join(PROJECT_ROOT, 'resources', 'demo', 'demo.vtt'), vtt);
    await writeFile(join(dir, 'talk.mp3'), 'this is not audio');
    app = await openApp({ launchPaths: [vtt] });
    const { page } = app;
    await page.locator('.cm-content').waitFor();
    await expect.poll(() => page.locator('[data-testid="messages"]').textContent(), { timeout: 15_000 }).toMatch(/talk\.mp3: Audio could not be loaded/);
    await page.locator('.cm-content').click();
    await page.keyboard.type('still editable');
    expect(await page.locator('.cm-content').textContent()).toContain('still editable');
  });

  it('exports SRT from the File ▸ Export menu through the real services', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-export-ui-'));
    const vtt = join(dir, 'show.vtt');
    await writeFile(vtt, 'WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nFirst cue\n');
    const target = join(dir, 'show.srt');
    app = await openApp({ launchPaths: [vtt], dialogs: { chooseOpen: async () => null, chooseSave: async () => target } });
    await app.page.locator('.cm-content').waitFor();
    await app.emit('menu:command', 'export-srt');
    await expect.poll(() => readFile(target, 'utf8').catch(() => '')).toBe('1\n00:00:01,000 --> 00:00:02,500\nFirst cue\n\n');
    await expect.poll(() => app!.page.locator('[data-testid="messages"]').textContent()).toContain('Exported show.srt.');
  });

  it('exports TXT + VTT side by side; an unedited paired episode comes out byte for byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-export-pair-'));
    const talkpython = fixture.talkpython;
    for (const ext of ['vtt', 'txt']) await copyFile(join(talkpython, `518-django-birthday.${ext}`), join(dir, `518-django-birthday.${ext}`));
    await mkdir(join(dir, 'out'));
    app = await openApp({ launchPaths: [join(dir, '518-django-birthday.vtt')], dialogs: { chooseOpen: async () => null, chooseSave: async () => join(dir, 'out', 'episode.vtt') } });
    await app.page.locator('.cm-content').waitFor();
    await app.emit('menu:command', 'export-pair');
    await expect.poll(() => app!.page.getByTestId('messages').textContent()).toContain('Exported episode.vtt + episode.txt.');
    expect(await readFile(join(dir, 'out', 'episode.vtt'), 'utf8')).toBe(await readFile(join(talkpython, '518-django-birthday.vtt'), 'utf8'));
    expect(await readFile(join(dir, 'out', 'episode.txt'), 'utf8')).toBe(await readFile(join(talkpython, '518-django-birthday.txt'), 'utf8'));
  });
});
