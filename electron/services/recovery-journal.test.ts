import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalKey, listRecoverable, RecoveryJournal } from './recovery-journal';

let dir: string;
/** The entries' files count as opened by the user (the recent-files history says so in the app). */
const anyPath = { isKnownPath: async () => true };
const untitled = (name: string) => journalKey({ path: null, name }, 'run');
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'cueline-journal-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('RecoveryJournal', () => {
  it('keeps the latest text per document until it is saved or discarded, and lists it with the disk text', async () => {
    const jdir = join(dir, 'plain');
    const file = join(dir, 'talk.vtt');
    await writeFile(file, 'WEBVTT\n\ndisk\n');
    const journal = new RecoveryJournal(jdir, { flushMs: 20 });
    const meta = { path: file, name: 'talk.vtt' };
    const key = journalKey(meta);
    journal.record(key, meta, 'WEBVTT\n\nfirst\n');
    journal.record(key, meta, 'WEBVTT\n\nsecond\n');
    journal.record(untitled('notes.vtt'), { path: null, name: 'notes.vtt' }, 'WEBVTT\n');
    await new Promise((r) => setTimeout(r, 100));
    const listed = await listRecoverable(jdir, anyPath);
    expect(listed.problems).toEqual([]);
    const doc = listed.documents.find((d) => d.key === key)!;
    expect(doc).toMatchObject({ path: file, name: 'talk.vtt', text: 'WEBVTT\n\nsecond\n', diskText: 'WEBVTT\n\ndisk\n' });
    expect(listed.documents.find((d) => d.key === untitled('notes.vtt'))).toMatchObject({ path: null, diskText: null });
    await journal.forget(key);
    expect((await listRecoverable(jdir, anyPath)).documents.map((d) => d.key)).toEqual([untitled('notes.vtt')]);
    await journal.close();
  });

  it('reports a damaged entry and keeps it', async () => {
    const jdir = join(dir, 'damaged');
    const journal = new RecoveryJournal(jdir, { flushMs: 10 });
    journal.record(untitled('a.vtt'), { path: null, name: 'a.vtt' }, 'WEBVTT\n');
    await journal.close();
    const bad = `${'b'.repeat(24)}.journal.json`;
    await writeFile(join(jdir, bad), '{"version":1,"text":');
    const listed = await listRecoverable(jdir, anyPath);
    expect(listed.documents.map((d) => d.key)).toEqual([untitled('a.vtt')]);
    expect(listed.problems[0]).toMatch(/b{24}\.journal\.json: unreadable recovery entry, kept/);
    expect(await readdir(jdir)).toContain(bad);
  });

  it('reports an entry of the wrong shape (valid JSON) and keeps it', async () => {
    const jdir = join(dir, 'shape');
    await mkdir(jdir, { recursive: true });
    await writeFile(join(jdir, `${'c'.repeat(24)}.journal.json`), JSON.stringify({ version: 1, name: 'a.vtt', text: 'WEBVTT\n', path: 42, savedAt: 'yesterday' }));
    const listed = await listRecoverable(jdir, anyPath);
    expect(listed.documents).toEqual([]);
    expect(listed.problems).toHaveLength(1);
    expect(listed.problems[0]).toMatch(/c{24}\.journal\.json: unreadable recovery entry, kept \(not a journal entry\)/);
  });

  it('reports an oddly named entry, a FIFO and an entry pointing at a file never opened, and still lists the rest', async () => {
    const jdir = join(dir, 'hostile');
    const journal = new RecoveryJournal(jdir, { flushMs: 10 });
    const file = join(dir, 'opened.vtt');
    await writeFile(file, 'WEBVTT\n\ndisk\n');
    const meta = { path: file, name: 'opened.vtt' };
    journal.record(journalKey(meta), meta, 'WEBVTT\n\nunsaved\n');
    await journal.close();
    const entry = (path: string) => JSON.stringify({ version: 1, name: 'x.vtt', text: 'WEBVTT\n', path, savedAt: 1 });
    await writeFile(join(jdir, 'x.journal.json'), entry(file));
    await writeFile(join(jdir, `${'d'.repeat(24)}.journal.json`), entry('/etc/passwd'));
    execFileSync('mkfifo', [join(jdir, `${'e'.repeat(24)}.journal.json`)]);
    const listed = await listRecoverable(jdir, { isKnownPath: async (p) => p === file });
    expect(listed.documents.map((d) => [d.name, d.text, d.diskText])).toEqual([['opened.vtt', 'WEBVTT\n\nunsaved\n', 'WEBVTT\n\ndisk\n']]);
    expect(listed.problems).toEqual([
      `${join(jdir, 'd'.repeat(24))}.journal.json: points at a file never opened in Cueline; not offered, kept`,
      `${join(jdir, 'e'.repeat(24))}.journal.json: unreadable recovery entry, kept (is not a regular file (a FIFO, socket or device); refused.)`,
      `${join(jdir, 'x.journal.json')}: not named as a recovery entry (24 hex digits); left alone`,
    ]);
    // Nothing of /etc/passwd was read into the list.
    expect(JSON.stringify(listed)).not.toContain('root:');
    expect((await readdir(jdir)).sort()).toHaveLength(4);
  });

  it('keeps journaling after its folder could not be made, once it can be', async () => {
    const blocker = join(dir, 'blocker');
    await writeFile(blocker, 'a file where the folder should be');
    const jdir = join(blocker, 'recovery');
    const logs: string[] = [];
    const journal = new RecoveryJournal(jdir, { flushMs: 10, log: (m) => logs.push(m) });
    journal.record(untitled('a.vtt'), { path: null, name: 'a.vtt' }, 'WEBVTT\n\nlost\n');
    await journal.flush();
    expect(logs[0]).toMatch(/cannot create .*recovery.*1 unsaved document\(s\) not journaled/);
    await journal.forget(untitled('a.vtt'));
    // The folder becomes possible (the file in the way is gone): later snapshots land.
    await rm(blocker);
    journal.record(untitled('a.vtt'), { path: null, name: 'a.vtt' }, 'WEBVTT\n\nkept\n');
    await journal.close();
    expect((await listRecoverable(jdir, anyPath)).documents.map((d) => d.text)).toEqual(['WEBVTT\n\nkept\n']);
  });

  it('after a SIGKILL, recovers every edit made more than 1 s before the kill', async () => {
    const child = join(dir, 'journal-writer.mjs');
    await build({ entryPoints: [join(import.meta.dirname, 'testing/journal-writer.ts')], bundle: true, platform: 'node', format: 'esm', outfile: child, logLevel: 'silent' });
    const jdir = join(dir, 'killed');
    const path = join(dir, 'episode.vtt');
    const edits: { n: number; at: number }[] = [];
    const killedAt = await new Promise<number>((resolve, reject) => {
      const proc = spawn(process.execPath, [child, jdir, path, '40'], { stdio: ['ignore', 'pipe', 'inherit'] });
      let buffer = '';
      proc.stdout.on('data', (d) => {
        buffer += String(d);
        for (let nl = buffer.indexOf('\n'); nl !== -1; nl = buffer.indexOf('\n')) {
          const [, n, at] = buffer.slice(0, nl).split(' ');
          edits.push({ n: Number(n), at: Number(at) });
          buffer = buffer.slice(nl + 1);
        }
      });
      setTimeout(() => { const t = Date.now(); proc.kill('SIGKILL'); resolve(t); }, 3000 + Math.random() * 500);
      proc.on('error', reject);
    });
    await new Promise((r) => setTimeout(r, 100));
    const { documents } = await listRecoverable(jdir, anyPath);
    expect(documents).toHaveLength(1);
    const old = edits.filter((e) => e.at < killedAt - 1000);
    expect(old.length).toBeGreaterThan(30);
    for (const e of old) expect(documents[0]!.text).toContain(`edit ${e.n}\n`);
    const recovered = documents[0]!.text.match(/edit \d+/g)!.length;
    console.info(`journal kill test: ${edits.length} edits typed, ${recovered} recovered, ${old.length} older than 1 s all present`);
  }, 20_000);
});
