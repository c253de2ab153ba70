/**
 * A literal, step-by-step transcription of the W3C "WebVTT parser algorithm"
 * (https://w3c.github.io/webvtt/#file-parsing), used only by the conformance tests as
 * an oracle for `parseVtt`. It is written for clarity against the spec text, not for
 * speed, and shares no code with the parser it checks (the point of an oracle).
 * It returns what a browser would expose: the cues (id, times, text, settings), the
 * regions and the style sheets' text; `valid` is false when the signature aborts.
 */
import type { VttCueSettings, VttRegion } from './types';

export interface OracleCue {
  id: string;
  start: number;
  end: number;
  text: string;
  settings: VttCueSettings;
}

export interface OracleResult {
  valid: boolean;
  cues: OracleCue[];
  regions: VttRegion[];
  styles: string[];
}

const isWs = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const splitOnSpaces = (s: string) => s.split(/[ \t\n\f\r]+/).filter((t) => t !== '');

export function specParse(raw: string): OracleResult {
  // UTF-8 decode drops one leading BOM; then the spec's preprocessing.
  const input = (raw.startsWith('\ufeff') ? raw.slice(1) : raw).replace(/\0/g, '\ufffd').replace(/\r\n/g, '\n').replace(/\r/g, '\n');
  const out: OracleResult = { valid: false, cues: [], regions: [], styles: [] };
  let pos = 0;
  let seenCue = false;
  if (input.length < 6) return out;
  if (input.length === 6 && input !== 'WEBVTT') return out;
  if (input.length > 6 && (!input.startsWith('WEBVTT') || !(input[6] === ' ' || input[6] === '\t' || input[6] === '\n'))) return out;
  out.valid = true;
  while (pos < input.length && input[pos] !== '\n') pos++;
  if (pos >= input.length) return out;
  pos++;
  if (pos >= input.length) return out;
  const regions: VttRegion[] = [];
  if (input[pos] !== '\n') collectBlock(true);
  else pos++;
  while (input[pos] === '\n') pos++;
  while (pos < input.length) {
    const block = collectBlock(false);
    if (block?.kind === 'cue') out.cues.push(block.cue);
    else if (block?.kind === 'style') out.styles.push(block.css);
    else if (block?.kind === 'region') regions.push(block.region);
    while (input[pos] === '\n') pos++;
  }
  out.regions = regions;
  return out;

  type Block = { kind: 'cue'; cue: OracleCue } | { kind: 'style'; css: string } | { kind: 'region'; region: VttRegion } | null;

  function collectBlock(inHeader: boolean): Block {
    let lineCount = 0;
    let previous = pos;
    let buffer = '';
    let seenEof = false;
    let seenArrow = false;
    let cue: OracleCue | null = null;
    let stylesheet = false;
    let region: VttRegion | null = null;
    for (;;) {
      const lineStart = pos;
      while (pos < input.length && input[pos] !== '\n') pos++;
      const line = input.slice(lineStart, pos);
      lineCount++;
      if (pos >= input.length) seenEof = true;
      else pos++;
      if (line.includes('-->')) {
        if (!inHeader && (lineCount === 1 || (lineCount === 2 && !seenArrow))) {
          seenArrow = true;
          previous = pos;
          cue = { id: buffer, start: 0, end: 0, text: '', settings: defaultSettings() };
          if (!collectTimingsAndSettings(line, cue)) cue = null;
          else {
            buffer = '';
            seenCue = true;
          }
        } else {
          pos = previous;
          break;
        }
      } else if (line === '') break;
      else {
        if (!inHeader && lineCount === 2) {
          if (!seenCue && buffer.startsWith('STYLE') && [...buffer.slice(5)].every(isWs)) {
            stylesheet = true;
            buffer = '';
          } else if (!seenCue && buffer.startsWith('REGION') && [...buffer.slice(6)].every(isWs)) {
            region = { id: '', width: 100, lines: 3, regionAnchorX: 0, regionAnchorY: 100, viewportAnchorX: 0, viewportAnchorY: 100, scroll: '' };
            buffer = '';
          }
        }
        if (buffer !== '') buffer += '\n';
        buffer += line;
        previous = pos;
      }
      if (seenEof) break;
    }
    if (cue) {
      cue.text = buffer;
      return { kind: 'cue', cue };
    }
    if (stylesheet) return { kind: 'style', css: buffer };
    if (region) {
      regionSettings(buffer, region);
      return { kind: 'region', region };
    }
    return null;
  }

  function collectTimingsAndSettings(line: string, cue: OracleCue): boolean {
    const s = { p: 0 };
    while (isWs(line[s.p])) s.p++;
    const start = timestamp(line, s);
    if (start === null) return false;
    cue.start = start;
    while (isWs(line[s.p])) s.p++;
    for (const c of '-->') {
      if (line[s.p] !== c) return false;
      s.p++;
    }
    while (isWs(line[s.p])) s.p++;
    const end = timestamp(line, s);
    if (end === null) return false;
    cue.end = end;
    cueSettings(line.slice(s.p), cue.settings);
    return true;
  }

  function cueSettings(remainder: string, st: VttCueSettings): void {
    for (const [name, value] of settingPairs(remainder)) {
      if (name === 'region') {
        let found: VttRegion | null = null;
        for (const r of regions) if (r.id === value) found = r;
        st.region = found ? found.id : null;
      } else if (name === 'vertical') {
        if (value === 'rl') st.vertical = 'rl';
        else if (value === 'lr') st.vertical = 'lr';
        if (st.vertical !== '') st.region = null;
      } else if (name === 'line') {
        const comma = value.indexOf(',');
        const linepos = comma >= 0 ? value.slice(0, comma) : value;
        const linealign = comma >= 0 ? value.slice(comma + 1) : null;
        if (![...linepos].some(isDigit)) continue;
        let number: number;
        if (linepos.endsWith('%')) {
          const pct = percentage(linepos);
          if (pct === null) continue;
          number = pct;
        } else {
          if (![...linepos].every((c) => c === '-' || c === '.' || isDigit(c))) continue;
          if (linepos.slice(1).includes('-')) continue;
          const dots = [...linepos].filter((c) => c === '.').length;
          if (dots > 1) continue;
          const dot = linepos.indexOf('.');
          if (dot >= 0 && (dot === 0 || dot === linepos.length - 1 || !isDigit(linepos[dot - 1]) || !isDigit(linepos[dot + 1]))) continue;
          number = Number(linepos);
          if (!Number.isFinite(number)) continue;
        }
        if (linealign === 'start') st.lineAlign = 'start';
        else if (linealign === 'center') st.lineAlign = 'center';
        else if (linealign === 'end') st.lineAlign = 'end';
        else if (linealign !== null) continue;
        st.line = number;
        st.snapToLines = !linepos.endsWith('%');
        st.region = null;
      } else if (name === 'position') {
        const comma = value.indexOf(',');
        const colpos = comma >= 0 ? value.slice(0, comma) : value;
        const colalign = comma >= 0 ? value.slice(comma + 1) : null;
        const number = percentage(colpos);
        if (number === null) continue;
        if (colalign === 'line-left') st.positionAlign = 'line-left';
        else if (colalign === 'center') st.positionAlign = 'center';
        else if (colalign === 'line-right') st.positionAlign = 'line-right';
        else if (colalign !== null) continue;
        st.position = number;
      } else if (name === 'size') {
        const number = percentage(value);
        if (number === null) continue;
        st.size = number;
        if (number !== 100) st.region = null;
      } else if (name === 'align') {
        if (value === 'start' || value === 'center' || value === 'end' || value === 'left' || value === 'right') st.align = value;
      }
    }
  }
}

