/**
 * Timestamps of WebVTT (`HH:MM:SS.mmm`, `MM:SS.mmm`), SRT (`HH:MM:SS,mmm`) and plain
 * clocks (`HH:MM:SS`, `M:SS`) for TXT exports. Times travel as integer milliseconds
 * inside this module so repeated parse/format never drifts; the public model uses
 * seconds rounded to the millisecond (`msToSeconds`/`secondsToMs`).
 */

/** How a timestamp was written, so an edit can rewrite it in the same shape. */
export interface TimestampStyle {
  /** Whether an hours field was written (`01:02:03.000` vs `02:03.000`). */
  hours: boolean;
  /** Digits written for the hours field (WebVTT allows 2 or more; we keep what we saw). */
  hourDigits: number;
  /** `.` for WebVTT, `,` for SRT. */
  fraction: '.' | ',';
}

export const VTT_STYLE: TimestampStyle = { hours: true, hourDigits: 2, fraction: '.' };
export const VTT_SHORT_STYLE: TimestampStyle = { hours: false, hourDigits: 0, fraction: '.' };
export const SRT_STYLE: TimestampStyle = { hours: true, hourDigits: 2, fraction: ',' };

export interface ScannedTimestamp {
  ok: true;
  ms: number;
  /** Offset just past the timestamp. */
  end: number;
  style: TimestampStyle;
}

export interface TimestampError {
  ok: false;
  /** Offset where the problem was found. */
  at: number;
  message: string;
}

const ZERO = 48;
const COLON = 58;
const DOT = 46;
const COMMA = 44;

function fail(at: number, message: string): TimestampError {
  return { ok: false, at, message };
}

function styleOf(hours: boolean, hourDigits: number, sep: number): TimestampStyle {
  // Shared constants for the common shapes: parsing 8,000 timestamps allocates no styles.
  if (sep === COMMA) return hours && hourDigits === 2 ? SRT_STYLE : { hours, hourDigits, fraction: ',' };
  if (!hours) return VTT_SHORT_STYLE;
  return hourDigits === 2 ? VTT_STYLE : { hours, hourDigits, fraction: '.' };
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= 57;
}

/**
 * Collects a timestamp at `pos` following the WebVTT "collect a WebVTT timestamp"
 * steps: a first field of other than two digits, or above 59, means hours; minutes and
 * seconds are two digits and at most 59; the fraction is exactly three digits.
 * `fraction` selects the separator (`,` for SRT); `lenient` (SRT only) also accepts
 * the other separator and 1–3 fraction digits, as real SRT files vary.
 */
export function scanTimestamp(
  text: string,
  pos: number,
  end: number = text.length,
  fraction: '.' | ',' = '.',
  lenient = false,
): ScannedTimestamp | TimestampError {
  let p = pos;
  if (p >= end || !isDigit(text.charCodeAt(p))) return fail(p, 'expected a timestamp');
  let v1 = 0;
  const s1 = p;
  while (p < end && isDigit(text.charCodeAt(p))) v1 = v1 * 10 + text.charCodeAt(p++) - ZERO;
  const len1 = p - s1;
  let hoursFirst = len1 !== 2 || v1 > 59;
  if (p >= end || text.charCodeAt(p) !== COLON) return fail(p, "expected ':' in timestamp");
  p++;
  if (p >= end || !isDigit(text.charCodeAt(p))) return fail(p, 'expected two digits after ":"');
  const s2 = p;
  let v2 = 0;
  while (p < end && isDigit(text.charCodeAt(p))) v2 = v2 * 10 + text.charCodeAt(p++) - ZERO;
  if (p - s2 !== 2) return fail(s2, 'minutes and seconds must have exactly two digits');
  let hours = 0;
  let minutes: number;
  let seconds: number;
  let minutesAt: number;
  let secondsAt: number;
  if (hoursFirst || (p < end && text.charCodeAt(p) === COLON)) {
    if (p >= end || text.charCodeAt(p) !== COLON) return fail(p, "expected ':' before seconds");
    p++;
    if (p >= end || !isDigit(text.charCodeAt(p))) return fail(p, 'expected two digits of seconds');
    const s3 = p;
    let v3 = 0;
    while (p < end && isDigit(text.charCodeAt(p))) v3 = v3 * 10 + text.charCodeAt(p++) - ZERO;
    if (p - s3 !== 2) return fail(s3, 'seconds must have exactly two digits');
    hours = v1;
    minutes = v2;
    seconds = v3;
    minutesAt = s2;
    secondsAt = s3;
    hoursFirst = true;
  } else {
    minutes = v1;
    seconds = v2;
    minutesAt = s1;
    secondsAt = s2;
  }
  const sep = p < end ? text.charCodeAt(p) : -1;
  const wanted = fraction === '.' ? DOT : COMMA;
  if (sep !== wanted && !(lenient && (sep === DOT || sep === COMMA))) {
    return fail(p, `expected '${fraction}' and three digits of milliseconds`);
  }
  p++;
  const s4 = p;
  let v4 = 0;
  while (p < end && isDigit(text.charCodeAt(p))) v4 = v4 * 10 + text.charCodeAt(p++) - ZERO;
  const len4 = p - s4;
  if (lenient ? len4 < 1 || len4 > 3 : len4 !== 3) return fail(s4, 'milliseconds must have exactly three digits');
  if (len4 === 1) v4 *= 100;
  else if (len4 === 2) v4 *= 10;
  if (minutes > 59) return fail(minutesAt, `minutes must be 00–59, got ${pad(minutes, 2)}`);
  if (seconds > 59) return fail(secondsAt, `seconds must be 00–59, got ${pad(seconds, 2)}`);
  return {
    ok: true,
    ms: ((hours * 60 + minutes) * 60 + seconds) * 1000 + v4,
    end: p,
    style: styleOf(hoursFirst, hoursFirst ? len1 : 0, sep),
  };
}

