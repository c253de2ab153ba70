/**
 * Alignment jobs of the main process: each runs in its own worker thread (align-worker.ts)
 * so the window stays responsive, reports progress with an estimate of the time left,
 * and is cancelled by a message (then, if it does not stop, by terminating the thread).
 * The plan (what to align, how to write the answer back) stays here; the worker only
 * gets the cue texts and returns their times.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AlignPlan } from '../../../shared/align/document';
import type { AlignStatus } from '../../../shared/ipc/align-contract';
import type { AlignWorkerInput, AlignWorkerMessage } from './align-worker-protocol';

export interface WorkerScript {
  source: string;
  eval: boolean;
}

interface Job {
  status: AlignStatus;
  startedAt: number;
  worker: Worker | null;
  /** Wakes long polls when the status changes. */
  waiters: Set<() => void>;
}

/** How long a cancelled worker may take to stop before it is terminated. */
const CANCEL_GRACE_MS = 2000;

export class AlignService {
  private readonly jobs = new Map<string, Job>();
  private next = 1;
  private readonly worker: WorkerScript;

  constructor(options: { worker?: WorkerScript } = {}) {
    this.worker = options.worker ?? defaultWorkerScript();
  }

  start(audioPath: string, plan: AlignPlan): string {
    const id = `align-${this.next++}`;
    const input: AlignWorkerInput = {
      audioPath,
      cues: plan.units.map((u) => ({ text: u.text, anchor: u.anchor })),
      anchorKind: plan.anchorKind,
      window: plan.window ? { from: plan.window.from, to: plan.window.to ?? Infinity } : null,
    };
    const worker = new Worker(this.worker.source, { workerData: input, eval: this.worker.eval, ...(this.worker.eval ? {} : { execArgv: [] }) });
    const job: Job = { status: { status: 'running', stage: 'decoding', progress: 0, secondsLeft: null }, startedAt: performance.now(), worker, waiters: new Set() };
    this.jobs.set(id, job);
    const settle = (status: AlignStatus) => {
      if (job.status.status !== 'running') return;
      this.update(job, status);
      job.worker = null;
      void worker.terminate();
    };
    worker.on('message', (message: AlignWorkerMessage) => {
      if (message.type === 'progress') {
        const elapsed = (performance.now() - job.startedAt) / 1000;
        const secondsLeft = message.share > 0.05 ? Math.round((elapsed * (1 - message.share)) / message.share) : null;
        if (job.status.status === 'running') this.update(job, { status: 'running', stage: message.stage, progress: message.share, secondsLeft });
      } else if (message.type === 'done') {
        try {
          settle({ status: 'done', result: plan.build(message.units, message.audioSeconds) });
        } catch (error) {
          settle({ status: 'error', message: error instanceof Error ? error.message : String(error) });
        }
      } else if (message.type === 'canceled') settle({ status: 'canceled' });
      else settle({ status: 'error', message: message.message });
    });
    worker.on('error', (error) => settle({ status: 'error', message: error.message }));
    worker.on('exit', () => settle({ status: 'error', message: 'the alignment stopped unexpectedly' }));
    return id;
  }

  /** The job's status; while it runs and nothing changes, waits up to `waitMs` first. */
  async status(id: string, waitMs = 1000): Promise<AlignStatus> {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`no alignment job ${id}`);
    if (job.status.status === 'running' && waitMs > 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          job.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, waitMs);
        job.waiters.add(wake);
      });
    }
    return job.status;
  }

  /** Resolves once the job has stopped (done, failed or cancelled). */
  async settled(id: string): Promise<AlignStatus> {
    for (;;) {
      const status = await this.status(id, 60_000);
      if (status.status !== 'running') return status;
    }
  }

  cancel(id: string): void {
    const job = this.jobs.get(id);
    if (!job || job.status.status !== 'running' || !job.worker) return;
    const worker = job.worker;
    worker.postMessage({ type: 'cancel' });
    const timer = setTimeout(() => {
      if (job.status.status === 'running') {
        this.update(job, { status: 'canceled' });
        job.worker = null;
        void worker.terminate();
      }
    }, CANCEL_GRACE_MS);
    timer.unref();
  }

  /** Cancels every running job (window closed, app quitting). */
  closeAll(): void {
    for (const id of this.jobs.keys()) this.cancel(id);
  }

  private update(job: Job, status: AlignStatus): void {
    job.status = status;
    for (const wake of [...job.waiters]) wake();
  }
}

/** From the app bundle: `align-worker.cjs` beside `main.cjs`; from source: the `.ts` under tsx. */
function defaultWorkerScript(): WorkerScript {
  if (typeof __filename === 'string' && __filename.endsWith('.cjs')) {
    const dir = dirname(__filename).replace(/app\.asar(?=[\\/]|$)/, 'app.asar.unpacked');
    return { source: join(dir, 'align-worker.cjs'), eval: false };
  }
  const here = fileURLToPath(import.meta.url);
  const tsxApi = pathToFileURL(join(dirname(createRequire(here).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = pathToFileURL(join(dirname(here), 'align-worker.ts')).href;
  // Node 20 ignores `--import` in a worker's execArgv, so the worker registers tsx itself.
  return { source: `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`, eval: true };
}
