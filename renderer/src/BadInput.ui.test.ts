/**
 * Bad input end to end in real Chromium with the real services: each bad file opened
 * from File ▸ Open gives a message naming it (with line:col where it applies), the app
 * keeps working, and the document already open (with the user's typing) is kept.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { chmod, copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editorText, openApp, type AppHarness } from '../../electron/preview/harness';
import { inRawView } from '../test/ui';
import { PROJECT_ROOT } from '../../electron/preview/server';

let app: AppHarness | null = null;
afterEach(async () => { await app?.close(); app = null; });

describe('bad input', () => {
  it('binary, empty, folder-as-file, unreadable and undecodable audio: named messages, nothing typed is lost; UTF-16 and a 50 MB file open', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-bad-'));
    const episode = join(dir, 'episode.vtt');
    await copyFile(join(PROJECT_ROOT, 'resources', 'demo', 'demo.vtt'), episode);
    const binary = join(dir, 'photo.vtt');
    // A JPEG renamed .vtt (binary by its signature; a few NULs in a VTT no longer make it binary).
    await writeFile(binary, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00]));
    const empty = join(dir, 'empty.vtt');
    await writeFile(empty, '');
    const folder = join(dir, 'folder.vtt');
    await mkdir(folder);
    const utf16 = join(dir, 'utf16.vtt');
    await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nZoë — naïve café\n', 'utf16le')]));
    const badAudio = join(dir, 'noise.mp3');
    await writeFile(badAudio, Buffer.alloc(4096, 0x5a));
    const huge = join(dir, 'huge.vtt');
    const cue = (i: number) => `00:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000 --> 00:59:59.000\n${'word '.repeat(120)}${i}\n`;
    const block = Array.from({ length: 1000 }, (_, i) => cue(i)).join('\n');
    await writeFile(huge, `WEBVTT\n\n${Array.from({ length: Math.ceil(50e6 / block.length) }, () => block).join('\n')}`);

    // Unreadable: permissions where they bind; as root (CI) they do not, so a file whose
    // read fails with EIO stands in (Linux: this process's own /proc/self/mem at offset 0).
    let unreadable = join(dir, 'locked.vtt');
    if (process.getuid?.() === 0) unreadable = '/proc/self/mem';
    else {
      await writeFile(unreadable, 'WEBVTT\n');
      await chmod(unreadable, 0);
    }
    const unreadableName = unreadable.split('/').pop()!;
    const queue = [binary, empty, folder, unreadable, badAudio, utf16, huge];
    app = await openApp({ launchPaths: [episode], dialogs: { chooseOpen: async () => queue.shift() ?? null, chooseSave: async () => null } });
    // About the raw text (the transcript view keeps typing inside cues and hides timing lines).
    await inRawView(app.page);
    const { page } = app;
    const messages = page.getByTestId('messages');
    await page.locator('.cm-content').waitFor();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('typed before the bad files');
    const typed = (await editorText(page))!;
    expect(typed).toContain('typed before the bad files');
    /** File ▸ Open; the unsaved-changes question is answered "Don't Save" (a failed open replaces nothing). */
    const open = async () => {
      await page.getByRole('button', { name: 'Open…' }).click();
      await page.getByTestId('unsaved-dialog').getByRole('button', { name: "Don't Save" }).click();
    };

    await open();
    await expect.poll(() => messages.textContent()).toMatch(/photo\.vtt:\d+:\d+: .*binary/);
    await open();
    await expect.poll(() => messages.textContent()).toContain('empty.vtt:1:1: the file is empty.');
    await open();
    await expect.poll(() => messages.textContent()).toContain('folder.vtt: is a folder, not a transcript file.');
    await open();
    await expect.poll(() => messages.textContent()).toMatch(new RegExp(`${unreadableName}: cannot read \\((permission denied|EIO)`));
    expect(await editorText(page)).toBe(typed);

    // Undecodable audio: named, and the transcript stays editable.
    await open();
    await expect.poll(() => messages.textContent(), { timeout: 15_000 }).toMatch(/noise\.mp3: (Audio could not be loaded|Waveform unavailable)/);
    expect(await editorText(page)).toBe(typed);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('!');
    expect(await editorText(page)).toBe(`${typed}!`);

    // Replacing unsaved work asks first: Cancel keeps it, Don't Save lets the open go on.
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByTestId('unsaved-dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await editorText(page)).toBe(`${typed}!`);
    expect(queue[0]).toBe(utf16);
    await open();
    await expect.poll(() => editorText(page)).toContain('Zoë — naïve café');
    expect(await page.locator('.toolbar-title').textContent()).toContain('utf16.vtt');

    const t0 = Date.now();
    await page.getByRole('button', { name: 'Open…' }).click();
    await expect.poll(() => page.locator('.toolbar-title').textContent(), { timeout: 60_000 }).toContain('huge.vtt');
    const seconds = (Date.now() - t0) / 1000;
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('end');
    expect((await editorText(page))!.endsWith('end')).toBe(true);
    console.info(`50 MB VTT opened and editable in ${seconds.toFixed(1)} s`);
    expect(app.errors.filter((e) => !/Failed to load resource|MEDIA_ERR|DEMUXER|404/.test(e))).toEqual([]);
  }, 120_000);
});
