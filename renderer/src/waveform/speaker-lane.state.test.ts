import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { laneBars, speakerLaneShown, speakerTurns, withSpeakerLane } from './speaker-lane';

const cue = (start: number, end: number, speaker: string | null = null) => ({ start, end, speaker });

describe('speaker lane', () => {
  it('joins runs of the same speaker into one turn, reaching the latest end among them', () => {
    const cues = [cue(0, 2, 'Ann'), cue(2, 5, 'Ann'), cue(4, 4.5, 'Ann'), cue(5, 6, 'Bob'), cue(6, 8, 'Ann')];
    expect(speakerTurns((i) => cues[i], [0, 1, 2, 3, 4])).toEqual([
      { speaker: 'Ann', start: 0, end: 5, cue: 0 },
      { speaker: 'Bob', start: 5, end: 6, cue: 3 },
      { speaker: 'Ann', start: 6, end: 8, cue: 4 },
    ]);
  });

  it('a cue without a speaker ends a turn and draws none; only the cues given (the window) count', () => {
    const cues = [cue(0, 1, 'Ann'), cue(1, 2), cue(2, 3, 'Ann'), cue(3, 4, 'Ann')];
    expect(speakerTurns((i) => cues[i], [0, 1, 2, 3]).map((t) => [t.start, t.end])).toEqual([[0, 1], [2, 4]]);
    expect(speakerTurns((i) => cues[i], [3])).toEqual([{ speaker: 'Ann', start: 3, end: 4, cue: 3 }]);
    // Indices that skip a cue do not join across it.
    expect(speakerTurns((i) => cues[i], [0, 2])).toHaveLength(2);
  });

  it('is hidden unless the settings show it, and the choice keeps the other settings', () => {
    expect(speakerLaneShown(DEFAULT_SETTINGS)).toBe(false);
    const shown = withSpeakerLane({ ...DEFAULT_SETTINGS, qaProfile: 'transcript' }, true);
    expect(speakerLaneShown(shown)).toBe(true);
    expect(shown.qaProfile).toBe('transcript');
    expect(speakerLaneShown(withSpeakerLane(shown, false))).toBe(false);
  });
});

describe('speaker lane bars', () => {
  const turn = (speaker: string, start: number, end: number) => ({ speaker, start, end, cue: 0 });

  it('places turns in view pixels, cut to the view', () => {
    expect(laneBars([turn('Ann', 8, 12), turn('Bob', 12, 30)], 10, 10, 100)).toEqual([
      { ...turn('Ann', 8, 12), left: 0, right: 20 },
      { ...turn('Bob', 12, 30), left: 20, right: 100 },
    ]);
  });

  it('zoomed out, narrow turns share slots of 2 px shown as who talks most there: never more bars than half the pixels', () => {
    const many = Array.from({ length: 3600 }, (_, i) => turn(i % 2 ? 'Ann' : 'Bob', i * 3, i * 3 + 3));
    // The whole 3 hours in 1,280 px: 0.36 px per turn.
    const bars = laneBars(many, 0, 1280 / 10_800, 1280);
    expect(bars.length).toBeLessThanOrEqual(640);
    expect(bars.at(-1)!.right).toBeCloseTo(1280, 6);
    expect(bars.at(-1)!.end).toBe(10_800);
    // Ann talks most in the first half, Bob in the second: two bars, one each.
    const halves = Array.from({ length: 3600 }, (_, i) => {
      const long = i % 2 === (i < 1800 ? 0 : 1);
      const start = Math.floor(i / 2) * 6 + (i % 2) * (i < 1800 ? 5 : 1);
      return turn(i % 2 ? 'Bob' : 'Ann', start, start + (long ? 5 : 1));
    }).sort((a, b) => a.start - b.start);
    expect(laneBars(halves, 0, 1280 / 10_800, 1280).map((b) => [b.speaker, Math.round(b.left), Math.round(b.right)])).toEqual([['Ann', 0, 640], ['Bob', 640, 1280]]);
    // Zoomed in, every turn is its own bar.
    expect(laneBars(many.slice(0, 10), 0, 50, 1280)).toHaveLength(9);
  });
});
