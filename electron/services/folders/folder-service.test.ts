/**
 * The episodes folder on real temp dirs: listing (pairs grouped, a link out of the
 * folder and a FIFO left out and named), search, a replace preview applied with one
 * match unticked (exactly those lines change, in both files of the pair), and git status.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FolderJobStatus } from '../../../shared/ipc/folder-contract';
import { DocumentStore } from '../document-store';
import { FolderService } from './folder-service';

const TALKPYTHON = join(import.meta.dirname, '../../../../shared/fixtures/talkpython');

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cueline-folder-'));
  for (const name of ['515-temporal.vtt', '515-temporal.txt', '518-django-birthday.vtt', '518-django-birthday.txt']) await copyFile(join(TALKPYTHON, name), join(dir, name));
  return dir;
}

function service(root: string | null, opened: string[][] = []) {
  const store = new DocumentStore(() => () => {}, () => {});
  return new FolderService({
    store,
    chooseFolder: async () => root,
    openPaths: async (paths) => { opened.push(paths); return { transcript: null, audio: null, messages: [] }; },
    qaSettings: async () => ({ profile: 'auto', qa: {} }),
    log: () => {},
  });
}

async function finished(folders: FolderService, job: string): Promise<Extract<FolderJobStatus, { status: 'done' }>> {
  for (;;) {
    const status = await folders.jobs.status(job);
    if (status.status === 'done') return status;
    if (status.status !== 'running') throw new Error(`job ended ${status.status}`);
  }
}

/** Line numbers (1-based) where two texts differ, for texts with the same line count. */
function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i + 1]));
}

