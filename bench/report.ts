/**
 * The one output format of `npm run bench`: `name: value unit`, and when the figure has
 * a baseline measured in the same run, its value and the ratio, so a slower machine
 * moves both and the ratio stays comparable.
 */
export interface Baseline {
  name: string;
  value: number;
}

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: Baseline;
  /** Optional goal, e.g. "<= 300 ms"; printed so a reader sees pass/miss at a glance. */
  goal?: { op: '<=' | '>='; value: number; on: 'value' | 'ratio' };
}

export function formatResult(r: BenchResult): string {
  let line = `${r.name}: ${round(r.value)} ${r.unit}`;
  if (r.baseline) {
    const ratio = r.value / r.baseline.value;
    line += ` (baseline ${r.baseline.name}: ${round(r.baseline.value)} ${r.unit}; ratio ${ratio.toFixed(2)}x)`;
  }
  if (r.goal) {
    const subject = r.goal.on === 'ratio' && r.baseline ? r.value / r.baseline.value : r.value;
    const met = r.goal.op === '<=' ? subject <= r.goal.value : subject >= r.goal.value;
    line += ` [goal ${r.goal.on} ${r.goal.op} ${r.goal.value}: ${met ? 'met' : 'MISSED'}]`;
  }
  return line;
}

function round(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3);
}

/** Median of repeated timings in ms; the first `warmup` runs are dropped (JIT). */
export function timeMedian(fn: () => void, runs: number, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** A benchmark module: `bench/<name>.ts` exports one of these; bench/main.ts runs them. */
export interface Benchmark {
  name: string;
  run(): Promise<BenchResult[]>;
}
