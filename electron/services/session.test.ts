import { describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MediaRegistry } from './media-registry';
import { PathGuard } from './path-guard';
import { Session, type DialogPort } from './session';

const FIXTURES = join(__dirname, '..', '..', '..', 'shared', 'fixtures');

async function episode(files: string[]) {
  const dir = await mkdtemp(join(tmpdir(), 'cueline-session-'));
  for (const f of files) await copyFile(join(FIXTURES, f), join(dir, f.split('/').pop()!));
  return dir;
}

function session(launchPaths: string[], saveAnswers: (string | null)[] = []) {
  const asked: string[] = [];
  const dialogs: DialogPort = {
    chooseOpen: async () => null,
    chooseSave: async (name) => { asked.push(name); return saveAnswers.shift() ?? null; },
  };
  const s = new Session({ guard: new PathGuard(), media: new MediaRegistry(), dialogs, launchPaths, demoDir: '/nonexistent', mediaBase: 'app://cueline', log: () => {} });
  return { s, asked };
}

describe('Session with a paired TXT+VTT episode', () => {
  it('opens the VTT with its TXT partner and saves a word fix into exactly one line of each', async () => {
    const dir = await episode(['talkpython/515-temporal.vtt', 'talkpython/515-temporal.txt']);
    const vttPath = join(dir, '515-temporal.vtt');
    const txtPath = join(dir, '515-temporal.txt');
    const [vttBefore, txtBefore] = [await readFile(vttPath, 'utf8'), await readFile(txtPath, 'utf8')];
    const { s } = session([vttPath]);
    const opened = await s.opener.initial();
    expect(opened.transcript?.text).toBe(vttBefore);
    expect(opened.messages.map((m) => m.text).join('\n')).toMatch(/Paired 515-temporal\.vtt with 515-temporal\.txt: \d+ TXT entries/);

    // Unchanged save: both files byte for byte.
    expect(await s.writer.save(opened.transcript!.id, vttBefore)).toEqual({ ok: true, name: '515-temporal.vtt', renamed: false });
    expect(await readFile(txtPath, 'utf8')).toBe(txtBefore);

    const edited = vttBefore.replace('framework called Temporal.', 'framework called TEMPORAL.');
    expect(await s.writer.save(opened.transcript!.id, edited)).toEqual({ ok: true, name: '515-temporal.vtt', partnerName: '515-temporal.txt', renamed: false });
    const changedLines = (a: string, b: string) => {
      const [x, y] = [a.split('\n'), b.split('\n')];
      expect(y.length).toBe(x.length);
      return x.map((l, i) => (l === y[i] ? null : [l, y[i]])).filter(Boolean);
    };
    expect(changedLines(vttBefore, await readFile(vttPath, 'utf8'))).toHaveLength(1);
    expect(changedLines(txtBefore, await readFile(txtPath, 'utf8'))).toEqual([
      ["00:00:00 What if your code was crash-proof? That's the value prop for a framework called Temporal.",
        "00:00:00 What if your code was crash-proof? That's the value prop for a framework called TEMPORAL."],
    ]);
  });

  it('exports a paired episode\'s TXT with the pair\'s entry grouping, cleaned or not', async () => {
    const dir = await episode(['talkpython/515-temporal.vtt', 'talkpython/515-temporal.txt']);
    const txtBefore = await readFile(join(dir, '515-temporal.txt'), 'utf8');
    const out = join(dir, 'exported.txt');
    const { s } = session([join(dir, '515-temporal.vtt')], [out, out]);
    const opened = await s.opener.initial();
    // Unedited: the TXT comes back byte for byte (one entry per pair entry, not per cue).
    expect(await s.writer.exportAs(opened.transcript!.id, opened.transcript!.text, { format: 'txt', style: 'talkpython' })).toMatchObject({ ok: true });
    expect(await readFile(out, 'utf8')).toBe(txtBefore);
    // A cleaned text (a word changed in one cue) keeps every entry and changes one line.
    const cleaned = opened.transcript!.text.replace('framework called Temporal.', 'framework called TEMPORAL.');
    expect(await s.writer.exportAs(opened.transcript!.id, cleaned, { format: 'txt', style: 'talkpython' })).toMatchObject({ ok: true });
    const [a, b] = [txtBefore.split('\n'), (await readFile(out, 'utf8')).split('\n')];
    expect(b.length).toBe(a.length);
    expect(a.filter((line, i) => line !== b[i])).toHaveLength(1);
  });

  it('opens the episode when the TXT is the file named', async () => {
    const dir = await episode(['talkpython/518-django-birthday.vtt', 'talkpython/518-django-birthday.txt']);
    const opened = await session([join(dir, '518-django-birthday.txt')]).s.opener.initial();
    expect(opened.transcript?.name).toBe('518-django-birthday.vtt');
    expect(opened.transcript?.text).toBe(await readFile(join(dir, '518-django-birthday.vtt'), 'utf8'));
  });
});

