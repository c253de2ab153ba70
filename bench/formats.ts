/**
 * WebVTT parse + serialize throughput on a 4,000-cue (~3 h) document built in memory
 * from the real talkpython fixtures (cues repeated with shifted times), against
 * node-webvtt, subtitle and media-captions in the same run. Ours serializes through
 * the writer (model → text), the same work the others do; serializing an unedited
 * parse would just return the input. media-captions has no serializer, so its figure
 * is its parse plus a minimal cue template.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { parseSync, stringifySync } from 'subtitle';
import { parseText } from 'media-captions';
import { parseVtt, writeVtt } from '../shared/formats/vtt';
import { formatVttTimestamp } from '../shared/formats/timestamp';
import { timeMedian, type Benchmark, type BenchResult } from './report';

/** node-webvtt ships no types; this is the part of its API used here. */
interface NodeWebvtt {
  parse(input: string): { valid: boolean; cues: unknown[] };
  compile(parsed: { valid: boolean; cues: unknown[] }): string;
}
const webvtt = createRequire(import.meta.url)('node-webvtt') as NodeWebvtt;

const FIXTURES = `${import.meta.dirname}/../../shared/fixtures/talkpython`;
const CUES = 4000;
const ROUNDS = 7;
const RUNS = 5;
const WARMUP = 5;

/** The fixtures' cues, file after file, each file shifted to start after the previous one ends. */
export function buildLongVtt(cueCount = CUES): string {
  const files = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.vtt'))
    .sort()
    .map((f) => parseVtt(readFileSync(join(FIXTURES, f), 'utf8')).cues);
  const parts = ['WEBVTT\n\n'];
  let offset = 0;
  let n = 0;
  while (n < cueCount) {
    for (const cues of files) {
      for (const c of cues) {
        if (n === cueCount) break;
        parts.push(`${formatVttTimestamp(offset + c.start)} --> ${formatVttTimestamp(offset + c.end)}\n${c.text}\n\n`);
        n++;
      }
      offset += Math.ceil(cues.at(-1)?.end ?? 0);
    }
  }
  return parts.join('');
}

async function timeMedianAsync(fn: () => Promise<void>, runs: number, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function check(name: string, count: number): void {
  if (count !== CUES) throw new Error(`${name} read ${count} cues, expected ${CUES}: the comparison would be unfair`);
}

export const formatsBenchmark: Benchmark = {
  name: 'formats',
  async run(): Promise<BenchResult[]> {
    const text = buildLongVtt();
    const mb = text.length / 1e6;
    const mbps = (ms: number) => mb / (ms / 1000);

    check('ours', parseVtt(writeVtt(parseVtt(text).cues)).cues.length);
    check('node-webvtt', webvtt.parse(webvtt.compile(webvtt.parse(text))).cues.length);
    check('subtitle', parseSync(stringifySync(parseSync(text), { format: 'WebVTT' })).filter((n) => n.type === 'cue').length);
    check('media-captions', (await parseText(text, { type: 'vtt' })).cues.length);

    // Contenders are timed in interleaved rounds (median of round medians): on a shared
    // 2-core machine, load that comes and goes then hits every contender alike.
    const syncContenders: Record<string, () => void> = {
      ours: () => {
        writeVtt(parseVtt(text).cues);
      },
      oursParse: () => {
        parseVtt(text);
      },
      'node-webvtt': () => {
        webvtt.compile(webvtt.parse(text));
      },
      subtitle: () => {
        stringifySync(parseSync(text), { format: 'WebVTT' });
      },
    };
    const mediaCaptions = async () => {
      const { cues } = await parseText(text, { type: 'vtt' });
      const parts = ['WEBVTT\n\n'];
      for (const c of cues) parts.push(`${formatVttTimestamp(c.startTime)} --> ${formatVttTimestamp(c.endTime)}\n${c.text}\n\n`);
      parts.join('');
    };
    const rounds: Record<string, number[]> = { 'media-captions': [] };
    for (const name of Object.keys(syncContenders)) rounds[name] = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (const [name, fn] of Object.entries(syncContenders)) rounds[name]!.push(timeMedian(fn, RUNS, r === 0 ? WARMUP : 1));
      rounds['media-captions']!.push(await timeMedianAsync(mediaCaptions, RUNS, r === 0 ? WARMUP : 1));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ours = median(rounds.ours!);
    const oursParse = median(rounds.oursParse!);
    const competitors = ['node-webvtt', 'subtitle', 'media-captions'].map((name) => ({ name, ms: median(rounds[name]!) }));
    const fastest = competitors.reduce((a, b) => (b.ms < a.ms ? b : a));
    const fastestBaseline = { name: fastest.name, value: mbps(fastest.ms) };
    const results: BenchResult[] = [
      {
        name: `vtt parse+serialize ${CUES} cues (${mb.toFixed(2)} MB), ours`,
        value: mbps(ours),
        unit: 'MB/s',
        baseline: fastestBaseline,
        goal: { op: '>=', value: 1.5, on: 'ratio' },
      },
      { name: 'vtt parse only, ours (lossless model with ranges)', value: mbps(oursParse), unit: 'MB/s' },
    ];
    for (const c of competitors) {
      results.push({ name: `vtt parse+serialize, ${c.name}`, value: mbps(c.ms), unit: 'MB/s' });
      results.push({ name: `vtt parse+serialize, ours vs ${c.name}`, value: mbps(ours), unit: 'MB/s', baseline: { name: c.name, value: mbps(c.ms) } });
    }
    return results;
  },
};
