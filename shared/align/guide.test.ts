import { describe, expect, it } from 'vitest';
import { repairBand } from './dtw';
import { clampToCorridor, corridorFor } from './guide';

describe('corridorFor: when a path is held to the given times', () => {
  it('agrees when every cue starts near its given time (jitter is not a slip)', () => {
    const verdict = corridorFor([0.4, -1.2, 0.9, -0.3, 1.5, -1.4, 0.2, 0.7]);
    expect(verdict).not.toBe('unreliable');
    expect('agrees' in (verdict as object)).toBe(true);
  });

  it('holds the path when a few cues are far from times the rest agree with', () => {
    const verdict = corridorFor([0.02, -0.02, -0.04, -0.25, -0.08, -20.04, -19.71, -4.35, -0.03, -0.04, -0.18, -0.04]);
    expect(verdict).toEqual({ shift: expect.closeTo(-0.04, 2) as number, tolerance: 2 });
  });

  it('a common offset is the shift, not an outlier', () => {
    const verdict = corridorFor([3.0, 3.1, 2.9, 3.05, 2.95, 30, 3.0, 3.02]);
    expect(verdict).toMatchObject({ shift: expect.closeTo(3.01, 1) as number });
    expect('agrees' in (verdict as object)).toBe(false);
  });

  it('calls the times unreliable when many cues are far off, or there are too few to tell', () => {
    expect(corridorFor([0, 0.1, 0, -0.1, 0, 0.05, 20, 25, 30])).toBe('unreliable');
    expect(corridorFor([0, 0, 30])).toBe('unreliable');
  });

  it('times scattered everywhere hold nothing (their spread is the tolerance)', () => {
    const verdict = corridorFor([0, 0, 0, 0, 25, 30, -40, 50]);
    expect(verdict).toMatchObject({ agrees: true });
  });
});

describe('clampToCorridor', () => {
  it('keeps each anchor column out of rows before its window and forces it after', () => {
    const rows = 100;
    const cols = 50;
    const lo = new Int32Array(rows).fill(0);
    const hi = new Int32Array(rows).fill(cols - 1);
    // Anchor: column 20 starts at 5.0 s; rows are 0.1 s; tolerance 1 s.
    clampToCorridor(lo, hi, [{ ref: 5, column: 20 }], { shift: 0, tolerance: 1 }, 0.1);
    const band = repairBand(lo, hi, cols);
    for (let i = 0; i < 40; i++) expect(band.hi[i]).toBeLessThan(20);
    for (let i = 61; i < rows; i++) expect(band.lo[i]).toBeGreaterThanOrEqual(20);
    // Inside the window the column may be reached.
    expect(band.hi[50]).toBeGreaterThanOrEqual(20);
    expect(band.lo[50]).toBeLessThanOrEqual(20);
  });

  it('moves the window by the shift', () => {
    const lo = new Int32Array(100).fill(0);
    const hi = new Int32Array(100).fill(49);
    clampToCorridor(lo, hi, [{ ref: 5, column: 20 }], { shift: 2, tolerance: 1 }, 0.1);
    expect(hi[59]).toBeLessThan(20);
    expect(lo[81]).toBeGreaterThanOrEqual(20);
  });
});
