import type { Benchmark } from './report';
import { audioBenchmark } from './audio';
import { editorBenchmark } from './editor';
import { fixBenchmark } from './fix';
import { foldersBenchmark } from './folders';
import { seekBenchmark } from './seek';
import { rendererMemoryBenchmark } from './renderer-memory';
import { spectrogramBenchmark } from './spectrogram';
import { formatsBenchmark } from './formats';
import { txtPairBenchmark } from './txt-pair';
import { alignBenchmark } from './align';
import { transcriptViewBenchmark } from './transcript-view';
import { speakerLaneBenchmark } from './speaker-lane';

/** Every benchmark `npm run bench` runs, in order. Add one line per benchmark module. */
export const benchmarks: Benchmark[] = [formatsBenchmark, txtPairBenchmark, fixBenchmark, editorBenchmark, seekBenchmark, audioBenchmark, rendererMemoryBenchmark, spectrogramBenchmark, transcriptViewBenchmark, speakerLaneBenchmark, alignBenchmark, foldersBenchmark];
