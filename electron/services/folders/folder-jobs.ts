/**
 * Long folder work (search, replace preview, episode figures) as jobs: each walks its
 * files one at a time with `await` between them, so the main process keeps answering
 * IPC while it runs; it reports progress, stops at the next file when cancelled, and
 * its state is read by a long poll (an answer once it changed, or after ~1 s).
 */
import type { FolderJobStatus } from '../../../shared/ipc/folder-contract';

export interface JobContext {
  /** Call after each unit of work; resolves false once the job was cancelled. */
  step(done: number, total: number): Promise<boolean>;
  readonly canceled: boolean;
}

interface Job {
  status: FolderJobStatus;
  canceled: boolean;
  waiters: Set<() => void>;
  /** What the job keeps for a later call (a preview's matches for Apply). */
  keep: unknown;
}

const POLL_MS = 1000;
const THROTTLE_MS = 100;
/** Finished jobs kept for their answer (and a preview for Apply); older ones go. */
const KEEP_FINISHED = 8;

/** Yield to the event loop so IPC and timers run between files. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export class FolderJobs {
  private readonly jobs = new Map<string, Job>();
  private next = 1;

  /** Starts `work`; its result becomes the 'done' status (with what it keeps for later). */
  start(work: (ctx: JobContext) => Promise<{ status: FolderJobStatus; keep?: unknown }>): string {
    const id = `folder-job-${this.next++}`;
    const job: Job = { status: { status: 'running', done: 0, total: 0 }, canceled: false, waiters: new Set(), keep: undefined };
    this.jobs.set(id, job);
    const ctx: JobContext = {
      get canceled() { return job.canceled; },
      step: async (done, total) => {
        if (!job.canceled) this.set(job, { status: 'running', done, total });
        await breathe();
        return !job.canceled;
      },
    };
    void (async () => {
      await breathe();
      try {
        const result = await work(ctx);
        job.keep = result.keep;
        this.set(job, job.canceled ? { status: 'canceled' } : result.status);
      } catch (error) {
        this.set(job, { status: 'error', message: error instanceof Error ? error.message : String(error) });
      }
      this.prune();
    })();
    return id;
  }

  /** The job's state; while running and unchanged, waits up to ~1 s for a change. */
  async status(id: string): Promise<FolderJobStatus> {
    const job = this.require(id);
    if (job.status.status === 'running') {
      const before = job.status;
      const ended = () => job.status.status !== 'running';
      // Progress changes with every file: answering at most ~10 times a second is plenty
      // for a bar. The end of the job is answered at once.
      await this.until(job, THROTTLE_MS, ended);
      if (!ended()) await this.until(job, POLL_MS, () => job.status !== before);
    }
    return job.status;
  }

  /** Resolves once `done()` holds after a change of the job's state, or after `ms`. */
  private until(job: Job, ms: number, done: () => boolean): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(finish, ms);
      function finish() { clearTimeout(timer); job.waiters.delete(check); resolve(); }
      function check() { if (done()) finish(); }
      if (done()) return finish();
      job.waiters.add(check);
    });
  }

  cancel(id: string): void {
    const job = this.jobs.get(id);
    if (!job || job.status.status !== 'running') return;
    job.canceled = true;
    this.set(job, { status: 'canceled' });
  }

  /** What a finished job kept, or an error naming why there is nothing to use. */
  kept<T>(id: string): T {
    const job = this.require(id);
    if (job.status.status !== 'done' || job.keep === undefined) throw new Error('That preview is not ready (still running, cancelled or failed).');
    return job.keep as T;
  }

  cancelAll(): void {
    for (const id of this.jobs.keys()) this.cancel(id);
  }

  private require(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`No folder job ${id}.`);
    return job;
  }

  private set(job: Job, status: FolderJobStatus): void {
    job.status = status;
    for (const w of [...job.waiters]) w();
  }

  private prune(): void {
    const finished = [...this.jobs].filter(([, j]) => j.status.status !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}
