import { describe, expect, it } from 'vitest';
import { parseVtt } from '../../../shared/formats/vtt/parser';
import { dragTimes, type DragInput } from './cue-drag';

const cues = parseVtt('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na\n\n00:00:02.000 --> 00:00:03.000\nb\n\n00:00:04.000 --> 00:00:05.000\nc\n').cues;
const at = (i: number) => cues[i]!.range.from;
const drag = (over: Partial<DragInput>) => dragTimes({ cues, at: at(0), part: 'end', origin: 2, pointer: 2, alone: false, snap: null, duration: 10, ...over });

describe('cue drags', () => {
  it('moves a boundary shared with the next cue on both cues, or only this one with Alt', () => {
    expect(drag({ pointer: 2.25 })).toEqual(new Map([[at(0), { start: 1, end: 2.25 }], [at(1), { start: 2.25, end: 3 }]]));
    expect(drag({ pointer: 2.25, alone: true })).toEqual(new Map([[at(0), { start: 1, end: 2.25 }]]));
  });

  it('never lets an edge cross the other (a cue never ends before it starts)', () => {
    expect(drag({ at: at(2), part: 'end', origin: 5, pointer: 1 }).get(at(2))).toEqual({ start: 4, end: 4 });
    expect(drag({ at: at(2), part: 'start', origin: 4, pointer: 9 }).get(at(2))).toEqual({ start: 5, end: 5 });
  });

  it('moves the whole cue by its body, not before 0; snaps to silence with the snap function', () => {
    expect(drag({ at: at(2), part: 'body', origin: 4.5, pointer: 5 }).get(at(2))).toEqual({ start: 4.5, end: 5.5 });
    expect(drag({ at: at(0), part: 'body', origin: 1.5, pointer: 0 }).get(at(0))).toEqual({ start: 0, end: 1 });
    expect(drag({ at: at(2), part: 'start', origin: 4, pointer: 3.6, snap: () => 3.5 }).get(at(2))).toEqual({ start: 3.5, end: 5 });
  });

  it('names cues by position: a position that is no cue start moves nothing', () => {
    expect(drag({ at: at(1) + 1 }).size).toBe(0);
  });
});
