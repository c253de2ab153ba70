/**
 * Owns the peaks of every open audio file: answers from the cache when it can, else
 * decodes in worker threads (never on the main process's event loop) and serves what
 * is decoded so far, start of the file first. An MP3 of some size is decoded as two
 * halves by two workers at once (split-plan.ts); the second half's pairs are held back
 * until the first half is complete, so what is served is always a prefix. The renderer
 * long-polls `read` with the number of pairs it already has; closing a file terminates
 * its workers.
 */
import { Worker } from 'node:worker_threads';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PeaksCache } from './peaks-cache';
import type { StoredPeaks } from './peaks-dat';
import { createHash } from 'node:crypto';
import { downsamplePairs, OVERVIEW_PER_SECOND } from '../../../shared/audio/peak-accumulator';
import type { PeaksProgress } from './decode-peaks';
import type { WorkerInput, WorkerMessage } from './peaks-worker-protocol';
import { planMp3Halves, type SplitPlan } from './split-plan';

export interface PeaksServiceOptions {
  /** Folder for the peaks cache (the app's data folder); null keeps no cache. */
  cacheDir: string | null;
  maxCacheBytes?: number;
  /** Decode MP3s of at least this size as two halves when there are two cores (default 4 MiB; Infinity never). */
  splitMinBytes?: number;
  /** The worker script; by default the bundled `peaks-worker.cjs` or, from source, the `.ts` under tsx. */
  worker?: WorkerScript;
  log?(message: string): void;
}

/** A worker file to run, or (from source) a small script that loads the `.ts` through tsx. */
export interface WorkerScript {
  source: string;
  eval: boolean;
}

export type PeaksStatus = 'decoding' | 'done' | 'error';

/** What the renderer gets: the pairs from `from` on, and how far the decode is. */
export interface PeaksSnapshot {
  status: PeaksStatus;
  message?: string;
  /** 0 until the first pairs are decoded. */
  sampleRate: number;
  samplesPerPeak: number;
  from: number;
  /** Interleaved min,max pairs, signed 8-bit. */
  pairs: Int8Array;
  /** Pairs decoded so far (from + pairs.length / 2). */
  available: number;
  /** Share of the file's bytes decoded, 0..1. */
  progress: number;
  fromCache: boolean;
}

interface Job {
  status: PeaksStatus;
  message?: string;
  sampleRate: number;
  samplesPerPeak: number;
  /** Pairs from index 0; the first `count` exist, the first min(count, servable) are served. */
  pairs: Int8Array;
  count: number;
  /** Pairs from here on may still change (the pair straddling a split point, until both halves are in it). */
  servable: number;
  progress: number;
  fromCache: boolean;
  workers: Set<Worker>;
  /** Bumped when a failed split decode is abandoned: messages of its workers still in flight are then ignored. */
  generation: number;
  /** Resolved whenever the job changes, for long-polling readers. */
  waiters: Array<() => void>;
  settled: Promise<void>;
  /** The whole file at OVERVIEW_PER_SECOND, once the peaks are complete. */
  overview: StoredPeaks | null;
}

type WorkerResult = { ok: true; samples: number } | { ok: false; message: string };

const DEFAULT_SPLIT_MIN_BYTES = 4 * 1024 * 1024;

/** The overview's cache key: another 64-hex name derived from the file's key. */
function overviewKey(key: string): string {
  return createHash('sha256').update(`${key}:overview`).digest('hex');
}

function overviewOf(peaks: { sampleRate: number; samplesPerPeak: number; pairs: Int8Array; count: number }): StoredPeaks {
  const factor = Math.max(1, Math.round(peaks.sampleRate / peaks.samplesPerPeak / OVERVIEW_PER_SECOND));
  return { sampleRate: peaks.sampleRate, samplesPerPeak: peaks.samplesPerPeak * factor, pairs: downsamplePairs(peaks.pairs, peaks.count, factor) };
}

export class PeaksService {
  private readonly jobs = new Map<string, Job>();
  private readonly cache: PeaksCache | null;
  private readonly worker: WorkerScript;

  constructor(private readonly options: PeaksServiceOptions) {
    this.cache = options.cacheDir ? new PeaksCache({ dir: options.cacheDir, maxBytes: options.maxCacheBytes }) : null;
    this.worker = options.worker ?? defaultWorkerScript();
  }

