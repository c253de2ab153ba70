/**
 * The long poll a page follows a folder job by: progress is answered at most every
 * 100 ms, the end of the job at once. Clock-driven (fake timers): nothing here waits.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FolderJobs } from './folder-jobs';

afterEach(() => { vi.useRealTimers(); });

describe('folder jobs', () => {
  it('answers a job that ends while the poll waits at once, and progress only after the throttle', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate'] });
    const jobs = new FolderJobs();
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => { finish = resolve; });
    let step!: (done: number) => Promise<boolean>;
    const id = jobs.start(async (ctx) => {
      step = (done) => ctx.step(done, 10);
      await gate;
      return { status: { status: 'canceled' } };
    });
    await vi.advanceTimersByTimeAsync(0);

    // Progress: the poll answers after the 100 ms throttle, not before.
    let answered: unknown = null;
    void jobs.status(id).then((s) => { answered = s; });
    void step(3);
    await vi.advanceTimersByTimeAsync(50);
    expect(answered).toBeNull();
    await vi.advanceTimersByTimeAsync(60);
    expect(answered).toEqual({ status: 'running', done: 3, total: 10 });

    // The end: answered within the same tick, well before the throttle is over.
    answered = null;
    void jobs.status(id).then((s) => { answered = s; });
    await vi.advanceTimersByTimeAsync(10);
    expect(answered).toBeNull();
    finish();
    await vi.advanceTimersByTimeAsync(1);
    expect(answered).toEqual({ status: 'canceled' });
  });
});
