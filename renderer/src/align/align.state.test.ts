import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { history, undo } from '@codemirror/commands';
import { EditorState } from '@codemirror/state';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseVtt } from '../../../shared/formats/vtt/parser';
import type { AlignStatus } from '../../../shared/ipc/align-contract';
import { vttField } from '../editor/cue-field';
import { cueWordTimes, wordTimes } from '../editor/word-times';
import { alignmentTransaction } from './apply';
import { AlignPreviewView } from './AlignPreviewView';
import { alignOverIpc, alignProfileFor, formatTimeLeft, runAlignment, type AlignInvoke, type AlignFn, type AlignJob } from './client';
import { driftResult } from './fixture-results';
import { alignmentDiagnostics } from './lint';
import { previewAlignment } from './preview';

const SNIPPET = readFileSync(join(import.meta.dirname, '../../../../shared/fixtures/snippets/vtt_overlap_515.vtt'), 'utf8');

const stateOf = (doc: string) => EditorState.create({ doc, extensions: [vttField, wordTimes, history()] });

describe('align preview and apply', () => {
  it('previews moved cues with their deltas, words not found and low-confidence cues', () => {
    const p = previewAlignment(driftResult(SNIPPET));
    expect(p.newlyTimed).toEqual([]);
    expect(p.moved.map((m) => [m.cue, m.deltaStart.toFixed(3), m.deltaEnd.toFixed(3)])).toEqual([
      [0, '0.250', '0.250'],
      [1, '-1.500', '-1.500'],
      [2, '-1.500', '-1.500'],
      [3, '-1.500', '-1.500'],
      [4, '-1.500', '-1.500'],
    ]);
    expect(p.notFound).toMatchObject([{ cue: 2, words: ['digital', 'ocean'] }]);
    expect(p.lowConfidence).toMatchObject([{ cue: 2, confidence: 0.3, excerpt: 'center. I mean, my version of the cloud, you know, wherever digital o…' }]);
    const html = renderToStaticMarkup(AlignPreviewView({ preview: p }));
    expect(html).toContain('0 cues newly timed, 5 moved (up to 1.50 s), 0 unchanged. 1 low confidence');
    expect(html).toContain('start +0.250 s, end +0.250 s');
    expect(html).toContain('start −1.500 s, end −1.500 s');
    expect(html).toContain('Words not found (1)');
  });

  it('applies as one transaction that only rewrites timestamps; one undo restores text and word times', () => {
    const result = driftResult(SNIPPET);
    const before = stateOf(SNIPPET);
    const outcome = alignmentTransaction(before, SNIPPET, result);
    if (!outcome.ok) throw new Error(outcome.message);
    const changes = outcome.spec.changes as { from: number; to: number; insert: string }[];
    for (const c of changes) expect(SNIPPET.slice(c.from, c.to)).toMatch(/^[\d:.]+( --> [\d:.]+)?$/);
    const after = before.update(outcome.spec).state;
    expect(after.doc.toString()).toBe(result.text);
    expect(cueWordTimes(after, 1)?.map((w) => [w.text, w.start])[0]).toEqual(['So', 30.899 + 2040]);
    expect(alignmentDiagnostics(after)).toMatchObject([{ severity: 'warning', source: 'Alignment', message: expect.stringContaining('low confidence (30 %)') }]);
    const cue2 = parseVtt(result.text).cues[2]!;
    expect(alignmentDiagnostics(after)[0]).toMatchObject({ from: cue2.textRange.from, to: cue2.textRange.to });
    let state = after;
    undo({ state, dispatch: (tr) => (state = tr.state) });
    expect(state.doc.toString()).toBe(SNIPPET);
    expect(cueWordTimes(state, 1)).toBeNull();
    expect(alignmentDiagnostics(state)).toEqual([]);
  });

  it('refuses a result for a text the user has changed since, and a result that does not match its own text', () => {
    const result = driftResult(SNIPPET);
    const edited = stateOf(SNIPPET + 'x');
    expect(alignmentTransaction(edited, SNIPPET, result)).toEqual({ ok: false, message: 'The transcript changed while it was being aligned. Align again to use the new text.' });
    const broken = { ...result, cues: result.cues.slice(1) };
    expect(alignmentTransaction(stateOf(SNIPPET), SNIPPET, broken)).toMatchObject({ ok: false, message: expect.stringContaining('returned 4 cues for a text of 5') });
  });
});

