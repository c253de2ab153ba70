import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalKey, listRecoverable, RecoveryJournal } from './recovery-journal';

let dir: string;
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
    journal.record('untitled', { path: null, name: 'notes.vtt' }, 'WEBVTT\n');
    await new Promise((r) => setTimeout(r, 100));
    const listed = await listRecoverable(jdir);
    expect(listed.problems).toEqual([]);
    const doc = listed.documents.find((d) => d.key === key)!;
    expect(doc).toMatchObject({ path: file, name: 'talk.vtt', text: 'WEBVTT\n\nsecond\n', diskText: 'WEBVTT\n\ndisk\n' });
    expect(listed.documents.find((d) => d.key === 'untitled')).toMatchObject({ path: null, diskText: null });
    await journal.forget(key);
    expect((await listRecoverable(jdir)).documents.map((d) => d.key)).toEqual(['untitled']);
    await journal.close();
  });

  it('reports a damaged entry and keeps it', async () => {
    const jdir = join(dir, 'damaged');
    const journal = new RecoveryJournal(jdir, { flushMs: 10 });
    journal.record('good', { path: null, name: 'a.vtt' }, 'WEBVTT\n');
    await journal.close();
    await writeFile(join(jdir, 'bad.journal.json'), '{"version":1,"text":');
    const listed = await listRecoverable(jdir);
    expect(listed.documents.map((d) => d.key)).toEqual(['good']);
    expect(listed.problems[0]).toMatch(/bad\.journal\.json: unreadable recovery entry, kept/);
    expect(await readdir(jdir)).toContain('bad.journal.json');
  });

  it('reports an entry of the wrong shape (valid JSON) and keeps it', async () => {
    const jdir = join(dir, 'shape');
    await mkdir(jdir, { recursive: true });
    await writeFile(join(jdir, 'odd.journal.json'), JSON.stringify({ version: 1, name: 'a.vtt', text: 'WEBVTT\n', path: 42, savedAt: 'yesterday' }));
    const listed = await listRecoverable(jdir);
    expect(listed.documents).toEqual([]);
    expect(listed.problems).toHaveLength(1);
    expect(listed.problems[0]).toMatch(/odd\.journal\.json: unreadable recovery entry, kept \(not a journal entry\)/);
  });

  it('keeps journaling after its folder could not be made, once it can be', async () => {
    const blocker = join(dir, 'blocker');
    await writeFile(blocker, 'a file where the folder should be');
    const jdir = join(blocker, 'recovery');
    const logs: string[] = [];
    const journal = new RecoveryJournal(jdir, { flushMs: 10, log: (m) => logs.push(m) });
    journal.record('k', { path: null, name: 'a.vtt' }, 'WEBVTT\n\nlost\n');
    await journal.flush();
    expect(logs[0]).toMatch(/cannot create .*recovery.*1 unsaved document\(s\) not journaled/);
    await journal.forget('k');
    // The folder becomes possible (the file in the way is gone): later snapshots land.
    await rm(blocker);
    journal.record('k', { path: null, name: 'a.vtt' }, 'WEBVTT\n\nkept\n');
    await journal.close();
    expect((await listRecoverable(jdir)).documents.map((d) => d.text)).toEqual(['WEBVTT\n\nkept\n']);
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
    const { documents } = await listRecoverable(jdir);
    expect(documents).toHaveLength(1);
    const old = edits.filter((e) => e.at < killedAt - 1000);
    expect(old.length).toBeGreaterThan(30);
    for (const e of old) expect(documents[0]!.text).toContain(`edit ${e.n}\n`);
    const recovered = documents[0]!.text.match(/edit \d+/g)!.length;
    console.info(`journal kill test: ${edits.length} edits typed, ${recovered} recovered, ${old.length} older than 1 s all present`);
  }, 20_000);
});