describe('Session with converted input', () => {
  it('opens a web-page TXT as WebVTT, says how it read it, and never overwrites the source', async () => {
    const dir = await episode(['pages/djangochat-dev-environments-otter.txt']);
    const source = join(dir, 'djangochat-dev-environments-otter.txt');
    const target = join(dir, 'otter.vtt');
    const { s, asked } = session([source], [target]);
    const opened = await s.opener.initial();
    expect(opened.transcript?.text.startsWith('WEBVTT')).toBe(true);
    expect(opened.transcript?.text).toContain('<v ');
    expect(opened.messages.map((m) => m.text).join('\n')).toMatch(/Imported djangochat-dev-environments-otter\.txt as WebVTT: speaker-blocks/);
    const before = await readFile(source, 'utf8');
    expect(await s.writer.save(opened.transcript!.id, opened.transcript!.text)).toEqual({ ok: true, name: 'otter.vtt', renamed: true });
    expect(asked).toEqual(['djangochat-dev-environments-otter.vtt']);
    expect(await readFile(source, 'utf8')).toBe(before);
    expect(await readFile(target, 'utf8')).toBe(opened.transcript!.text);
  });

  it('exports an Otter page as speaker paragraphs byte for byte', async () => {
    const dir = await episode(['pages/djangochat-dev-environments-otter.txt']);
    const out = join(dir, 'speakers.txt');
    const { s, asked } = session([join(dir, 'djangochat-dev-environments-otter.txt')], [out]);
    const opened = await s.opener.initial();
    expect(await s.writer.exportAs(opened.transcript!.id, opened.transcript!.text, { format: 'txt', style: 'speakers' })).toMatchObject({ ok: true });
    expect(asked).toEqual(['djangochat-dev-environments-otter-speakers.txt']);
    expect(await readFile(out, 'utf8')).toBe(await readFile(join(FIXTURES, 'pages/djangochat-dev-environments-otter.txt'), 'utf8'));
  });

  it('exports SRT and each TXT style to the chosen file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-export-'));
    const vtt = join(dir, 'talk.vtt');
    await writeFile(vtt, 'WEBVTT\n\n00:00:01.500 --> 00:00:03.000\n<v Ann>Hello there\n\n01:02:03.999 --> 01:02:05.000\nBye\n');
    const { s, asked } = session([vtt], [join(dir, 'talk.srt'), join(dir, 'talk.txt'), null]);
    const opened = await s.opener.initial();
    const id = opened.transcript!.id;
    const text = opened.transcript!.text;
    expect(await s.writer.exportAs(id, text, { format: 'srt' })).toEqual({ ok: true, name: 'talk.srt', renamed: false });
    expect(await readFile(join(dir, 'talk.srt'), 'utf8')).toBe('1\n00:00:01,500 --> 00:00:03,000\n<v Ann>Hello there\n\n2\n01:02:03,999 --> 01:02:05,000\nBye\n\n');
    expect(await s.writer.exportAs(id, text, { format: 'txt', style: 'talkpython' })).toMatchObject({ ok: true });
    expect(await readFile(join(dir, 'talk.txt'), 'utf8')).toMatch(/^00:00:01 .*Hello there\n\n01:02:03 Bye\n\n$/);
    expect(await s.writer.exportAs(id, text, { format: 'txt', style: 'plain' })).toMatchObject({ ok: false, canceled: true });
    expect(asked).toEqual(['talk.srt', 'talk.txt', 'talk-plain.txt']);
  });
});

