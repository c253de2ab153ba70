/**
 * Cue text markup: the WebVTT cue text tokenizer and tree builder (`<c>`, `<i>`, `<b>`,
 * `<u>`, `<ruby>`/`<rt>`, `<v>`, `<lang>`, timestamp tags, character references), the
 * speaker from the first `<v Name>`, and the plain text a reader sees.
 */
import { scanTimestamp, msToSeconds } from '../timestamp';
import { consumeCharacterReference, decodeCharacterReferences } from './entities';

export type CueTextToken =
  | { type: 'text'; value: string; from: number; to: number }
  | { type: 'start'; name: string; classes: string[]; annotation: string; from: number; to: number }
  | { type: 'end'; name: string; from: number; to: number }
  | { type: 'timestamp'; value: string; from: number; to: number };

export type CueTextNode =
  | { type: 'text'; value: string }
  | { type: 'timestamp'; seconds: number }
  | {
      type: 'c' | 'i' | 'b' | 'u' | 'ruby' | 'rt' | 'v' | 'lang';
      classes: string[];
      /** `<v>`: the speaker; `<lang>`: the language tag; otherwise ''. */
      annotation: string;
      children: CueTextNode[];
    };

const KNOWN_TAGS = new Set(['c', 'i', 'b', 'u', 'ruby', 'rt', 'v', 'lang']);

function isTagWhitespace(c: number): boolean {
  return c === 9 || c === 10 || c === 12 || c === 32 || c === 13;
}

/** Normalises an annotation as the spec does: trim, collapse whitespace runs to one space. */
function normaliseAnnotation(s: string): string {
  return s.trim().replace(/[\t\n\f\r ]+/g, ' ');
}

/**
 * Tokenizes `raw` following the spec's cue text tokenizer states (data, tag, start tag,
 * class, annotation, end tag, timestamp). Offsets are into `raw`.
 */
export function tokenizeCueText(raw: string): CueTextToken[] {
  const tokens: CueTextToken[] = [];
  const n = raw.length;
  let p = 0;
  while (p < n) {
    const from = p;
    if (raw.charCodeAt(p) !== 60 /* < */) {
      // Data state: text up to the next '<', with character references decoded.
      let lt = raw.indexOf('<', p);
      if (lt === -1) lt = n;
      tokens.push({ type: 'text', value: decodeCharacterReferences(raw, p, lt), from, to: lt });
      p = lt;
      continue;
    }
    p++;
    const c = p < n ? raw.charCodeAt(p) : -1;
    if (c === 47 /* / */) {
      const gt = raw.indexOf('>', p);
      const stop = gt === -1 ? n : gt;
      tokens.push({ type: 'end', name: raw.slice(p + 1, stop), from, to: gt === -1 ? n : gt + 1 });
      p = gt === -1 ? n : gt + 1;
      continue;
    }
    if (c >= 48 && c <= 57) {
      const gt = raw.indexOf('>', p);
      const stop = gt === -1 ? n : gt;
      tokens.push({ type: 'timestamp', value: raw.slice(p, stop), from, to: gt === -1 ? n : gt + 1 });
      p = gt === -1 ? n : gt + 1;
      continue;
    }
    // Start tag: name, then .class.class, then an optional whitespace-separated annotation.
    const nameFrom = p;
    while (p < n) {
      const d = raw.charCodeAt(p);
      if (d === 46 /* . */ || d === 62 /* > */ || isTagWhitespace(d)) break;
      p++;
    }
    const name = raw.slice(nameFrom, p);
    const classes: string[] = [];
    while (p < n && raw.charCodeAt(p) === 46) {
      const classFrom = ++p;
      while (p < n) {
        const d = raw.charCodeAt(p);
        if (d === 46 || d === 62 || isTagWhitespace(d)) break;
        p++;
      }
      if (p > classFrom) classes.push(raw.slice(classFrom, p));
    }
    let annotation = '';
    if (p < n && isTagWhitespace(raw.charCodeAt(p))) {
      let buffer = '';
      let seg = p;
      while (p < n && raw.charCodeAt(p) !== 62) {
        if (raw.charCodeAt(p) === 38 /* & */) {
          const ref = consumeCharacterReference(raw, p, n);
          if (ref) {
            buffer += raw.slice(seg, p) + ref.value;
            p = seg = ref.end;
            continue;
          }
        }
        p++;
      }
      buffer += raw.slice(seg, p);
      annotation = normaliseAnnotation(buffer);
    }
    if (p < n) p++; // '>'
    tokens.push({ type: 'start', name, classes, annotation, from, to: p });
  }
  return tokens;
}

