/**
 * File ▸ Open Folder at the size of a real podcast repository: 500 episodes (1,000
 * transcript files, ~100 MB) made by copying the talkpython pairs (515, 518) and
 * perturbing each copy (its own number in the text, the misheard terms the maintainer
 * fixed put back in some episodes), through the app's FolderService (what the IPC
 * handlers call). Figures, each with a baseline of the same run:
 * - listing the folder (pairs grouped, git status asked for) vs a bare readdir;
 * - searching a word in all of it vs reading every file as File ▸ Open does (what the
 *   search did before its own reader): the first search, and the same search again
 *   (the reader then knows each file's encoding);
 * - previewing a 6-rule corrections.tsv over all of it vs reading every file;
 * with the process's RSS before, at its peak during each, and after.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentStore } from '../electron/services/document-store';
import { FolderService } from '../electron/services/folders/folder-service';
import { readTranscriptFile } from '../electron/services/transcript-file';
import type { FolderJobStatus } from '../shared/ipc/folder-contract';
import type { Benchmark, BenchResult } from './report';

const TALKPYTHON = join(import.meta.dirname, '../../shared/fixtures/talkpython');
const EPISODES = 500;
const RULES = [
  'Matt McKay\tMatt Makai',
  'Langchain\tLangChain',
  'Cloud Code\tClaude Code',
  'chatGPT\tChatGPT',
  'rough\truff\tbefore=install|run|uvx',
  'the, the\tthe',
].join('\n') + '\n';

/** Episode `i`'s text: its own number, and in some episodes the mistakes the rules fix. */
function perturb(text: string, i: number): string {
  let out = text.replaceAll('Talk Python', `Talk Python ${i}`);
  if (i % 3 === 0) out = out.replaceAll('Michael Kennedy', 'Matt McKay');
  if (i % 4 === 0) out = out.replaceAll('ChatGPT', 'chatGPT');
  if (i % 5 === 0) out = out.replaceAll('pip install', 'pip install rough and');
  if (i % 7 === 0) out = out.replaceAll('LangChain', 'Langchain');
  return out;
}

async function makeFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cueline-bench-folders-'));
  const pairs = await Promise.all(['515-temporal', '518-django-birthday'].map(async (stem) => ({
    stem,
    vtt: await readFile(join(TALKPYTHON, `${stem}.vtt`), 'utf8'),
    txt: await readFile(join(TALKPYTHON, `${stem}.txt`), 'utf8'),
  })));
  for (let i = 0; i < EPISODES; i++) {
    const pair = pairs[i % 2]!;
    const stem = `${String(i + 1).padStart(3, '0')}-${pair.stem.replace(/^\d+-/, '')}`;
    await Promise.all([writeFile(join(dir, `${stem}.vtt`), perturb(pair.vtt, i)), writeFile(join(dir, `${stem}.txt`), perturb(pair.txt, i))]);
  }
  await writeFile(join(dir, 'corrections.tsv'), RULES);
  return dir;
}

/**
 * Wall time, this process's CPU time (on a machine others load, wall time waits for a
 * core; CPU time is the work itself) and peak RSS while `work` runs (sampled every 10 ms:
 * the folder jobs yield between files).
 */
async function measured<T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number; peakMb: number; value: T }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 10);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await work();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, peakMb: peak / 1048576, value };
}

async function finished(folders: FolderService, job: string): Promise<Extract<FolderJobStatus, { status: 'done' }>> {
  for (;;) {
    const status = await folders.jobs.status(job);
    if (status.status === 'done') return status;
    if (status.status !== 'running') throw new Error(`folder job ${status.status}`);
  }
}

async function readAll(dir: string): Promise<{ ms: number; cpuMs: number }> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.vtt') || n.endsWith('.txt'));
  const { ms, cpuMs } = await measured(async () => { for (const name of names) await readTranscriptFile(join(dir, name)); });
  return { ms, cpuMs };
}

