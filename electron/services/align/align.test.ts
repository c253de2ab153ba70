/**
 * Alignment accuracy on real speech in a voice the aligner never synthesizes (flite; the
 * aligner speaks with eSpeak), one case per shape of transcript: start error figures
 * (median, p90, max) against where speech really starts, asserted against the issue's
 * goals. The audio has noise in its gaps and is the same every run (test-speech.ts).
 * Each case runs the CLI as a user would, on files in a temp dir, but the one-word
 * replies, which run the alignment as the bench does (cue texts alone, no times).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIO } from '../../cli/io';
import { run } from '../../cli/commands/align';
import { runAlign } from './run-align';
import { episodeCues, episodeStretch, figures, firstWordErrors, speak, vttOf, type ErrorFigures, type SpokenCue } from './test-speech';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cueline-align-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JsonOut {
  cues: { start: number; end: number; text: string; words: { text: string; start: number; end: number }[] }[];
  notes: string[];
}

async function alignJson(input: string, content: string, wav: string): Promise<{ json: JsonOut; err: string }> {
  writeFileSync(join(dir, input), content);
  const io = captureIO(dir);
  const code = await run([input, wav, '--to', 'json', '-o', `${input}.json`], io);
  expect(code, io.err).toBe(0);
  return { json: JSON.parse(readFileSync(join(dir, `${input}.json`), 'utf8')) as JsonOut, err: io.err };
}

function report(name: string, f: ErrorFigures): void {
  console.log(`align accuracy ${name}: n=${f.count} median ${(f.median * 1000).toFixed(0)} ms, p90 ${(f.p90 * 1000).toFixed(0)} ms, max ${(f.max * 1000).toFixed(0)} ms`);
}

/** The goals: median <= 20 ms, p90 <= 100 ms, max <= 500 ms. */
function expectGoals(f: ErrorFigures): void {
  expect(f.median).toBeLessThanOrEqual(0.02);
  expect(f.p90).toBeLessThanOrEqual(0.1);
  expect(f.max).toBeLessThanOrEqual(0.5);
}

const cues = episodeCues(95);

