/**
 * `fix` over a folder of 60 episodes (the 515 and 518 pairs copied 30 times each, with
 * the speech-recognition mistakes the rules fix put back in), through the CLI entry
 * point: walk, read, correct, write atomically. Baseline in the same run: reading and
 * atomically rewriting the same 120 files with no corrections (the I/O floor).
 *
 * Regex rules (see fix-regex.ts): RE2 against the native engine on 515 for ordinary
 * rules, and the backtracking trap `(\w+\s?)+;` over a 3.5-hour episode.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureIO } from '../electron/cli/io';
import { main } from '../electron/cli/main';
import { readTranscriptFile, writeTranscriptFile } from '../electron/services/transcript-file';
import { regexResults } from './fix-regex';
import type { Benchmark, BenchResult } from './report';

const TALKPYTHON = join(import.meta.dirname, '../../shared/fixtures/talkpython');
const COPIES = 30;
const RULES = 'Matt McKay\tMatt Makai\nLangchain\tLangChain\nCloud Code\tClaude Code\nchatGPT\tChatGPT\n';

function seed(text: string): string {
  return text.replaceAll('Michael Kennedy', 'Matt McKay').replaceAll('ChatGPT', 'chatGPT').replaceAll('Mason Egger', 'Cloud Code');
}

async function makeFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cueline-bench-fix-'));
  const names = ['515-temporal.vtt', '515-temporal.txt', '518-django-birthday.vtt', '518-django-birthday.txt'];
  const texts = await Promise.all(names.map(async (n) => seed(await readFile(join(TALKPYTHON, n), 'utf8'))));
  for (let i = 0; i < COPIES; i++) {
    await Promise.all(names.map((n, k) => writeFile(join(dir, `${String(i).padStart(3, '0')}-${n}`), texts[k]!)));
  }
  await writeFile(join(dir, 'corrections.tsv'), RULES);
  return dir;
}

export const fixBenchmark: Benchmark = {
  name: 'fix',
  async run(): Promise<BenchResult[]> {
    const results: { fix: number; io: number; out: string }[] = [];
    for (let round = 0; round < 3; round++) {
      const dir = await makeFolder();
      try {
        const files = (await readdir(dir)).filter((f) => f !== 'corrections.tsv').map((f) => join(dir, f));
        let t0 = performance.now();
        for (const f of files) {
          const r = await readTranscriptFile(f);
          if (r.ok) await writeTranscriptFile(f, r.text, r.encoding);
        }
        const io = performance.now() - t0;
        const capture = captureIO(dir);
        t0 = performance.now();
        const code = await main(['fix', '--rules', 'corrections.tsv', '.'], capture);
        const fix = performance.now() - t0;
        if (code !== 0) throw new Error(`fix failed: ${capture.err}`);
        results.push({ fix, io, out: capture.out.trim().split('\n').at(-1)! });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    results.sort((a, b) => a.fix - b.fix);
    const median = results[1]!;
    return [...regexResults(), {
      name: `fix 60 episodes (${median.out})`,
      value: median.fix,
      unit: 'ms',
      baseline: { name: 'read + atomic rewrite of the same 120 files', value: median.io },
      goal: { op: '<=', value: 2000, on: 'value' },
    }];
  },
};
