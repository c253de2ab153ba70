import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatSrtTimestamp,
  formatTimestampMs,
  formatVttTimestamp,
  parseSrtTimestamp,
  parseVttTimestamp,
  scanTimestamp,
  VTT_SHORT_STYLE,
} from './timestamp';

describe('timestamps', () => {
  it('parses the WebVTT forms and rejects what the spec rejects', () => {
    expect(parseVttTimestamp('00:00:00.020')).toBe(0.02);
    expect(parseVttTimestamp('01:10:22.880')).toBe(4222.88);
    expect(parseVttTimestamp('12:34.567')).toBe(754.567);
    expect(parseVttTimestamp('123:00:00.000')).toBe(442_800);
    expect(parseVttTimestamp('1:00:00.000')).toBe(3600); // one digit: the spec reads hours
    for (const bad of ['00:61:00.000', '00:00:60.000', '61:00.000', '00:00.00', '00:00,000', '0:00.000', '', 'x']) {
      expect(parseVttTimestamp(bad)).toBeNull();
    }
    const r = scanTimestamp('00:61:00.000', 0);
    expect(r).toEqual({ ok: false, at: 3, message: 'minutes must be 00–59, got 61' });
  });

  it('reports the shape it saw', () => {
    const r = scanTimestamp('x 12:34.567 -->', 2);
    expect(r.ok && [r.ms, r.end, r.style.hours]).toEqual([754_567, 11, false]);
  });

  it('SRT: comma, tolerant of dot and short fractions', () => {
    expect(parseSrtTimestamp('00:01:02,500')).toBe(62.5);
    expect(parseSrtTimestamp('0:01:02.5')).toBe(62.5);
    expect(formatSrtTimestamp(3723.004)).toBe('01:02:03,004');
  });

  it('formats keeping the style; hours appear when needed', () => {
    expect(formatVttTimestamp(0.02)).toBe('00:00:00.020');
    expect(formatVttTimestamp(754.567, VTT_SHORT_STYLE)).toBe('12:34.567');
    expect(formatVttTimestamp(3600, VTT_SHORT_STYLE)).toBe('01:00:00.000');
    expect(formatTimestampMs(1, { hours: true, hourDigits: 3, fraction: '.' })).toBe('000:00:00.001');
  });

  it('avoids float drift: parse(format(ms)) is ms for any ms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * 3_600_000 }), (ms) => {
        expect(Math.round(parseVttTimestamp(formatTimestampMs(ms))! * 1000)).toBe(ms);
        expect(parseVttTimestamp(formatVttTimestamp(ms / 1000))).toBe(ms / 1000);
      }),
    );
  });

  it('clock for TXT exports floors to the second', () => {
    expect(formatClock(4221.999, { hours: 'always' })).toBe('01:10:21');
    expect(formatClock(6.9, { hours: 'auto' })).toBe('0:06');
    expect(formatClock(6.9, { hours: 'auto', minuteDigits: 2 })).toBe('00:06');
    expect(formatClock(3725, { hours: 'auto' })).toBe('1:02:05');
  });
});