describe('Session crash-recovery journal', () => {
  it('keeps the journal copy from the whole text once and then from changes only, CRLF kept', async () => {
    const { ChangeSet, Text } = await import('@codemirror/state');
    const { RecoveryJournal, listRecoverable } = await import('./recovery-journal');
    const dir = await mkdtemp(join(tmpdir(), 'cueline-session-journal-'));
    const file = join(dir, 'crlf.vtt');
    const original = 'WEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\nHello there\r\n';
    await writeFile(file, original);
    const journal = new RecoveryJournal(join(dir, 'recovery'), { flushMs: 10 });
    const s = new Session({ guard: new PathGuard(), media: new MediaRegistry(), dialogs: { chooseOpen: async () => null, chooseSave: async () => null }, launchPaths: [file], demoDir: '/nonexistent', mediaBase: 'app://cueline', journal, log: () => {} });
    const id = (await s.opener.initial()).transcript!.id;

    // Changes before any whole text: the window is asked for it.
    const doc = Text.of(original.split('\r\n'));
    const edit = ChangeSet.of({ from: doc.line(4).to, insert: ', world' }, doc.length);
    expect(await s.recovery.record({ id, changes: edit.toJSON() as unknown[] })).toEqual({ ok: false });
    expect(await s.recovery.record({ id, text: original })).toEqual({ ok: true });
    expect(await s.recovery.record({ id, changes: edit.toJSON() as unknown[] })).toEqual({ ok: true });
    // A change that does not fit the copy (wrong length) is refused, and the copy dropped.
    const wrong = ChangeSet.of({ from: 0, insert: 'x' }, doc.length + 99);
    expect(await s.recovery.record({ id, changes: wrong.toJSON() as unknown[] })).toEqual({ ok: false });
    await journal.close();
    const [entry] = (await listRecoverable(join(dir, 'recovery'), { isKnownPath: async (p) => p === file })).documents;
    expect(entry!.text).toBe(original.replace('Hello there', 'Hello there, world'));
  });
});

