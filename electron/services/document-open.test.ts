/**
 * Paths belong to the user's gestures: what a named or dropped path, a companion audio
 * or a TXT partner really is decides whether it opens (real temp folders, real symlinks,
 * real FIFOs). Each case asserts the message the user sees and what is on disk.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCuelineApi } from '../../shared/ipc/api';
import { MediaRegistry } from './media-registry';
import { PathGuard } from './path-guard';
import { Session } from './session';

const FIXTURES = join(__dirname, '..', '..', '..', 'shared', 'fixtures');
const VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello there\n';

async function folder() {
  const root = await mkdtemp(join(tmpdir(), 'cueline-open-'));
  const episodes = join(root, 'episodes');
  const outside = join(root, 'outside');
  await mkdir(episodes);
  await mkdir(outside);
  await writeFile(join(outside, 'secret.txt'), 'root:x:0:0:secret\n');
  return { root, episodes, outside, secret: join(outside, 'secret.txt') };
}

function session() {
  const logs: string[] = [];
  const s = new Session({
    guard: new PathGuard((m) => logs.push(m)), media: new MediaRegistry(), dialogs: { chooseOpen: async () => null, chooseSave: async () => null },
    launchPaths: [], demoDir: '/nonexistent', mediaBase: 'app://cueline', log: (m) => logs.push(m),
  });
  return { s, logs };
}

const texts = (opened: { messages: { text: string }[] }) => opened.messages.map((m) => m.text);

describe('opening what the user named or dropped', () => {
  it('refuses a dropped .vtt symlink to a file outside its folder, and never returns its text', async () => {
    const { episodes, secret } = await folder();
    await symlink(secret, join(episodes, 'passwd.vtt'));
    await symlink('/etc/passwd', join(episodes, 'etc.vtt'));
    const { s, logs } = session();
    for (const name of ['passwd.vtt', 'etc.vtt']) {
      const opened = await s.openPaths([join(episodes, name)], 'dropped');
      expect(opened.transcript).toBeNull();
      expect(texts(opened)).toEqual([`${name}: is a link to a file outside its folder; refused.`]);
      expect(JSON.stringify(opened)).not.toContain('root:');
    }
    expect(logs.filter((l) => /^refused dropped path .*(passwd|etc)\.vtt/.test(l))).toHaveLength(2);
  });

  it('judges a dropped path by its real name: a relative path, or a link inside the folder to a non-transcript, is refused', async () => {
    const { episodes } = await folder();
    await writeFile(join(episodes, 'setup.exe'), 'MZ');
    await symlink(join(episodes, 'setup.exe'), join(episodes, 'looks-like.vtt'));
    const { s } = session();
    expect(texts(await s.openPaths(['episodes/a.vtt'], 'dropped'))).toEqual(['a.vtt: not a transcript or audio file; not opened.']);
    expect(texts(await s.openPaths([join(episodes, 'looks-like.vtt')], 'dropped'))).toEqual(['looks-like.vtt: not a transcript or audio file; not opened.']);
    // A link to a transcript in the same folder is the same file: it opens.
    await writeFile(join(episodes, 'real.vtt'), VTT);
    await symlink(join(episodes, 'real.vtt'), join(episodes, 'alias.vtt'));
    const opened = await s.openPaths([join(episodes, 'alias.vtt')], 'dropped');
    expect(opened.transcript).toMatchObject({ name: 'real.vtt', text: VTT });
  });

  it('refuses a FIFO or a device named .vtt at once, without waiting for a writer', async () => {
    const { episodes } = await folder();
    execFileSync('mkfifo', [join(episodes, 'pipe.vtt')]);
    await symlink('/dev/zero', join(episodes, 'zero.vtt'));
    const { s } = session();
    const fifo = await s.openPaths([join(episodes, 'pipe.vtt')]);
    expect(fifo.transcript).toBeNull();
    expect(texts(fifo)).toEqual(['pipe.vtt: is not a regular file (a FIFO, socket or device); refused.']);
    // /dev/zero through a link: outside the folder; named directly: not a regular file.
    expect(texts(await s.openPaths([join(episodes, 'zero.vtt')]))).toEqual(['zero.vtt: is a link to a file outside its folder; refused.']);
    expect(texts(await s.openPaths(['/dev/zero']))).toEqual(['zero: is not a regular file (a FIFO, socket or device); refused.']);
  });

  it('leaves out a companion audio or TXT partner that links outside the folder, and Save never writes through it', async () => {
    const { episodes, outside, secret } = await folder();
    const vtt = join(episodes, '515-temporal.vtt');
    await copyFile(join(FIXTURES, 'talkpython', '515-temporal.vtt'), vtt);
    const outsideTxt = join(outside, 'elsewhere.txt');
    await copyFile(join(FIXTURES, 'talkpython', '515-temporal.txt'), outsideTxt);
    await symlink(secret, join(episodes, '515-temporal.mp3'));
    await symlink(outsideTxt, join(episodes, '515-temporal.txt'));
    const txtBefore = await readFile(outsideTxt);
    const { s } = session();
    const opened = await s.openPaths([vtt]);
    expect(opened.transcript?.name).toBe('515-temporal.vtt');
    expect(opened.audio).toBeNull();
    expect(texts(opened)).toEqual([
      '515-temporal.mp3: is a link to a file outside its folder; refused. Not opened with 515-temporal.vtt.',
      '515-temporal.txt: is a link to a file outside its folder; refused. Not opened with 515-temporal.vtt.',
    ]);
    const edited = opened.transcript!.text.replace('framework called Temporal.', 'framework called TEMPORAL.');
    expect(await s.writer.save(opened.transcript!.id, edited)).toEqual({ ok: true, name: '515-temporal.vtt', renamed: false });
    expect((await readFile(outsideTxt)).equals(txtBefore)).toBe(true);
    expect(await readFile(vtt, 'utf8')).toBe(edited);
  });

  it('Export TXT + VTT refuses to write the derived TXT through a link planted beside the chosen name', async () => {
    const { episodes, outside, secret } = await folder();
    await writeFile(join(episodes, 'talk.vtt'), VTT);
    const target = join(outside, 'export');
    await mkdir(target);
    await symlink(secret, join(target, 'ep.txt'));
    const logs: string[] = [];
    const s = new Session({
      guard: new PathGuard(), media: new MediaRegistry(), dialogs: { chooseOpen: async () => null, chooseSave: async () => join(target, 'ep.vtt') },
      launchPaths: [], demoDir: '/nonexistent', mediaBase: 'app://cueline', log: (m) => logs.push(m),
    });
    const opened = await s.openPaths([join(episodes, 'talk.vtt')]);
    expect(await s.writer.exportPair(opened.transcript!.id, VTT)).toEqual({ ok: false, canceled: false, message: 'ep.txt: is a link to a file outside its folder; refused. Nothing was exported.' });
    expect(await readFile(secret, 'utf8')).toBe('root:x:0:0:secret\n');
    await expect(readFile(join(target, 'ep.vtt'))).rejects.toThrow(/ENOENT/);
  });

  it('leaves out a companion FIFO, and opens a companion linked within the folder', async () => {
    const { episodes } = await folder();
    await writeFile(join(episodes, 'talk.vtt'), VTT);
    execFileSync('mkfifo', [join(episodes, 'talk.mp3')]);
    const { s } = session();
    const opened = await s.openPaths([join(episodes, 'talk.vtt')]);
    expect(opened.audio).toBeNull();
    expect(texts(opened)).toEqual(['talk.mp3: is not a regular file (a FIFO, socket or device); refused. Not opened with talk.vtt.']);

    await writeFile(join(episodes, 'final-cut.wav'), Buffer.alloc(64));
    await writeFile(join(episodes, 'other.vtt'), VTT);
    await symlink(join(episodes, 'final-cut.wav'), join(episodes, 'other.wav'));
    const paired = await s.openPaths([join(episodes, 'other.vtt')]);
    expect(paired.audio).toMatchObject({ name: 'final-cut.wav', size: 64 });
  });

  it('tells the user when a file was read as Windows-1252', async () => {
    const { episodes } = await folder();
    await writeFile(join(episodes, 'cafe.vtt'), Buffer.from('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nCaf\xe9 \x93quoted\x94\n', 'latin1'));
    const { s } = session();
    const opened = await s.openPaths([join(episodes, 'cafe.vtt')]);
    expect(opened.transcript?.text).toContain('Café “quoted”');
    expect(opened.messages).toEqual([{ level: 'warning', text: 'cafe.vtt: Not valid UTF-8 (first at line 4, column 4); read as Windows-1252 and will be saved the same way.' }]);
    expect(opened.transcript?.notice).toMatch(/read as Windows-1252/);
  });

  it('opens a plain-text .tsv as a corrections list, alone, saved back atomically; a WebVTT named .tsv is a transcript; a .tsv link out of the folder is refused', async () => {
    const { episodes, secret } = await folder();
    const list = 'Matt McKay\tMatt Makai\r\nrough\truff\tbogus\r\n';
    await writeFile(join(episodes, 'corrections.tsv'), list);
    // What would be an episode's partner and audio beside a transcript of that name.
    await writeFile(join(episodes, 'corrections.vtt'), VTT);
    await copyFile(join(__dirname, '..', '..', 'resources', 'demo', 'demo.mp3'), join(episodes, 'corrections.mp3'));
    await writeFile(join(episodes, 'empty.tsv'), '');
    await writeFile(join(episodes, 'captions.tsv'), VTT);
    await symlink(secret, join(episodes, 'linked.tsv'));
    const { s } = session();
    const opened = await s.openPaths([join(episodes, 'corrections.tsv')]);
    expect(opened.audio).toBeNull();
    expect(opened.transcript).toMatchObject({ name: 'corrections.tsv', text: list, encoding: 'utf-8' });
    expect(texts(opened)).toEqual(["corrections.tsv: a corrections list of 1 rule; 1 line with errors (first corrections.tsv:2:12: error: unknown option 'bogus' (known: i, re, before=w1|w2, after=w1|w2))."]);
    const fixed = 'Matt McKay\tMatt Makai\r\nrough\truff\tbefore=install\r\n';
    expect(await s.writer.save(opened.transcript!.id, fixed)).toMatchObject({ ok: true, name: 'corrections.tsv' });
    expect(await readFile(join(episodes, 'corrections.tsv'), 'utf8')).toBe(fixed);
    expect(await readFile(join(episodes, 'corrections.vtt'), 'utf8')).toBe(VTT);

    const empty = await s.openPaths([join(episodes, 'empty.tsv')], 'dropped');
    expect(empty.transcript).toMatchObject({ name: 'empty.tsv', text: '' });
    expect(texts(empty)).toEqual(['empty.tsv: a corrections list of 0 rules.']);
    const vtt = await s.openPaths([join(episodes, 'captions.tsv')]);
    expect(vtt.transcript).toMatchObject({ name: 'captions.tsv', text: VTT, format: 'vtt' });
    expect(texts(await s.openPaths([join(episodes, 'linked.tsv')]))).toEqual(['linked.tsv: is a link to a file outside its folder; refused.']);
  });

  it('never reads a corrections.tsv that links outside the folder', async () => {
    const { episodes, secret } = await folder();
    await writeFile(join(episodes, 'talk.vtt'), VTT);
    await symlink(secret, join(episodes, 'corrections.tsv'));
    const { s } = session();
    const opened = await s.openPaths([join(episodes, 'talk.vtt')]);
    expect(await s.loadCorrections(opened.transcript!.id)).toBeNull();
  });
});

describe('the page API', () => {
  it('cannot send a path: the drop channel is refused by invoke, and only the transport turns files into paths', async () => {
    const sent: unknown[] = [];
    const api = createCuelineApi({
      invoke: async (channel, request) => { sent.push([channel, request]); return { ok: true, value: { transcript: null, audio: null, messages: [] } }; },
      subscribe: () => () => {},
      // Electron's webUtils.getPathForFile throws for anything but a real dropped File.
      pathForFile: (file) => { if (file.name !== 'real-drop.vtt') throw new TypeError('not a File'); return '/drops/real-drop.vtt'; },
    });
    // @ts-expect-error: the channel is not part of the page's API.
    await expect(api.invoke('session:open-dropped', { paths: ['/etc/passwd'] })).rejects.toThrow(/unknown IPC channel session:open-dropped/);
    expect(await api.openDropped([{ name: '/etc/passwd' }])).toMatchObject({ messages: [{ text: 'Nothing to open: drop transcript or audio files.' }] });
    await api.openDropped([{ name: 'real-drop.vtt' }]);
    expect(sent).toEqual([['session:open-dropped', { paths: ['/drops/real-drop.vtt'] }]]);
  });
});
