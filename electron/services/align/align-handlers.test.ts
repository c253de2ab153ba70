/**
 * The 'align:*' handlers end to end: a real worker thread, the eSpeak program, and
 * flite speech in a temp dir; the request and replies are checked against the contract
 * as the router would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alignInvokeContract, type AlignStatus } from '../../../shared/ipc/align-contract';
import { AlignService } from './align-service';
import { createAlignHandlers } from './align-handlers';
import { episodeCues, speak, vttOf, type SpokenCue } from './test-speech';

const MEDIA = 'ab'.repeat(16);
let dir: string;
let wav: string;
let truth: SpokenCue[];
const cues = episodeCues(40);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cueline-align-ipc-'));
  ({ wav, truth } = speak(dir, 'ipc', cues));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function handlers(service: AlignService) {
  return createAlignHandlers({ resolveMedia: (token) => (token === MEDIA ? wav : undefined), service });
}

async function poll(h: ReturnType<typeof handlers>, job: string, seen: AlignStatus[]): Promise<AlignStatus> {
  for (;;) {
    const status = alignInvokeContract['align:status'].response.parse(await h['align:status']({ job }));
    seen.push(status);
    if (status.status !== 'running') return status;
  }
}

describe('align IPC handlers', () => {
  it('re-times a shifted VTT in a worker, with progress, and returns a result the contract accepts', async () => {
    const service = new AlignService();
    const h = handlers(service);
    const shifted = cues.map((c) => ({ ...c, start: c.start + 2, end: c.end + 2 }));
    const request = alignInvokeContract['align:start'].request.parse({ id: 'doc-1', media: MEDIA, text: vttOf(shifted) });
    const { job } = await h['align:start'](request);
    const seen: AlignStatus[] = [];
    const final = await poll(h, job, seen);
    expect(final.status).toBe('done');
    if (final.status !== 'done') return;
    expect(seen.some((s) => s.status === 'running' && s.progress > 0)).toBe(true);
    const result = final.result;
    expect(result.cues.map((c) => c.text)).toEqual(cues.map((c) => c.text));
    result.cues.forEach((c, k) => {
      expect(c.source).toBe(k);
      expect(c.previousStart).toBeCloseTo(shifted[k]!.start, 3);
      expect(Math.abs(c.start - truth[k]!.start)).toBeLessThan(0.1);
      expect(c.words.length).toBe(c.text.split(/\s+/).length);
    });
    expect(result.text).toContain('WEBVTT');
  });

  it('cancels a running job', async () => {
    const service = new AlignService();
    const h = handlers(service);
    const { job } = await h['align:start']({ id: 'doc-1', media: MEDIA, text: vttOf(cues) });
    await h['align:cancel']({ job });
    const final = await service.settled(job);
    expect(final.status).toBe('canceled');
  });

  it('refuses an audio that is not open', async () => {
    const h = handlers(new AlignService());
    await expect(h['align:start']({ id: 'doc-1', media: 'cd'.repeat(16), text: vttOf(cues) })).rejects.toThrow(/no longer open/);
  });
});