/** Parses a whole string as a WebVTT timestamp; returns seconds or null. */
export function parseVttTimestamp(text: string): number | null {
  const r = scanTimestamp(text, 0, text.length, '.');
  return r.ok && r.end === text.length ? msToSeconds(r.ms) : null;
}

/** Parses a whole string as an SRT timestamp (`00:01:02,500`; `.` tolerated); seconds or null. */
export function parseSrtTimestamp(text: string): number | null {
  const r = scanTimestamp(text, 0, text.length, ',', true);
  return r.ok && r.end === text.length ? msToSeconds(r.ms) : null;
}

/** Latest time the writers emit (~317 years): beyond 2^53 ms, `end = start + 1` could not hold. */
export const MAX_TIMESTAMP_MS = 10_000_000_000_000;

export function secondsToMs(seconds: number): number {
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 0;
}

export function msToSeconds(ms: number): number {
  return ms / 1000;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

/**
 * Formats integer milliseconds in `style`. A style without hours gains them (two
 * digits) when the time is an hour or more, since `MM:SS.mmm` cannot express it.
 */
export function formatTimestampMs(ms: number, style: TimestampStyle = VTT_STYLE): string {
  const total = Math.max(0, Math.round(ms));
  const millis = total % 1000;
  const totalSeconds = (total - millis) / 1000;
  const seconds = totalSeconds % 60;
  const totalMinutes = (totalSeconds - seconds) / 60;
  const minutes = totalMinutes % 60;
  const hours = (totalMinutes - minutes) / 60;
  const tail = `${pad2(minutes)}:${pad2(seconds)}${style.fraction}${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}`;
  if (!style.hours && hours === 0) return tail;
  return `${style.hourDigits <= 2 ? pad2(hours) : pad(hours, style.hourDigits)}:${tail}`;
}

/** `HH:MM:SS.mmm` (or `MM:SS.mmm` when `style` has no hours and the time is under an hour). */
export function formatVttTimestamp(seconds: number, style: TimestampStyle = VTT_STYLE): string {
  return formatTimestampMs(secondsToMs(seconds), style);
}

/** `HH:MM:SS,mmm`. */
export function formatSrtTimestamp(seconds: number): string {
  return formatTimestampMs(secondsToMs(seconds), SRT_STYLE);
}

export interface ClockOptions {
  /** 'always': `HH:MM:SS`; 'auto': `M:SS` under an hour, `H:MM:SS` from one hour on. */
  hours: 'always' | 'auto';
  /** Minimum digits of the leading minutes field in 'auto' mode (`0:06` vs `00:06`); default 1. */
  minuteDigits?: 1 | 2;
}

/** A clock for TXT exports; seconds are floored (the entry starts within that second). */
export function formatClock(seconds: number, options: ClockOptions): string {
  const total = Math.floor(secondsToMs(seconds) / 1000);
  const s = total % 60;
  const totalMinutes = (total - s) / 60;
  const m = totalMinutes % 60;
  const h = (totalMinutes - m) / 60;
  if (options.hours === 'always') return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}`;
  if (h > 0) return `${h}:${pad(m, 2)}:${pad(s, 2)}`;
  return `${pad(m, options.minuteDigits ?? 1)}:${pad(s, 2)}`;
}
