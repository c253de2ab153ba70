import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIO } from '../io';
import { main } from '../main';

const TALKPYTHON = join(import.meta.dirname, '../../../../shared/fixtures/talkpython');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cueline-fix-'));
  await mkdir(join(dir, 'episodes'));
  for (const name of ['515-temporal.vtt', '515-temporal.txt', '518-django-birthday.vtt', '518-django-birthday.txt']) {
    await copyFile(join(TALKPYTHON, name), join(dir, 'episodes', name));
  }
});
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

async function cli(...args: string[]) {
  const io = captureIO(dir);
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

describe('cli fix', () => {
  it('fixes a term in both members of each pair, changing exactly those lines, and keeps CRLF files CRLF', async () => {
    await writeFile(join(dir, 'corrections.tsv'), '# the tool, not the texture\nTemporal\tTemporal.io\n');
    const before = await readFile(join(dir, 'episodes/515-temporal.txt'), 'utf8');
    // A CRLF copy of the 518 TXT: line endings must survive.
    const crlf = (await readFile(join(TALKPYTHON, '518-django-birthday.txt'), 'utf8')).replace(/\n/g, '\r\n');
    await writeFile(join(dir, 'episodes/518-django-birthday.txt'), crlf);
    const r = await cli('fix', '--rules', 'corrections.tsv', 'episodes');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/episodes\/515-temporal\.txt: \d+ replacements \(Temporal x\d+\) \[pair: 515-temporal\.vtt\]/);
    const after = await readFile(join(dir, 'episodes/515-temporal.txt'), 'utf8');
    const a = before.split('\n');
    const b = after.split('\n');
    expect(b.length).toBe(a.length);
    const changed = a.flatMap((l, i) => (l === b[i] ? [] : [i]));
    expect(changed).toEqual(a.flatMap((l, i) => (/\bTemporal\b/.test(l.slice(9)) ? [i] : [])));
    for (const i of changed) expect(b[i]).toBe(a[i]!.slice(0, 9) + a[i]!.slice(9).replace(/\bTemporal\b/g, 'Temporal.io'));
    const vtt = await readFile(join(dir, 'episodes/515-temporal.vtt'), 'utf8');
    expect(vtt.match(/Temporal\.io/g)!.length).toBe(after.match(/Temporal\.io/g)!.length);
    expect(await readFile(join(dir, 'episodes/518-django-birthday.txt'), 'utf8')).not.toMatch(/[^\r]\n/);
  });

  it('leaves files the rules do not match byte-identical, with their mtime', async () => {
    await writeFile(join(dir, 'corrections.tsv'), 'Matt McKay\tMatt Makai\nLangchain\tLangChain\n');
    const files = ['515-temporal.vtt', '515-temporal.txt', '518-django-birthday.vtt', '518-django-birthday.txt'].map((f) => join(dir, 'episodes', f));
    const before = await Promise.all(files.map(async (f) => ({ bytes: await readFile(f), mtime: (await stat(f)).mtimeMs })));
    const r = await cli('fix', '--rules', 'corrections.tsv', 'episodes');
    expect(r.code).toBe(0);
    expect(r.out).toContain('0 replacements in 0 of 4 files');
    for (const [i, f] of files.entries()) {
      expect((await readFile(f)).equals(before[i]!.bytes)).toBe(true);
      expect((await stat(f)).mtimeMs).toBe(before[i]!.mtime);
    }
  });

  it('--dry-run prints a unified diff and near-misses, and writes nothing', async () => {
    const path = join(dir, 'episodes/518-django-birthday.vtt');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('ChatGPT was telling', 'chatGPT was telling').replace('the ChatGPT gods', 'the chat GPT gods'));
    const seeded = await readFile(path);
    await writeFile(join(dir, 'corrections.tsv'), 'chatGPT\tChatGPT\n');
    const r = await cli('fix', '--rules', 'corrections.tsv', '--dry-run', 'episodes/518-django-birthday.vtt');
    expect(r.code).toBe(0);
    expect(r.out).toContain('--- a/episodes/518-django-birthday.vtt');
    expect(r.out).toMatch(/^-.*chatGPT was telling/m);
    expect(r.out).toMatch(/^\+.*ChatGPT was telling/m);
    expect(r.out).toMatch(/518-django-birthday\.vtt:\d+:\d+: near-miss: "chat GPT" differs from rule "chatGPT" \(line 1\) in spacing/);
    expect(r.out).toContain('(dry run: nothing written)');
    expect((await readFile(path)).equals(seeded)).toBe(true);
  });

  it('names the line of a bad rule and exits 1; usage mistakes exit 2', async () => {
    await writeFile(join(dir, 'corrections.tsv'), 'ok\tfine\nbroken(\tx\tre\n');
    const r = await cli('fix', '--rules', 'corrections.tsv', 'episodes');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^corrections\.tsv:2:1: error: invalid regular expression/m);
    expect((await cli('fix', 'episodes')).code).toBe(2);
    expect((await cli('fix', '--rules', 'corrections.tsv', '--bogus', 'x')).code).toBe(2);
  });
});

describe('cli clean', () => {
  it('cleans cue text of a VTT, keeping every timing line, to a file', async () => {
    const path = join(dir, 'in.vtt');
    await writeFile(path, 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nUh, so the, the plan\n\n00:00:02.000 --> 00:00:03.000\num\n');
    const r = await cli('clean', 'in.vtt', '--fillers', '--stutters', '--remove-empty', '-o', 'out.vtt');
    expect(r.code).toBe(0);
    expect(r.err).toContain('in.vtt: 3 changes');
    expect(await readFile(join(dir, 'out.vtt'), 'utf8')).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nSo the plan\n');
  });

  it('drops page chrome from a TXT and prints to stdout', async () => {
    await copyFile(join(TALKPYTHON, '../pages/talkpython-451-djangonauts-mmss.txt'), join(dir, 'page.txt'));
    const r = await cli('clean', 'page.txt', '--chrome');
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('Monitor performance issues');
    expect(r.out).not.toContain('Back to show page');
    expect(r.out).toContain('00:00 Are you interested in contributing to Django?');
  });
});