describe('align on unseen-voice speech', () => {
  it('untimed prose: sentences cut from paragraphs land on the speech', async () => {
    const { wav, truth } = speak(dir, 'prose', cues);
    const prose = cues.map((c, k) => c.text + (k % 4 === 3 ? '\n\n' : ' ')).join('');
    const { json } = await alignJson('prose.txt', prose, wav);
    const f = figures(firstWordErrors(json.cues, truth));
    report('untimed prose', f);
    expectGoals(f);
  });

  it('unspoken chrome lines stay NOTEs and do not pull the speech', async () => {
    const { wav, truth } = speak(dir, 'chrome', cues);
    const half = Math.floor(cues.length / 2);
    const speech = (from: number, to: number) => cues.slice(from, to).map((c) => c.text).join(' ');
    // Page furniture at the top, in the middle and at the bottom, none of it spoken.
    const page = `← Back to Show Notes\n\nEpisode Transcription\n\n${speech(0, half)}\n\nSupport the Show\n\n${speech(half, cues.length)}\n\nBack to show page`;
    const { json } = await alignJson('chrome.txt', page, wav);
    expect(json.notes).toEqual(['← Back to Show Notes', 'Episode Transcription', 'Support the Show', 'Back to show page']);
    const f = figures(firstWordErrors(json.cues, truth));
    report('unspoken chrome lines', f);
    expectGoals(f);
  });

  it('Otter-like blocks: block starts are anchors, sentences are re-cut', async () => {
    const { wav, truth } = speak(dir, 'otter', cues);
    let page = '';
    for (let k = 0; k < cues.length; k += 3) {
      const block = cues.slice(k, k + 3);
      const at = Math.floor(block[0]!.start);
      page += `${k % 2 ? 'Michael Kennedy' : 'Mason Egger'} ${Math.floor(at / 60)}:${String(at % 60).padStart(2, '0')}\n${block.map((c) => c.text).join(' ')}\n\n`;
    }
    const { json } = await alignJson('otter.txt', page, wav);
    const f = figures(firstWordErrors(json.cues, truth));
    report('Otter-like blocks', f);
    expectGoals(f);
  });

  it('5-second MM:SS chunks cut mid-sentence', async () => {
    const { wav, truth } = speak(dir, 'mmss', cues);
    // Words spread evenly over each cue's real speech: a chunk starts every ~5 s, mid-sentence.
    const words = truth.flatMap((t) => {
      const list = t.text.split(/\s+/).filter(Boolean);
      return list.map((w, i) => ({ w, at: t.start + ((t.end - t.start) * i) / list.length }));
    });
    let page = '';
    for (let i = 0; i < words.length; ) {
      const from = words[i]!.at;
      let j = i;
      while (j < words.length && words[j]!.at < from + 5) j++;
      const s = Math.floor(from);
      page += `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')} ${words.slice(i, j).map((x) => x.w).join(' ')}\n\n`;
      i = j;
    }
    const { json } = await alignJson('mmss.txt', page, wav);
    const f = figures(firstWordErrors(json.cues, truth));
    report('5-second chunks', f);
    expectGoals(f);
  });

  it('a drifted VTT (x1.03, +2.5 s, ±1.5 s jitter) keeps its cues and gets the real times back', async () => {
    const { wav, truth } = speak(dir, 'drift', cues);
    // A fixed jitter pattern within ±1.5 s (no randomness: the test is the same every run).
    const jitter = [1.5, -1.2, 0.4, -1.5, 0.9, -0.3, 1.1, -0.8, 0.2, -1.4, 1.3, -0.6, 0.7, -1.0, 0.1, 1.5, -0.2, 0.5];
    const drifted: SpokenCue[] = cues.map((c, k) => ({ text: c.text, start: Math.max(0, c.start * 1.03 + 2.5 + jitter[k % jitter.length]!), end: 0 }));
    drifted.forEach((c, k) => (c.end = Math.max(c.start + 0.5, (drifted[k + 1]?.start ?? c.start + 5) - 0.1)));
    const { json } = await alignJson('drift.vtt', vttOf(drifted), wav);
    expect(json.cues.map((c) => c.text)).toEqual(cues.map((c) => c.text));
    const f = figures(json.cues.map((c, k) => c.start - truth[k]!.start));
    report('drift x1.03 +2.5 s ±1.5 s', f);
    expectGoals(f);
  });

  it('a sentence spoken but missing from the text is skipped', async () => {
    const { wav, truth } = speak(dir, 'missing', cues);
    const kept = cues.filter((_, k) => k !== 6);
    const { json } = await alignJson('missing.vtt', vttOf(kept), wav);
    expect(json.cues).toHaveLength(kept.length);
    const f = figures(json.cues.map((c, k) => c.start - truth[k >= 6 ? k + 1 : k]!.start));
    report('sentence missing from the text', f);
    // The orphan sentence is followed by 15 s of pause: without the given times the words
    // after it slip onto it and catch up in the pause, every cue between a whole cue early.
    expectGoals(f);
  });

  it('one-word replies between long cues, after long pauses, land on their own speech', async () => {
    // 16:40-18:20 of the episode: "Interesting.", 1.6 s of pause, "No." "Okay." "It was on
    // X.", "I miss Twitter." "I do too." "And, you know,", fragments and 4-second
    // sentences. The fine path put "No." and "I do too." on the pause before them and gave
    // their speech to the cue after (-1.6 s and -0.7 s, the next cue ~0.45 s early). The
    // cues are given as the bench gives them, 1:1 and without times, so each is its own
    // unit (prose would be re-cut into sentences).
    const stretch = episodeStretch(1000, 1100);
    const { wav, truth } = speak(dir, 'replies', stretch);
    const { units } = await runAlign({ audioPath: wav, cues: stretch.map((c) => ({ text: c.text, anchor: null })), anchorKind: 'none' });
    expect(units).toHaveLength(truth.length);
    const f = figures(units.map((u, k) => u.start - truth[k]!.start));
    report('one-word replies between long cues', f);
    expectGoals(f);
  });

  it('a sentence in the text but not in the audio is flagged and does not drag its neighbours', async () => {
    const spoken = cues.filter((_, k) => k !== 5);
    const { wav, truth } = speak(dir, 'extra', spoken);
    const hallucinated = cues.map((c, k) => (k === 5 ? { ...c, text: 'you The fish foods workshop.' } : c));
    const { json, err } = await alignJson('extra.vtt', vttOf(hallucinated), wav);
    expect(err).toMatch(/extra\.vtt\.json:\d+:1: warning: cue 6 was not found in the audio/);
    const others = json.cues.filter((_, k) => k !== 5);
    const f = figures(others.map((c, k) => c.start - truth[k]!.start));
    report('sentence not in the audio (neighbours)', f);
    expectGoals(f);
    // The flagged cue sits between its neighbours.
    expect(json.cues[5]!.start).toBeGreaterThanOrEqual(json.cues[4]!.end - 0.001);
    expect(json.cues[5]!.end).toBeLessThanOrEqual(json.cues[6]!.start + 0.001);
  });
});
