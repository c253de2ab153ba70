/**
 * The waveform's pure parts in Node: which cues a time window draws, zoom limits, and
 * the peaks stream against the real main-process peaks service and a real MP3.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseVtt } from '../../../shared/formats/vtt/parser';
import { SessionPeaks } from '../../../electron/services/audio/session-peaks';
import { decodePeaks } from '../../../electron/services/audio/decode-peaks';
import { cuesInWindow, indexCues, reindexCues } from './cue-window';
import { clampPxPerSec, MAX_SCROLL_WIDTH, zoomStep } from './zoom';
import { mediaTokenOf, streamPeaks, toWaveSurferChannel, type PeaksState } from './peaks-stream';
import { fixture } from '../../test/fixtures';

const VTT = fixture.vtt515;
const AUDIO = fixture.audio515;

describe('reindexCues', () => {
  it('reuses the index while every cue keeps its times, and rebuilds it when one moves', () => {
    const cues = [{ start: 0, end: 2 }, { start: 1, end: 5 }, { start: 3, end: 4 }];
    const index = indexCues(cues);
    const typed = cues.map((c) => ({ ...c }));
    const kept = reindexCues(index, typed);
    expect(kept.maxEnd).toBe(index.maxEnd);
    expect(kept.cues).toBe(typed);
    const moved = reindexCues(index, [cues[0]!, { start: 1, end: 9 }, cues[2]!]);
    expect([...moved.maxEnd]).toEqual([2, 9, 9]);
    expect(cuesInWindow(moved, 6, 7)).toEqual([1]);
  });
});

describe('cuesInWindow', () => {
  const cues = parseVtt(readFileSync(VTT, 'utf8')).cues;
  const index = indexCues(cues);
  const scan = (from: number, to: number) => cues.flatMap((c, i) => (c.end >= from && c.start <= to ? [i] : []));

  it('finds exactly the cues a linear scan finds, on the real episode (with its overlapping cues)', () => {
    fc.assert(fc.property(fc.double({ min: -10, max: 4300, noNaN: true }), fc.double({ min: 0, max: 400, noNaN: true }), (from, span) => {
      expect(cuesInWindow(index, from, from + span)).toEqual(scan(from, from + span));
    }));
  });

  it('handles cues out of start order by scanning', () => {
    const shuffled = [{ start: 10, end: 12 }, { start: 1, end: 3 }, { start: 5, end: 6 }];
    expect(cuesInWindow(indexCues(shuffled), 2, 5.5)).toEqual([1, 2]);
  });
});

describe('zoom', () => {
  it('keeps a 3-hour file under Chromium\'s scroll-width limit and never below fitting the view', () => {
    const duration = 3 * 3600;
    const max = clampPxPerSec(1e6, duration, 1200);
    expect(max * duration + 1200).toBeLessThanOrEqual(MAX_SCROLL_WIDTH);
    expect(clampPxPerSec(0.0001, duration, 1200)).toBeCloseTo(1200 / duration);
    expect(zoomStep(50, 1, duration, 1200)).toBeCloseTo(62.5);
    expect(zoomStep(50, -1, duration, 1200)).toBeCloseTo(40);
  });
});

describe('peaks stream', () => {
  it('reads the token from an audio URL', () => {
    expect(mediaTokenOf('app://cueline/media/0123456789abcdef0123456789abcdef')).toBe('0123456789abcdef0123456789abcdef');
    expect(mediaTokenOf('http://127.0.0.1:5000/index.html')).toBeNull();
  });

  it('pads partial peaks with silence so they are drawn at their true times', () => {
    const channel = toWaveSurferChannel(new Int8Array([-127, 127, -64, 64, 0, 0]), 2, 5);
    expect(Array.from(channel)).toEqual(Array.from(new Float32Array([-1, 1, -64 / 127, 64 / 127, 0, 0, 0, 0, 0, 0])));
  });

  it('assembles the same peaks the decoder computes, through the IPC shape (base64) of the real service', async () => {
    const peaks = new SessionPeaks({ cacheDir: mkdtempSync(join(tmpdir(), 'cueline-stream-')) });
    const token = 'ab'.repeat(16);
    peaks.openAudio(token, AUDIO);
    const updates: PeaksState[] = [];
    try {
      await streamPeaks(token, (m, from) => peaks.read(m, from), (s) => updates.push({ ...s, pairs: s.pairs.slice() }), new AbortController().signal);
    } finally {
      peaks.dispose();
    }
    const last = updates.at(-1)!;
    expect(last.status).toBe('done');
    const direct = await decodePeaks(AUDIO);
    expect(last.pairs.subarray(0, 2 * last.count)).toEqual(direct.pairs);
    expect(last.sampleRate).toBe(22050);
  });
});
