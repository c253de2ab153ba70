import { describe, expect, it } from 'vitest';
import { formatRulerTime, labelsInView, rulerScale } from './time-ruler-scale';

describe('time ruler scale', () => {
  it('labels at round steps at least 70 px apart, finer as the zoom grows', () => {
    expect(rulerScale(50)).toEqual({ labelStep: 2, notchStep: 0.5 });
    expect(rulerScale(800).labelStep).toBe(0.1);
    expect(rulerScale(0.1).labelStep).toBe(900);
    let previous = Infinity;
    for (let px = 0.05; px < 2000; px *= 1.25) {
      const { labelStep, notchStep } = rulerScale(px);
      expect(labelStep * px).toBeGreaterThanOrEqual(70);
      expect(labelStep).toBeLessThanOrEqual(previous);
      expect(Math.abs(labelStep / notchStep - Math.round(labelStep / notchStep))).toBeLessThan(1e-9);
      previous = labelStep;
    }
  });

  it('places only the labels of the view, whatever the file length', () => {
    const { first, last } = labelsInView(10_000, 10_020, 2);
    expect(last - first).toBeLessThanOrEqual(13);
    expect(first * 2).toBeLessThanOrEqual(10_000);
    expect(last * 2).toBeGreaterThanOrEqual(10_020);
  });

  it('formats m:ss, h:mm:ss past an hour, with the decimals the step needs', () => {
    expect(formatRulerTime(65, 5)).toBe('1:05');
    expect(formatRulerTime(3 * 3600 + 62, 60)).toBe('3:01:02');
    expect(formatRulerTime(12.5, 0.5)).toBe('0:12.5');
    expect(formatRulerTime(7.25, 0.05)).toBe('0:07.25');
  });
});
