/**
 * Writes new or converted WebVTT: `WEBVTT`, a blank line, then cues
 * `HH:MM:SS.mmm --> HH:MM:SS.mmm` each followed by a blank line. Inputs are sanitised so
 * the output always parses without errors: empty text lines (which would end the cue)
 * are dropped, `-->` in text becomes `--&gt;` (renders the same), times are clamped so
 * the end is after the start.
 */
import { formatTimestampMs, MAX_TIMESTAMP_MS, secondsToMs, VTT_STYLE, type TimestampStyle } from '../timestamp';
import { DEFAULT_CUE_SETTINGS } from './settings';
import type { LineEnding, VttCueSettings, VttRegion } from './types';

export interface WritableCue {
  id?: string;
  start: number;
  end: number;
  text: string;
  /** Settings as written after the end time (`align:start line:90%`), or parsed settings. */
  settings?: string | Readonly<VttCueSettings>;
}

export interface WrapOptions {
  maxCharsPerLine: number;
  /** When a cue needs more lines, it is split into several cues, time shared by length. */
  maxLines?: number;
}

export interface VttWriteOptions {
  eol?: LineEnding;
  /** Re-wrap cue text; without it the text lines are kept as given. */
  wrap?: WrapOptions;
  regions?: readonly VttRegion[];
  styles?: readonly string[];
  /** Timestamp shape; default `HH:MM:SS.mmm`. */
  style?: TimestampStyle;
}

const LINE_BREAK = /\r\n|\r|\n/;

/** Cue text lines safe to write: no empty line, no `-->`. */
export function sanitizeCueText(text: string): string[] {
  // Fast path for the usual one-line cue: no split, no copy.
  if (text.indexOf('\n') === -1 && text.indexOf('\r') === -1 && text.indexOf('-->') === -1) return text ? [text] : [];
  const out: string[] = [];
  for (const line of text.split(LINE_BREAK)) {
    if (line.length === 0) continue;
    out.push(line.indexOf('-->') === -1 ? line : line.replaceAll('-->', '--&gt;'));
  }
  return out;
}

/** An identifier safe to write on its own line: single line, no `-->`. */
export function sanitizeCueId(id: string): string {
  return id.replace(/[\r\n]+/g, ' ').replaceAll('-->', '->');
}

function percent(n: number): string {
  return `${n}%`;
}

/** Writes the settings that differ from the spec defaults, in an order that keeps them all effective. */
export function settingsToString(s: Readonly<VttCueSettings>): string {
  const d = DEFAULT_CUE_SETTINGS;
  const parts: string[] = [];
  if (s.region !== null) parts.push(`region:${s.region}`);
  if (s.vertical !== d.vertical) parts.push(`vertical:${s.vertical}`);
  if (s.line !== 'auto') {
    const line = s.snapToLines ? String(s.line) : percent(s.line);
    parts.push(s.lineAlign !== d.lineAlign ? `line:${line},${s.lineAlign}` : `line:${line}`);
  }
  if (s.position !== 'auto') {
    parts.push(s.positionAlign !== 'auto' ? `position:${percent(s.position)},${s.positionAlign}` : `position:${percent(s.position)}`);
  }
  if (s.size !== d.size) parts.push(`size:${percent(s.size)}`);
  if (s.align !== d.align) parts.push(`align:${s.align}`);
  return parts.join(' ');
}

function settingsText(settings: WritableCue['settings']): string {
  if (settings === undefined || settings === DEFAULT_CUE_SETTINGS || settings === '') return '';
  const raw = typeof settings === 'string' ? settings : settingsToString(settings);
  return raw.replace(/[\r\n]+/g, ' ').replaceAll('-->', '').trim();
}