/** A job double whose statuses are handed out one per poll; after cancel it says 'canceled'. */
function scriptedJob(statuses: AlignStatus[]) {
  let canceled = false;
  let wake: (() => void) | null = null;
  const job: AlignJob & { canceled: () => boolean } = {
    canceled: () => canceled,
    async status() {
      if (canceled) return { status: 'canceled' };
      const next = statuses.shift();
      if (next) return next;
      // Nothing more scripted: a long poll that only a cancel ends.
      await new Promise<void>((resolve) => (wake = resolve));
      return { status: 'canceled' };
    },
    async cancel() {
      canceled = true;
      wake?.();
    },
  };
  return job;
}

describe('running an alignment', () => {
  it('reports progress until the job is done', async () => {
    const result = driftResult(SNIPPET);
    const job = scriptedJob([
      { status: 'running', stage: 'decoding', progress: 0.1, secondsLeft: null },
      { status: 'running', stage: 'aligning', progress: 0.6, secondsLeft: 12 },
      { status: 'done', result },
    ]);
    const requests: unknown[] = [];
    const align: AlignFn = async (req) => (requests.push(req), job);
    const seen: number[] = [];
    const end = await runAlignment(align, { text: SNIPPET, range: { first: 1, last: 2 } }, (s) => seen.push(s.progress), new AbortController().signal);
    expect(end).toEqual({ status: 'done', result });
    expect(seen).toEqual([0.1, 0.6]);
    expect(requests).toEqual([{ text: SNIPPET, range: { first: 1, last: 2 } }]);
  });

  it('cancels the job at once when aborted, even during a long poll', async () => {
    const job = scriptedJob([{ status: 'running', stage: 'synthesizing', progress: 0.2, secondsLeft: 30 }]);
    const controller = new AbortController();
    const end = runAlignment(async () => job, { text: SNIPPET }, () => controller.abort(), controller.signal);
    expect(await end).toEqual({ status: 'canceled' });
    expect(job.canceled()).toBe(true);
  });

  it('turns a failure to start into an error status', async () => {
    const end = await runAlignment(async () => {
      throw new Error('no audio is open');
    }, { text: '' }, () => {}, new AbortController().signal);
    expect(end).toEqual({ status: 'error', message: 'no audio is open' });
  });

  it('says how long is left', () => {
    expect(formatTimeLeft(null)).toBe('estimating time left…');
    expect(formatTimeLeft(42.4)).toBe('about 42 s left');
    expect(formatTimeLeft(125)).toBe('about 2 min 5 s left');
    expect([alignProfileFor('subtitle'), alignProfileFor('transcript')]).toEqual(['subtitles', 'transcript']);
  });

  it('talks to the align channels with the document and audio, checking the replies', async () => {
    const calls: [string, unknown][] = [];
    const replies: Record<string, unknown> = {
      'align:start': { job: 'align-7' },
      'align:status': { status: 'running', stage: 'aligning', progress: 0.5, secondsLeft: 3 },
      'align:cancel': {},
    };
    const invoke = (async (channel: string, request: unknown) => {
      calls.push([channel, request]);
      return replies[channel];
    }) as AlignInvoke;
    const media = 'ab'.repeat(16);
    const job = await alignOverIpc(invoke, 'doc-3', media)({ text: 'WEBVTT\n', range: { first: 0, last: 1 }, profile: 'subtitles' });
    expect(await job.status()).toEqual(replies['align:status']);
    await job.cancel();
    expect(calls).toEqual([
      ['align:start', { id: 'doc-3', media, text: 'WEBVTT\n', range: { first: 0, last: 1 }, profile: 'subtitles' }],
      ['align:status', { job: 'align-7' }],
      ['align:cancel', { job: 'align-7' }],
    ]);
    replies['align:status'] = { status: 'running', progress: 2 };
    await expect(job.status()).rejects.toThrow();
    replies['align:start'] = { job: 'not-a-job' };
    const end = await runAlignment(alignOverIpc(invoke, 'doc-3', media), { text: '' }, () => {}, new AbortController().signal);
    expect(end.status).toBe('error');
  });
});
