/**
 * TXT import and paired-episode export on a ~3.5 h episode built from 515 (its VTT and
 * TXT repeated three times, shifted by whole seconds so the TXT clocks stay exact):
 * 3,861 cues / 3,420 entries. The 1x figures are the baseline: linear code keeps the
 * 3x/1x ratio near 3.
 */
import { readFileSync } from 'node:fs';
import { exportPairedTxt, pairEpisode } from '../shared/formats/pair';
import { formatClock } from '../shared/formats/timestamp';
import { importTxt } from '../shared/formats/txt';
import { parseVtt, writeVtt } from '../shared/formats/vtt';
import { timeMedian, type Benchmark, type BenchResult } from './report';

const DIR = `${import.meta.dirname}/../../shared/fixtures/talkpython/`;
const RUNS = 7;

function repeatEpisode(times: number): { vtt: string; txt: string } {
  const cues = parseVtt(readFileSync(DIR + '515-temporal.vtt', 'utf8')).cues;
  const txt = readFileSync(DIR + '515-temporal.txt', 'utf8');
  const span = Math.ceil(cues[cues.length - 1]!.end) + 10;
  const allCues: { start: number; end: number; text: string }[] = [];
  let allTxt = '';
  for (let r = 0; r < times; r++) {
    for (const c of cues) allCues.push({ start: c.start + r * span, end: c.end + r * span, text: c.text });
    allTxt += txt.replace(/^(\d\d):(\d\d):(\d\d) /gm, (_m, h: string, m: string, s: string) => `${formatClock(+h * 3600 + +m * 60 + +s + r * span, { hours: 'always' })} `);
  }
  return { vtt: writeVtt(allCues), txt: allTxt };
}

export const txtPairBenchmark: Benchmark = {
  name: 'txt-pair',
  async run(): Promise<BenchResult[]> {
    const results: BenchResult[] = [];
    const one = repeatEpisode(1);
    const three = repeatEpisode(3);
    const measure = (ep: { vtt: string; txt: string }) => {
      const cues = parseVtt(ep.vtt).cues;
      const pairing = pairEpisode(cues, ep.txt);
      if (exportPairedTxt(pairing, cues) !== ep.txt) throw new Error('paired export is not byte-identical');
      const edited = cues.map((c, i) => (i === cues.length >> 1 ? { ...c, text: c.text + ' edited' } : c));
      return {
        import: timeMedian(() => importTxt(ep.txt), RUNS),
        pair: timeMedian(() => pairEpisode(cues, ep.txt), RUNS),
        export: timeMedian(() => exportPairedTxt(pairing, edited), RUNS),
        cues: cues.length,
      };
    };
    const base = measure(one);
    const big = measure(three);
    for (const key of ['import', 'pair', 'export'] as const) {
      results.push({
        name: `txt ${key} (515 x3, ${big.cues} cues)`,
        value: big[key],
        unit: 'ms',
        baseline: { name: `515 x1, ${base.cues} cues`, value: base[key] },
        goal: { op: '<=', value: 4.5, on: 'ratio' },
      });
    }
    return results;
  },
};