describe('episodes folder', () => {
  it('lists episodes with their pairs grouped, and leaves out links out of the folder and FIFOs, naming them', async () => {
    const dir = await folder();
    await writeFile(join(dir, '518-django-birthday.wav'), Buffer.alloc(0));
    const outside = await mkdtemp(join(tmpdir(), 'cueline-outside-'));
    await writeFile(join(outside, 'secret.vtt'), 'WEBVTT\n\n00:00.000 --> 00:01.000\nsecret\n');
    await symlink(join(outside, 'secret.vtt'), join(dir, '600-linked.vtt'));
    execFileSync('mkfifo', [join(dir, '601-pipe.vtt')]);
    await mkdir(join(dir, 'season-2'));
    await copyFile(join(TALKPYTHON, '515-temporal.vtt'), join(dir, 'season-2', '700-again.vtt'));

    const listing = await service(dir).openDialog();
    expect(listing!.git).toBeNull();
    expect(listing!.episodes.map((e) => [e.name, e.files.map((f) => f.kind)])).toEqual([
      ['515-temporal', ['vtt', 'txt']],
      ['518-django-birthday', ['vtt', 'txt', 'audio']],
      ['season-2/700-again', ['vtt']],
    ]);
    expect(listing!.refused.sort()).toEqual([
      '600-linked.vtt: is a link to a file outside the folder; left out.',
      '601-pipe.vtt: is not a regular file (a FIFO, socket or device); left out.',
    ]);
  });

  it('searches every transcript file with cue times and context, whole word and case as asked', async () => {
    const dir = await folder();
    const folders = service(dir);
    await folders.openDialog();
    const whole = await finished(folders, folders.startSearch({ text: 'temporal', regex: false, wholeWord: true, caseSensitive: false }));
    const names = whole.search!.files.map((f) => f.name).sort();
    expect(names).toEqual(['515-temporal.txt', '515-temporal.vtt']);
    const vtt = whole.search!.files.find((f) => f.name === '515-temporal.vtt')!;
    const cueText = (await readFile(join(dir, '515-temporal.vtt'), 'utf8')).split('\n').filter((l) => !l.includes('-->')).join('\n');
    expect(vtt.matches.length).toBe(cueText.match(/\btemporal\b/gi)!.length);
    const first = vtt.matches[0]!;
    expect(first.context.slice(first.contextFrom, first.contextTo).toLowerCase()).toBe('temporal');
    expect(first.time).toBeTypeOf('number');
    const cased = await finished(folders, folders.startSearch({ text: 'temporal', regex: false, wholeWord: true, caseSensitive: true }));
    expect(cased.search!.files.find((f) => f.name === '515-temporal.vtt')!.matches.length).toBe(cueText.match(/\btemporal\b/g)!.length);
    expect(cueText.match(/\btemporal\b/g)!.length).toBeLessThan(vtt.matches.length);
    // A timing line never matches, whatever the query.
    const timing = await finished(folders, folders.startSearch({ text: '-->', regex: false, wholeWord: false, caseSensitive: true }));
    expect(timing.search!.files).toEqual([]);
    expect(timing.search!.filesSearched).toBe(4);
  });

  it('applies a replace preview with one match unticked: exactly the previewed lines change, in both files of the pair', async () => {
    const dir = await folder();
    const folders = service(dir);
    const listing = await folders.openDialog();
    const before = {
      vtt: await readFile(join(dir, '515-temporal.vtt'), 'utf8'),
      txt: await readFile(join(dir, '515-temporal.txt'), 'utf8'),
      other: await readFile(join(dir, '518-django-birthday.vtt'), 'utf8'),
    };
    const job = folders.startSearch({ text: 'Temporal', replace: 'Temporal.io', regex: false, wholeWord: true, caseSensitive: true });
    const preview = (await finished(folders, job)).search!;
    const vtt = preview.files.find((f) => f.name === '515-temporal.vtt')!;
    const txt = preview.files.find((f) => f.name === '515-temporal.txt')!;
    expect(vtt.matches[0]!.replaced).toContain('Temporal.io');
    const untick = vtt.matches[1]!;
    const result = await folders.apply(job, [{ file: vtt.file, index: 1 }]);
    expect(result.written.sort()).toEqual(['515-temporal.txt', '515-temporal.vtt']);
    expect(result.replacements).toBe(vtt.matches.length - 1 + txt.matches.length);

    const after = { vtt: await readFile(join(dir, '515-temporal.vtt'), 'utf8'), txt: await readFile(join(dir, '515-temporal.txt'), 'utf8') };
    const vttLines = [...new Set(vtt.matches.filter((_, i) => i !== 1).map((m) => m.line))];
    expect(changedLines(before.vtt, after.vtt)).toEqual(vttLines);
    expect(changedLines(before.txt, after.txt)).toEqual([...new Set(txt.matches.map((m) => m.line))]);
    // The unticked match is still there, word for word; nothing else of the line moved.
    expect(after.vtt.split('\n')[untick.line - 1]).toContain(untick.context.slice(0, untick.contextTo));
    // Only the term changed: no space eaten around it.
    expect(after.vtt.replaceAll('Temporal.io', 'Temporal')).toBe(before.vtt);
    expect(after.txt.replaceAll('Temporal.io', 'Temporal')).toBe(before.txt);
    expect(await readFile(join(dir, '518-django-birthday.vtt'), 'utf8')).toBe(before.other);
    expect(listing!.episodes).toHaveLength(2);

    // Applying the same preview again finds the files changed since it: nothing is written twice.
    const again = await folders.apply(job, []);
    expect(again.written).toEqual([]);
    expect(again.skipped.every((s) => s.includes('changed on disk since the preview'))).toBe(true);
  });

  it('refuses a query the engine cannot run, with the column', async () => {
    const folders = service(await folder());
    await folders.openDialog();
    expect(() => folders.startSearch({ text: '(a', regex: true, wholeWord: true, caseSensitive: true })).toThrow(/search, column \d+: invalid regular expression/);
    expect(() => folders.startSearch({ text: 'rough', replace: '<b>ruff', regex: false, wholeWord: true, caseSensitive: true })).toThrow(/replacement, column 1: the replacement would write markup/);
  });

  it('shows git status (modified, untracked) in a git work tree', async () => {
    const dir = await folder();
    const run = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    run('init', '-q', '-b', 'main');
    run('add', '.');
    run('commit', '-q', '-m', 'episodes');
    await writeFile(join(dir, '515-temporal.txt'), (await readFile(join(dir, '515-temporal.txt'), 'utf8')).replace('Temporal', 'Temporal.io'));
    await copyFile(join(TALKPYTHON, '515-temporal.vtt'), join(dir, '999-new.vtt'));
    const listing = (await service(dir).openDialog())!;
    expect(listing.git).toEqual({ branch: 'main' });
    const status = Object.fromEntries(listing.episodes.flatMap((e) => e.files.map((f) => [f.name, f.git])));
    expect(status).toEqual({ '515-temporal.vtt': null, '515-temporal.txt': 'modified', '518-django-birthday.vtt': null, '518-django-birthday.txt': null, '999-new.vtt': 'untracked' });
  });

  it('counts cues and problems and reads the duration from the audio header, as a job', async () => {
    const dir = await folder();
    await copyFile(join(TALKPYTHON, '../audio/515-temporal-first120s.mp3'), join(dir, '515-temporal.mp3'));
    const folders = service(dir);
    const listing = (await folders.openDialog())!;
    const { stats } = await finished(folders, folders.startStats());
    const by = new Map(stats!.map((s) => [listing.episodes.find((e) => e.id === s.episode)!.name, s]));
    const cues515 = (await readFile(join(dir, '515-temporal.vtt'), 'utf8')).split('\n').filter((l) => l.includes(' --> ')).length;
    expect(by.get('515-temporal')!.cues).toBe(cues515);
    expect(by.get('515-temporal')!.duration).toBeGreaterThan(119);
    expect(by.get('515-temporal')!.duration).toBeLessThan(122);
    expect(by.get('518-django-birthday')!.duration).toBeNull();
    expect(by.get('518-django-birthday')!.problems).toBeTypeOf('number');
  });

  it('previews a corrections list over the folder with per-rule matches and near-misses, saves corrections.tsv, refuses a bad rule at its line and column', async () => {
    const dir = await folder();
    const vtt = join(dir, '518-django-birthday.vtt');
    const original = await readFile(vtt, 'utf8');
    await writeFile(vtt, original.replace('Django', 'django').replace('Django', 'Django'));
    const folders = service(dir);
    await folders.openDialog();
    expect(await folders.readCorrections()).toBeNull();
    await expect(folders.startCorrections('Django\tDjango Framework\tbogus\n')).rejects.toThrow("corrections.tsv:1:25: error: unknown option 'bogus'");
    const rules = 'Temporal\tTemporal.io\nDjango\tDjango!\n';
    const { search } = await finished(folders, await folders.startCorrections(rules));
    const byName = new Map(search!.files.map((f) => [f.name, f]));
    expect(new Set(byName.get('515-temporal.vtt')!.matches.map((m) => m.rule))).toEqual(new Set([1, 2]));
    expect(byName.get('518-django-birthday.vtt')!.matches.every((m) => m.rule === 2)).toBe(true);
    const lower = (text: string) => text.split('\n').filter((l) => !l.includes('-->')).join('\n').match(/(?<![\p{L}\p{N}_])django(?![\p{L}\p{N}_])/gu)?.length ?? 0;
    const misses = byName.get('518-django-birthday.vtt')!.nearMisses;
    expect(misses.length).toBe(lower(original) + 1);
    expect(misses.every((m) => m.rule === 2 && m.found === 'django' && m.why === 'case')).toBe(true);
    expect(byName.get('518-django-birthday.txt')!.nearMisses.length).toBe(lower(await readFile(join(dir, '518-django-birthday.txt'), 'utf8')));

    expect(await folders.saveCorrections(rules)).toEqual({ name: 'corrections.tsv' });
    expect(await readFile(join(dir, 'corrections.tsv'), 'utf8')).toBe(rules);
    expect(await folders.readCorrections()).toEqual({ name: 'corrections.tsv', text: rules });
  });

  it('never reads or writes a corrections.tsv that links out of the folder', async () => {
    const dir = await folder();
    const outside = await mkdtemp(join(tmpdir(), 'cueline-outside-'));
    await writeFile(join(outside, 'corrections.tsv'), 'a\tb\n');
    await symlink(join(outside, 'corrections.tsv'), join(dir, 'corrections.tsv'));
    const folders = service(dir);
    await folders.openDialog();
    expect(await folders.readCorrections()).toBeNull();
    await expect(folders.saveCorrections('x\ty\n')).rejects.toThrow('outside its folder');
    expect(await readFile(join(outside, 'corrections.tsv'), 'utf8')).toBe('a\tb\n');
  });

  it('opens an episode by id through the opener (the VTT of a pair), and cancels a job', async () => {
    const dir = await folder();
    const opened: string[][] = [];
    const folders = service(dir, opened);
    const listing = (await folders.openDialog())!;
    await folders.openEpisode(listing.episodes[1]!.id);
    expect(opened).toEqual([[join(dir, '518-django-birthday.vtt')]]);
    await expect(folders.openEpisode('ep-9999')).rejects.toThrow('No episode ep-9999');
    const job = folders.startSearch({ text: 'the', regex: false, wholeWord: true, caseSensitive: false });
    folders.jobs.cancel(job);
    expect((await folders.jobs.status(job)).status).toBe('canceled');
  });

  it("opens the folder's corrections.tsv through the opener, or says there is none yet", async () => {
    const dir = await folder();
    const opened: string[][] = [];
    const folders = service(dir, opened);
    await folders.openDialog();
    expect((await folders.openCorrections()).messages).toEqual([{ level: 'error', text: 'There is no corrections.tsv in the folder yet: save one from the Corrections tab first.' }]);
    await folders.saveCorrections('Postgres\tPostgreSQL\n');
    await folders.openCorrections();
    expect(opened).toEqual([[join(dir, 'corrections.tsv')]]);
  });
});
