import { describe, expect, it } from 'vitest';
import { downsamplePairs } from './peak-accumulator';

describe('downsamplePairs', () => {
  it('keeps the min of mins and the max of maxes of each group, the last group short', () => {
    const pairs = Int8Array.from([-1, 2, -5, 3, 0, 9, -7, 1, -2, 2]);
    expect([...downsamplePairs(pairs, 5, 2)]).toEqual([-5, 3, -7, 9, -2, 2]);
    expect([...downsamplePairs(pairs, 4, 4)]).toEqual([-7, 9]);
    expect([...downsamplePairs(pairs, 0, 3)]).toEqual([]);
  });
});