export const foldersBenchmark: Benchmark = {
  name: 'folders',
  async run(): Promise<BenchResult[]> {
    const dir = await makeFolder();
    try {
      const store = new DocumentStore(() => () => {}, () => {});
      const folders = new FolderService({
        store, chooseFolder: async () => dir, openPaths: async () => ({ transcript: null, audio: null, messages: [] }),
        qaSettings: async () => ({ profile: 'auto', qa: {} }), log: () => {},
      });
      const rssStart = process.memoryUsage().rss / 1048576;
      const readdirMs = await (async () => { const t0 = performance.now(); await readdir(dir, { withFileTypes: true }); return performance.now() - t0; })();
      const listing = await measured(() => folders.open(dir));
      const files = listing.value.episodes.reduce((n, e) => n + e.files.length, 0);
      const io = await readAll(dir);
      const query = { text: 'Kubernetes', regex: false, wholeWord: true, caseSensitive: false };
      const search = await measured(async () => finished(folders, folders.startSearch(query)));
      const matches = search.value.search!.files.reduce((n, f) => n + f.matches.length, 0);
      const again = await measured(async () => finished(folders, folders.startSearch(query)));
      const regex = await measured(async () => finished(folders, folders.startSearch({ text: 'durable\\s+execution', regex: true, wholeWord: true, caseSensitive: true })));
      const regexMatches = regex.value.search!.files.reduce((n, f) => n + f.matches.length, 0);
      const fix = await measured(async () => finished(folders, await folders.startCorrections()));
      const changes = fix.value.search!.files.reduce((n, f) => n + f.matches.length, 0);
      const rssEnd = process.memoryUsage().rss / 1048576;
      const goal = (value: number) => ({ op: '<=' as const, value, on: 'value' as const });
      return [
        { name: `folders: list ${listing.value.episodes.length} episodes (${files} files)`, value: listing.ms, unit: 'ms', baseline: { name: 'readdir', value: readdirMs }, goal: goal(1000) },
        { name: `folders: search a word in ${files} files (${matches} matches), first search`, value: search.ms, unit: 'ms', baseline: { name: 'reading every file', value: io.ms }, goal: goal(1000) },
        { name: 'folders: the same search again', value: again.ms, unit: 'ms', baseline: { name: 'reading every file', value: io.ms }, goal: goal(1000) },
        { name: `folders: search a regex in ${files} files (${regexMatches} matches)`, value: regex.ms, unit: 'ms', baseline: { name: 'reading every file', value: io.ms }, goal: goal(1000) },
        { name: `folders: preview a 6-rule corrections.tsv over ${files} files (${changes} changes)`, value: fix.ms, unit: 'ms', baseline: { name: 'reading every file', value: io.ms }, goal: goal(5000) },
        { name: 'folders: CPU time of the first search', value: search.cpuMs, unit: 'ms', baseline: { name: 'reading every file', value: io.cpuMs } },
        { name: 'folders: CPU time of the search again', value: again.cpuMs, unit: 'ms', baseline: { name: 'reading every file', value: io.cpuMs } },
        { name: 'folders: CPU time of the regex search', value: regex.cpuMs, unit: 'ms', baseline: { name: 'reading every file', value: io.cpuMs } },
        { name: 'folders: CPU time of the 6-rule preview', value: fix.cpuMs, unit: 'ms', baseline: { name: 'reading every file', value: io.cpuMs } },
        { name: 'folders: RSS before', value: rssStart, unit: 'MB' },
        { name: 'folders: RSS peak while listing', value: listing.peakMb, unit: 'MB' },
        { name: 'folders: RSS peak while searching', value: search.peakMb, unit: 'MB' },
        { name: 'folders: RSS peak while previewing the fix', value: fix.peakMb, unit: 'MB' },
        { name: 'folders: RSS after', value: rssEnd, unit: 'MB' },
      ];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