export interface CueTextProblem {
  /** Offsets into the raw cue text. */
  from: number;
  to: number;
  message: string;
}

/** Builds the cue text tree (the spec's "cue text parsing rules"); collects markup problems. */
export function parseCueText(raw: string, problems?: CueTextProblem[]): CueTextNode[] {
  const root: CueTextNode[] = [];
  type Element = Extract<CueTextNode, { children: CueTextNode[] }>;
  const stack: Element[] = [];
  const children = (): CueTextNode[] => (stack.length ? stack[stack.length - 1]!.children : root);
  for (const t of tokenizeCueText(raw)) {
    if (t.type === 'text') {
      children().push({ type: 'text', value: t.value });
    } else if (t.type === 'timestamp') {
      const ts = scanTimestamp(t.value, 0, t.value.length, '.');
      if (ts.ok && ts.end === t.value.length) children().push({ type: 'timestamp', seconds: msToSeconds(ts.ms) });
      else problems?.push({ from: t.from, to: t.to, message: `timestamp tag <${t.value}> is not a valid timestamp; ignored` });
    } else if (t.type === 'start') {
      if (!KNOWN_TAGS.has(t.name)) {
        problems?.push({ from: t.from, to: t.to, message: `unknown cue tag <${t.name}>; browsers ignore it` });
        continue;
      }
      const top = stack[stack.length - 1];
      if (t.name === 'rt' && top?.type !== 'ruby') {
        problems?.push({ from: t.from, to: t.to, message: '<rt> is only allowed inside <ruby>; ignored' });
        continue;
      }
      const el: Element = {
        type: t.name as Element['type'],
        classes: t.classes,
        annotation: t.name === 'v' || t.name === 'lang' ? t.annotation : '',
        children: [],
      };
      children().push(el);
      stack.push(el);
    } else {
      const top = stack[stack.length - 1];
      if (top && top.type === t.name) stack.pop();
      else if (t.name === 'ruby' && top?.type === 'rt') {
        stack.pop();
        stack.pop();
      } else problems?.push({ from: t.from, to: t.to, message: `end tag </${t.name}> does not close an open tag; ignored` });
    }
  }
  return root;
}

/** Speaker from the first `<v Name>` / `<v.class Name>` tag, or null. Cheap when there is none. */
export function cueSpeaker(raw: string): string | null {
  let at = raw.indexOf('<v');
  while (at !== -1) {
    const c = raw.charCodeAt(at + 2);
    if (c === 46 || isTagWhitespace(c) || c === 62) {
      for (const t of tokenizeCueText(raw.slice(at))) {
        if (t.type === 'start') return t.name === 'v' && t.annotation !== '' ? t.annotation : null;
      }
    }
    at = raw.indexOf('<v', at + 2);
  }
  return null;
}

/** What a viewer reads: tags dropped, references decoded. */
export function cueTextToPlain(raw: string): string {
  if (raw.indexOf('<') === -1) return raw.indexOf('&') === -1 ? raw : decodeCharacterReferences(raw);
  let out = '';
  for (const t of tokenizeCueText(raw)) if (t.type === 'text') out += t.value;
  return out;
}
