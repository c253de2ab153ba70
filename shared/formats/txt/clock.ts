/**
 * Plain clocks as transcripts on web pages and in podcast repos write them: `HH:MM:SS`,
 * `H:MM:SS`, `MM:SS`, `M:SS`. Scanned by hand (no regex) since every line of a
 * 4,000-entry file is tested.
 */
export interface ScannedClock {
  seconds: number;
  /** Offset just past the clock. */
  end: number;
  /** Three fields with a two-digit hours field (`00:01:15`), the talkpython repo shape. */
  hms: boolean;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Reads a clock at `pos`; null when there is none or a field is out of range. */
export function scanClock(text: string, pos: number, end: number = text.length): ScannedClock | null {
  const fields: number[] = [];
  const widths: number[] = [];
  let p = pos;
  for (;;) {
    const s = p;
    let v = 0;
    while (p < end && isDigit(text.charCodeAt(p)) && p - s < 3) v = v * 10 + text.charCodeAt(p++) - 48;
    if (p === s) return null;
    fields.push(v);
    widths.push(p - s);
    if (fields.length < 3 && p < end && text.charCodeAt(p) === 58 && p + 1 < end && isDigit(text.charCodeAt(p + 1))) {
      p++;
      continue;
    }
    break;
  }
  if (p < end && isDigit(text.charCodeAt(p))) return null;
  if (fields.length < 2) return null;
  for (let i = 1; i < fields.length; i++) if (widths[i] !== 2 || fields[i]! > 59) return null;
  if (widths[0]! > 2) return null;
  const seconds = fields.length === 3 ? (fields[0]! * 60 + fields[1]!) * 60 + fields[2]! : fields[0]! * 60 + fields[1]!;
  return { seconds, end: p, hms: fields.length === 3 && widths[0] === 2 };
}