  /** Starts computing (or loading) the peaks of `path` under `id`; a second start of the same id is a no-op. */
  start(id: string, path: string): void {
    const existing = this.jobs.get(id);
    // A job that failed is tried again: the cache may hold the page's peaks by now.
    if (existing && existing.status !== 'error') return;
    if (existing) this.close(id);
    let settle!: () => void;
    const job: Job = {
      status: 'decoding', sampleRate: 0, samplesPerPeak: 0, pairs: new Int8Array(0), count: 0, servable: Infinity, progress: 0,
      fromCache: false, workers: new Set(), generation: 0, waiters: [], settled: new Promise((r) => { settle = r; }), overview: null,
    };
    this.jobs.set(id, job);
    this.run(id, job, path).catch((error: unknown) => {
      this.finish(job, 'error', error instanceof Error ? error.message : String(error));
    }).finally(() => {
      this.stopWorkers(job);
      settle();
    });
  }

  /**
   * The pairs from `from` on. When there is nothing new yet and the decode is running,
   * waits up to `waitMs` for more, so a polling renderer gets data as soon as it exists.
   */
  async read(id: string, from: number, waitMs = 1000): Promise<PeaksSnapshot> {
    const job = this.jobs.get(id);
    if (!job) throw new Error('this audio is not open');
    if (job.status === 'decoding' && served(job) <= from) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, waitMs);
        function done() { clearTimeout(timer); resolve(); }
        job.waiters.push(done);
      });
    }
    const available = served(job);
    const start = Math.min(Math.max(0, from), available);
    return {
      status: job.status,
      ...(job.message ? { message: job.message } : {}),
      sampleRate: job.sampleRate,
      samplesPerPeak: job.samplesPerPeak,
      from: start,
      pairs: job.pairs.slice(2 * start, 2 * available),
      available,
      progress: job.progress,
      fromCache: job.fromCache,
    };
  }

  /** Resolves when the job has finished (done, error or closed). */
  async settled(id: string): Promise<void> {
    await this.jobs.get(id)?.settled;
  }

  /** Stops the decode (terminating its workers) and forgets the peaks. */
  close(id: string): void {
    const job = this.jobs.get(id);
    if (!job) return;
    this.jobs.delete(id);
    if (job.status === 'decoding') this.finish(job, 'error', 'closed');
    this.stopWorkers(job);
  }

  closeAll(): void {
    for (const id of [...this.jobs.keys()]) this.close(id);
  }

  /**
   * Keeps peaks computed elsewhere (the page's WebCodecs decode of a format this process
   * cannot decode) in the cache, so the next open of the file is instant. Returns false
   * without a cache.
   */
  async store(path: string, peaks: StoredPeaks): Promise<boolean> {
    if (!this.cache) return false;
    const key = await this.cache.keyOf(path);
    await this.cache.put(key, peaks);
    await this.cache.put(overviewKey(key), overviewOf({ ...peaks, count: peaks.pairs.length / 2 }));
    return true;
  }

  /** The whole-file overview peaks of job `id`, once its peaks are complete; null before. */
  overview(id: string): StoredPeaks | null {
    const job = this.jobs.get(id);
    return job?.status === 'done' ? job.overview : null;
  }

  private async run(id: string, job: Job, path: string): Promise<void> {
    const key = this.cache ? await this.cache.keyOf(path).catch(() => null) : null;
    if (key && this.cache) {
      const cached = await this.cache.get(key);
      if (cached && this.jobs.get(id) === job) {
        job.sampleRate = cached.sampleRate;
        job.samplesPerPeak = cached.samplesPerPeak;
        job.pairs = cached.pairs;
        job.count = cached.pairs.length / 2;
        job.progress = 1;
        job.fromCache = true;
        job.overview = (await this.cache.get(overviewKey(key))) ?? overviewOf(job);
        this.finish(job, 'done');
        return;
      }
    }
    if (this.jobs.get(id) !== job) return;
    const plan = await this.splitPlan(path);
    let result: WorkerResult | null = null;
    if (plan) {
      this.options.log?.(`peaks: decoding ${path} as two halves`);
      result = await this.decodeHalves(job, path, plan);
      if (!result.ok && job.status === 'decoding') {
        // The halves did not add up (an encoder we map wrongly): decode it whole instead.
        this.options.log?.(`peaks: split decode of ${path} failed (${result.message}); decoding it whole`);
        this.stopWorkers(job);
        job.generation++;
        // Keep what readers already have (the first half, identical in a whole decode:
        // re-appending merges equal values), so `available` never goes backwards.
        job.count = served(job);
        job.servable = Infinity;
        result = null;
      }
    }
    if (job.status !== 'decoding') return;
    result ??= await this.runWorker(job, { path }, (m) => this.append(job, m.from, m.pairs, m.bytesRead / (m.totalBytes || 1)));
    if (!result.ok) return this.finish(job, 'error', result.message);
    job.progress = 1;
    job.overview = overviewOf(job);
    this.finish(job, 'done');
    if (key && this.cache) {
      // Two resolutions: the editing peaks and the overview.
      const overview = job.overview;
      await this.cache.put(key, { sampleRate: job.sampleRate, samplesPerPeak: job.samplesPerPeak, pairs: job.pairs })
        .then(() => this.cache!.put(overviewKey(key), overview))
        .catch((error: unknown) => this.options.log?.(`peaks cache: could not write (${String(error)})`));
    }
  }

  private async splitPlan(path: string): Promise<SplitPlan | null> {
    const minBytes = this.options.splitMinBytes ?? DEFAULT_SPLIT_MIN_BYTES;
    if (availableParallelism() < 2 || !Number.isFinite(minBytes)) return null;
    const size = (await stat(path)).size;
    if (size < minBytes) return null;
    return planMp3Halves(path).catch(() => null);
  }

  /**
   * Two workers at once. The first half's pairs are served as they come; the second's
   * are held until the first is complete, then joined (the pair that straddles the
   * split point merged) and served from then on as they come.
   */
  private async decodeHalves(job: Job, path: string, plan: SplitPlan): Promise<WorkerResult> {
    const [first, second] = plan.parts;
    let firstRead = 0;
    let secondRead = 0;
    let totalBytes = 1;
    let joined = false;
    const held: PeaksProgress[] = [];
    let failure: WorkerResult | null = null;
    // The pair straddling the split gets samples from both halves: a reader must not see
    // it (and never re-read it) until both are in.
    job.servable = Math.floor(second.startSample / plan.samplesPerPeak);
    // The second half's pairs are served only once both halves are checked: if the split
    // fails, the whole-file decode takes over and readers must not have seen pairs it
    // would not give (the first half's pairs are the same either way).
    let secondChecked = false;
    const serveAllWhenChecked = () => {
      if (!joined || !secondChecked) return;
      job.servable = Infinity;
      this.wake(job);
    };
    const appendSecond = (m: PeaksProgress) => this.append(job, m.from, m.pairs, progress());
    const progress = () => Math.min(1, (firstRead + secondRead) / totalBytes);
    const a = this.runWorker(job, { path, part: first }, (m) => {
      totalBytes = m.totalBytes || 1;
      firstRead = m.bytesRead;
      this.append(job, m.from, m.pairs, progress());
    });
    const b = this.runWorker(job, { path, part: second }, (m) => {
      totalBytes = m.totalBytes || 1;
      secondRead = m.bytesRead - second.startByte;
      if (joined) appendSecond(m);
      else held.push(m);
    });
    const [ra, rb] = await Promise.all([
      a.then((r): WorkerResult => {
        const checked = r.ok && r.samples !== plan.expectedSamples[0] ? { ok: false as const, message: `first half gave ${r.samples} samples, not ${plan.expectedSamples[0]}` } : r;
        if (!checked.ok) {
          failure ??= checked;
          this.stopWorkers(job);
          return checked;
        }
        joined = true;
        for (const m of held.splice(0)) appendSecond(m);
        serveAllWhenChecked();
        return checked;
      }),
      b.then((r): WorkerResult => {
        const expected = plan.expectedSamples[1];
        const checked = r.ok && expected !== null && r.samples !== expected ? { ok: false as const, message: `second half gave ${r.samples} samples, not ${expected}` } : r;
        if (!checked.ok) {
          failure ??= checked;
          this.stopWorkers(job);
        } else {
          secondChecked = true;
          serveAllWhenChecked();
        }
        return checked;
      }),
    ]);
    // The first failure is the cause; the other half was then stopped.
    if (failure) return failure;
    if (!ra.ok) return ra;
    if (!rb.ok) return rb;
    return { ok: true, samples: ra.samples + rb.samples };
  }

  private runWorker(job: Job, input: WorkerInput, onProgress: (m: PeaksProgress) => void): Promise<WorkerResult> {
    return new Promise((resolve) => {
      // A bundled worker gets no inherited flags: under a TypeScript loader (`tsx`, the bench)
      // the worker would load it too, costing a second before the first peaks.
      const worker = new Worker(this.worker.source, { workerData: input, eval: this.worker.eval, ...(this.worker.eval ? {} : { execArgv: [] }) });
      job.workers.add(worker);
      const generation = job.generation;
      let result: WorkerResult | null = null;
      worker.on('message', (message: WorkerMessage) => {
        if (job.generation !== generation) return;
        if (message.type === 'progress') {
          job.sampleRate = message.sampleRate;
          job.samplesPerPeak = message.samplesPerPeak;
          onProgress(message);
        } else if (message.type === 'done') {
          result = { ok: true, samples: message.samples };
        } else {
          result = { ok: false, message: message.message };
        }
      });
      worker.on('error', (error) => { result ??= { ok: false, message: error.message }; });
      worker.on('exit', () => {
        job.workers.delete(worker);
        resolve(result ?? { ok: false, message: job.status === 'decoding' ? 'the decoder stopped unexpectedly' : 'closed' });
      });
    });
  }

  /**
   * Writes pairs at `from` and serves them. A pair already there (the one straddling the
   * split point, or the first half's last) is merged: min of mins, max of maxes.
   */
  private append(job: Job, from: number, pairs: Int8Array, progress: number): void {
    const end = 2 * from + pairs.length;
    if (end > job.pairs.length) {
      const grown = new Int8Array(Math.max(end, job.pairs.length * 2, 8192));
      grown.set(job.pairs.subarray(0, 2 * job.count));
      job.pairs = grown;
    }
    let i = 0;
    for (; i < pairs.length && 2 * from + i < 2 * job.count; i += 2) {
      const at = 2 * from + i;
      job.pairs[at] = Math.min(job.pairs[at]!, pairs[i]!);
      job.pairs[at + 1] = Math.max(job.pairs[at + 1]!, pairs[i + 1]!);
    }
    job.pairs.set(pairs.subarray(i), 2 * from + i);
    job.count = Math.max(job.count, end / 2);
    job.progress = progress;
    this.wake(job);
  }

  private finish(job: Job, status: PeaksStatus, message?: string): void {
    if (job.status !== 'decoding') return;
    job.status = status;
    if (message) job.message = message;
    if (status === 'done') job.pairs = job.pairs.slice(0, 2 * job.count);
    job.servable = Infinity;
    this.wake(job);
  }

  private stopWorkers(job: Job): void {
    for (const worker of job.workers) void worker.terminate();
  }

  private wake(job: Job): void {
    const waiters = job.waiters;
    job.waiters = [];
    for (const wake of waiters) wake();
  }
}

function served(job: Job): number {
  return Math.min(job.count, job.servable);
}

/** From the app bundle: `peaks-worker.cjs` beside `main.cjs`; from source: the `.ts` under tsx. */
function defaultWorkerScript(): WorkerScript {
  if (typeof __filename === 'string' && __filename.endsWith('.cjs')) {
    // Packaged, the worker is unpacked beside the asar (see build/electron-builder.json):
    // a worker thread's entry script is loaded by Node itself, which cannot read asar.
    const dir = dirname(__filename).replace(/app\.asar(?=[\\/]|$)/, 'app.asar.unpacked');
    return { source: join(dir, 'peaks-worker.cjs'), eval: false };
  }
  const here = fileURLToPath(import.meta.url);
  // The ESM build of tsx's API (`require.resolve` would give its CommonJS build).
  const tsxApi = pathToFileURL(join(dirname(createRequire(here).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = pathToFileURL(join(dirname(here), 'peaks-worker.ts')).href;
  // Node 20 ignores `--import` in a worker's execArgv, so the worker registers tsx itself.
  const source = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return { source, eval: true };
}
