import type { Benchmark } from './report';

/** Every benchmark `npm run bench` runs, in order. Add one line per benchmark module. */
export const benchmarks: Benchmark[] = [];
