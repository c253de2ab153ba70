import type { Benchmark } from './report';
import { audioBenchmark } from './audio';
import { formatsBenchmark } from './formats';

/** Every benchmark `npm run bench` runs, in order. Add one line per benchmark module. */
export const benchmarks: Benchmark[] = [formatsBenchmark, audioBenchmark];