/** Split on spaces; tokens without a colon, or with it first or last, are skipped. */
function* settingPairs(input: string): Generator<[string, string]> {
  for (const setting of splitOnSpaces(input)) {
    const colon = setting.indexOf(':');
    if (colon > 0 && colon < setting.length - 1) yield [setting.slice(0, colon), setting.slice(colon + 1)];
  }
}

function regionSettings(input: string, region: VttRegion): void {
  for (const [name, value] of settingPairs(input)) {
    if (name === 'id') region.id = value;
    else if (name === 'width') {
      const pct = percentage(value);
      if (pct !== null) region.width = pct;
    } else if (name === 'lines') {
      if (/^[0-9]+$/.test(value)) region.lines = Number(value);
    } else if (name === 'regionanchor' || name === 'viewportanchor') {
      const comma = value.indexOf(',');
      if (comma < 0) continue;
      const x = percentage(value.slice(0, comma));
      const y = percentage(value.slice(comma + 1));
      if (x === null || y === null) continue;
      if (name === 'regionanchor') [region.regionAnchorX, region.regionAnchorY] = [x, y];
      else [region.viewportAnchorX, region.viewportAnchorY] = [x, y];
    } else if (name === 'scroll') {
      if (value === 'up') region.scroll = 'up';
    }
  }
}

/** "Parse a percentage string": the WebVTT percentage syntax, then 0..100. */
function percentage(s: string): number | null {
  if (!/^[0-9]+(\.[0-9]+)?%$/.test(s)) return null;
  const v = Number(s.slice(0, -1));
  return v < 0 || v > 100 ? null : v;
}

/** "Collect a WebVTT timestamp" at `s.p`; seconds, or null for an error. */
function timestamp(input: string, s: { p: number }): number | null {
  const digits = () => {
    const from = s.p;
    while (isDigit(input[s.p])) s.p++;
    return input.slice(from, s.p);
  };
  let hoursFirst = false;
  if (!isDigit(input[s.p])) return null;
  let str = digits();
  let v1 = Number(str);
  if (str.length !== 2 || v1 > 59) hoursFirst = true;
  if (input[s.p] !== ':') return null;
  s.p++;
  str = digits();
  if (str.length !== 2) return null;
  let v2 = Number(str);
  let v3: number;
  if (hoursFirst || input[s.p] === ':') {
    if (input[s.p] !== ':') return null;
    s.p++;
    str = digits();
    if (str.length !== 2) return null;
    v3 = Number(str);
  } else {
    v3 = v2;
    v2 = v1;
    v1 = 0;
  }
  if (input[s.p] !== '.') return null;
  s.p++;
  str = digits();
  if (str.length !== 3) return null;
  const v4 = Number(str);
  if (v2 > 59 || v3 > 59) return null;
  return ((v1 * 3600 + v2 * 60 + v3) * 1000 + v4) / 1000;
}

function defaultSettings(): VttCueSettings {
  return { vertical: '', line: 'auto', snapToLines: true, lineAlign: 'start', position: 'auto', positionAlign: 'auto', size: 100, align: 'center', region: null };
}
