/**
 * Character references in cue text. The WebVTT tokenizer defers to HTML's full table
 * (2,231 names); cue text in practice uses the handful WebVTT's syntax names plus a few
 * typographic ones, so we carry those and all numeric forms rather than the whole table.
 * An unknown name stays literal text, exactly as HTML leaves it.
 */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
  hellip: '\u2026',
  mdash: '\u2014',
  ndash: '\u2013',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  shy: '\u00ad',
  zwj: '\u200d',
  zwnj: '\u200c',
  eacute: '\u00e9',
  egrave: '\u00e8',
  aacute: '\u00e1',
  agrave: '\u00e0',
  ccedil: '\u00e7',
  uuml: '\u00fc',
  ouml: '\u00f6',
  auml: '\u00e4',
  szlig: '\u00df',
  ntilde: '\u00f1',
  euro: '\u20ac',
  pound: '\u00a3',
  deg: '\u00b0',
  times: '\u00d7',
  middot: '\u00b7',
  bull: '\u2022',
  laquo: '\u00ab',
  raquo: '\u00bb',
};

export interface CharacterReference {
  /** Decoded text. */
  value: string;
  /** Offset just past the reference (after `;` when present). */
  end: number;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Decodes the reference whose `&` is at `amp`; null when it is not one (a literal `&`). */
export function consumeCharacterReference(text: string, amp: number, end: number): CharacterReference | null {
  let p = amp + 1;
  if (p < end && text.charCodeAt(p) === 35 /* # */) {
    p++;
    const hex = p < end && (text.charCodeAt(p) | 32) === 120; /* x */
    if (hex) p++;
    const digitsFrom = p;
    let code = 0;
    for (; p < end; p++) {
      const c = text.charCodeAt(p);
      let d: number;
      if (c >= 48 && c <= 57) d = c - 48;
      else if (hex && (c | 32) >= 97 && (c | 32) <= 102) d = (c | 32) - 87;
      else break;
      code = Math.min(code * (hex ? 16 : 10) + d, 0x110000);
    }
    if (p === digitsFrom) return null;
    if (p < end && text.charCodeAt(p) === 59) p++;
    // HTML maps NUL, surrogates and out-of-range code points to U+FFFD.
    const valid = code > 0 && code < 0x110000 && !(code >= 0xd800 && code <= 0xdfff);
    return { value: valid ? String.fromCodePoint(code) : '\ufffd', end: p };
  }
  const nameFrom = p;
  while (p < end && isAlnum(text.charCodeAt(p))) p++;
  if (p === nameFrom || p >= end || text.charCodeAt(p) !== 59 /* ; */) return null;
  const value = NAMED[text.slice(nameFrom, p)];
  return value === undefined ? null : { value, end: p + 1 };
}

/** Decodes every known reference in `text[from, to)`. */
export function decodeCharacterReferences(text: string, from = 0, to = text.length): string {
  let amp = text.indexOf('&', from);
  if (amp === -1 || amp >= to) return text.slice(from, to);
  let out = '';
  let pos = from;
  while (amp !== -1 && amp < to) {
    const ref = consumeCharacterReference(text, amp, to);
    if (ref) {
      out += text.slice(pos, amp) + ref.value;
      pos = ref.end;
    }
    amp = text.indexOf('&', ref ? ref.end : amp + 1);
  }
  return out + text.slice(pos, to);
}