/** One cue block (no trailing line ending). */
export function formatCueBlock(cue: WritableCue, eol: LineEnding = '\n', style: TimestampStyle = VTT_STYLE): string {
  const startMs = Math.min(secondsToMs(cue.start), MAX_TIMESTAMP_MS - 1);
  const endMs = Math.min(Math.max(secondsToMs(cue.end), startMs + 1), MAX_TIMESTAMP_MS);
  const id = cue.id ? sanitizeCueId(cue.id) : '';
  const settings = settingsText(cue.settings);
  let block = id ? id + eol : '';
  block += formatTimestampMs(startMs, style) + ' --> ' + formatTimestampMs(endMs, style);
  if (settings) block += ' ' + settings;
  const lines = sanitizeCueText(cue.text);
  if (lines.length === 1) block += eol + lines[0];
  else if (lines.length) block += eol + lines.join(eol);
  return block;
}

/** Breaks text at spaces outside tags into lines of at most `max` chars (a longer word keeps its own line). */
export function wrapText(text: string, max: number): string[] {
  const words: string[] = [];
  let word = '';
  let inTag = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '<') inTag = true;
    else if (ch === '>') inTag = false;
    if (!inTag && (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t')) {
      if (word) words.push(word);
      word = '';
    } else word += ch;
  }
  if (word) words.push(word);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > max) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

/** Applies wrapping; may return several cues for one when it exceeds `maxLines`. */
export function wrapCue(cue: WritableCue, wrap: WrapOptions): WritableCue[] {
  const lines = wrapText(cue.text, Math.max(1, wrap.maxCharsPerLine));
  const maxLines = wrap.maxLines && wrap.maxLines > 0 ? wrap.maxLines : Infinity;
  // Markup may span lines; splitting it across cues would break the tags, so only plain text splits.
  if (lines.length <= maxLines || cue.text.indexOf('<') !== -1) return [{ ...cue, text: lines.join('\n') }];
  const chunks: string[][] = [];
  for (let i = 0; i < lines.length; i += maxLines) chunks.push(lines.slice(i, i + maxLines));
  const lengths = chunks.map((c) => c.reduce((n, l) => n + l.length, 0));
  const total = lengths.reduce((a, b) => a + b, 0) || 1;
  const startMs = secondsToMs(cue.start);
  const endMs = Math.max(secondsToMs(cue.end), startMs + chunks.length);
  const span = endMs - startMs;
  const out: WritableCue[] = [];
  let acc = 0;
  let from = startMs;
  chunks.forEach((chunk, i) => {
    acc += lengths[i]!;
    const to = i === chunks.length - 1 ? endMs : Math.max(from + 1, startMs + Math.round((span * acc) / total));
    out.push({
      ...cue,
      id: cue.id && i > 0 ? `${cue.id}-${i + 1}` : cue.id,
      start: from / 1000,
      end: to / 1000,
      text: chunk.join('\n'),
    });
    from = to;
  });
  return out;
}

/** Writes a complete WebVTT document from cues. */
export function writeVtt(cues: readonly WritableCue[], options: VttWriteOptions = {}): string {
  const eol = options.eol ?? '\n';
  const style = options.style ?? VTT_STYLE;
  const parts: string[] = ['WEBVTT', eol, eol];
  for (const r of options.regions ?? []) {
    parts.push(
      `REGION${eol}id:${sanitizeCueId(r.id).replace(/\s+/g, '_')} width:${percent(r.width)} lines:${r.lines}`,
      ` regionanchor:${percent(r.regionAnchorX)},${percent(r.regionAnchorY)}`,
      ` viewportanchor:${percent(r.viewportAnchorX)},${percent(r.viewportAnchorY)}`,
      r.scroll === 'up' ? ' scroll:up' : '',
      eol,
      eol,
    );
  }
  for (const css of options.styles ?? []) {
    const lines = css.split(LINE_BREAK).filter((l) => l.length > 0 && l.indexOf('-->') === -1);
    if (lines.length) parts.push(`STYLE${eol}${lines.join(eol)}${eol}${eol}`);
  }
  // One growing string: V8 concatenates as a rope and flattens once, faster than join here.
  let out = parts.join('');
  const gap = eol + eol;
  for (const cue of cues) {
    if (options.wrap) for (const piece of wrapCue(cue, options.wrap)) out += formatCueBlock(piece, eol, style) + gap;
    else out += formatCueBlock(cue, eol, style) + gap;
  }
  return out;
}