describe('Session recovery list through the router', () => {
  it('lists entries of files the user opened; a tampered or oddly named entry is reported, never shown or restored', async () => {
    const { RecoveryJournal, journalKey } = await import('./recovery-journal');
    const { RecentFiles } = await import('./recent-files');
    const { IpcRouter } = await import('./ipc-router');
    const dir = await mkdtemp(join(tmpdir(), 'cueline-session-recovery-'));
    const data = join(dir, 'data');
    const file = join(dir, 'talk.vtt');
    await writeFile(file, 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello\n');
    const make = () => {
      const journal = new RecoveryJournal(join(data, 'recovery'), { flushMs: 10 });
      const s = new Session({
        guard: new PathGuard(), media: new MediaRegistry(), dialogs: { chooseOpen: async () => null, chooseSave: async () => null },
        launchPaths: [file], demoDir: '/nonexistent', mediaBase: 'app://cueline', journal, recent: new RecentFiles(data), log: () => {},
      });
      return { s, journal, router: new IpcRouter(s.handlers(), { isTrustedSender: () => true, log: () => {} }) };
    };
    // A first run opens the file and types into it, then crashes.
    const first = make();
    const id = (await first.s.opener.initial()).transcript!.id;
    await first.s.recovery.record({ id, text: 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello, unsaved\n' });
    await first.journal.close();
    // Someone adds entries: one oddly named, one pointing at a file never opened.
    const tampered = journalKey({ path: '/etc/passwd', name: 'passwd' });
    await writeFile(join(data, 'recovery', 'x.journal.json'), JSON.stringify({ version: 1, path: file, name: 'x.vtt', text: 'WEBVTT\n', savedAt: 1 }));
    await writeFile(join(data, 'recovery', `${tampered}.journal.json`), JSON.stringify({ version: 1, path: '/etc/passwd', name: 'passwd', text: 'WEBVTT\n', savedAt: 2 }));

    const second = make();
    const reply = await second.router.handle('recovery:list', {}, 'app://cueline/index.html');
    expect(reply.ok).toBe(true);
    const listed = (reply as { value: { documents: { name: string; key: string; samples: { recovered: string | null }[] }[]; problems: string[] } }).value;
    expect(listed.documents.map((d) => d.name)).toEqual(['talk.vtt']);
    expect(listed.documents[0]!.samples.map((s) => s.recovered)).toContain('Hello, unsaved');
    expect(listed.problems.sort()).toEqual([
      `${tampered}.journal.json: points at a file never opened in Cueline; not offered, kept`,
      'x.journal.json: not named as a recovery entry (24 hex digits); left alone',
    ]);
    expect(JSON.stringify(listed)).not.toContain('root:');
    const restored = await second.router.handle('recovery:restore', { key: tampered }, 'app://cueline/index.html');
    expect(restored).toEqual({ ok: true, value: { transcript: null, audio: null, messages: [{ level: 'error', text: 'That recovery entry no longer exists.' }] } });
  });
});

describe('Session recovery after Save As', () => {
  it('offers the unsaved changes of a converted file saved under a new name (the new file counts as opened)', async () => {
    const { RecoveryJournal } = await import('./recovery-journal');
    const { RecentFiles } = await import('./recent-files');
    const dir = await episode(['pages/djangochat-dev-environments-otter.txt']);
    const data = join(dir, 'data');
    const target = join(dir, 'otter.vtt');
    const make = () => {
      const journal = new RecoveryJournal(join(data, 'recovery'), { flushMs: 10 });
      const s = new Session({
        guard: new PathGuard(), media: new MediaRegistry(), dialogs: { chooseOpen: async () => null, chooseSave: async () => target },
        launchPaths: [join(dir, 'djangochat-dev-environments-otter.txt')], demoDir: '/nonexistent', mediaBase: 'app://cueline', journal, recent: new RecentFiles(data), log: () => {},
      });
      return { s, journal };
    };
    const first = make();
    const opened = (await first.s.opener.initial()).transcript!;
    expect(await first.s.writer.save(opened.id, opened.text)).toEqual({ ok: true, name: 'otter.vtt', renamed: true });
    await first.s.recovery.record({ id: opened.id, text: `${opened.text}\nNOTE typed after Save As\n` });
    await first.journal.close();
    const listed = await make().s.recovery.list();
    expect(listed.problems).toEqual([]);
    expect(listed.documents.map((d) => d.name)).toEqual(['otter.vtt']);
  });
});

describe('Session alignment channels', () => {
  it('routes align:* to the alignment handlers, which name audio by media token only', async () => {
    const { IpcRouter } = await import('./ipc-router');
    const { s } = session([]);
    const router = new IpcRouter(s.handlers(), { isTrustedSender: () => true, log: () => {} });
    const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello\n';
    expect(await router.handle('align:start', { id: 'doc-1', media: '0'.repeat(32), text }, 'app://cueline/index.html'))
      .toEqual({ ok: false, error: 'the audio is no longer open; open it again to align' });
    expect(await router.handle('align:start', { id: 'doc-1', media: '/etc/passwd', text }, 'app://cueline/index.html'))
      .toMatchObject({ ok: false, error: expect.stringContaining('invalid payload at media') });
    s.dispose();
  });
});
