/**
 * WebVTT cue settings and region settings, following the spec's "parse the WebVTT cue
 * settings" and "collect WebVTT region settings" steps: unknown or malformed settings
 * are skipped (reported as warnings), never fatal.
 */
import type { TextRange, VttCueSettings, VttRegion, VttSettingToken } from './types';

/** Shared default; cues without settings point at this frozen object (no per-cue allocation). */
export const DEFAULT_CUE_SETTINGS: Readonly<VttCueSettings> = Object.freeze({
  vertical: '',
  line: 'auto',
  snapToLines: true,
  lineAlign: 'start',
  position: 'auto',
  positionAlign: 'auto',
  size: 100,
  align: 'center',
  region: null,
});

export function defaultRegion(): VttRegion {
  return {
    id: '',
    width: 100,
    lines: 3,
    regionAnchorX: 0,
    regionAnchorY: 100,
    viewportAnchorX: 0,
    viewportAnchorY: 100,
    scroll: '',
  };
}

export function isAsciiWhitespace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The spec's "WebVTT percentage": digits[.digits]%, 0–100. Null on failure. */
export function parsePercentage(value: string): number | null {
  const n = value.length;
  if (n < 2 || value.charCodeAt(n - 1) !== 37 /* % */) return null;
  let i = 0;
  while (i < n - 1 && isDigitCode(value.charCodeAt(i))) i++;
  if (i === 0) return null;
  if (i < n - 1) {
    if (value.charCodeAt(i) !== 46 /* . */) return null;
    const fracStart = ++i;
    while (i < n - 1 && isDigitCode(value.charCodeAt(i))) i++;
    if (i === fracStart || i !== n - 1) return null;
  }
  const v = Number(value.slice(0, n - 1));
  return v >= 0 && v <= 100 ? v : null;
}

/** The `line:` number form: optional leading '-', digits, at most one '.' between digits. */
function parseLineNumber(linepos: string): number | null {
  const n = linepos.length;
  let dots = 0;
  for (let i = 0; i < n; i++) {
    const c = linepos.charCodeAt(i);
    if (c === 45 /* - */) {
      if (i !== 0) return null;
    } else if (c === 46) {
      dots++;
      if (dots > 1 || i === 0 || i === n - 1) return null;
      if (!isDigitCode(linepos.charCodeAt(i - 1)) || !isDigitCode(linepos.charCodeAt(i + 1))) return null;
    } else if (!isDigitCode(c)) return null;
  }
  const v = Number(linepos);
  return Number.isFinite(v) ? v : null;
}

export interface SettingProblem {
  range: TextRange;
  message: string;
}

export interface ParsedCueSettings {
  settings: VttCueSettings;
  tokens: VttSettingToken[];
  problems: SettingProblem[];
}

/**
 * Parses the settings part of a timing line, `text[from, to)`. `regions` are the
 * regions defined so far (the last one with a matching id wins, as in the spec).
 */
export function parseCueSettings(
  text: string,
  from: number,
  to: number,
  regions: readonly VttRegion[],
): ParsedCueSettings {
  const settings: VttCueSettings = { ...DEFAULT_CUE_SETTINGS };
  const tokens: VttSettingToken[] = [];
  const problems: SettingProblem[] = [];
  for (const t of settingTokens(text, from, to)) {
    if (t.name === null) {
      problems.push({ range: t.range, message: `cue setting '${t.token}' is not name:value; ignored` });
      tokens.push({ name: t.token, value: '', range: t.range, applied: false });
      continue;
    }
    const why = applyCueSetting(settings, t.name, t.value, regions);
    if (why !== null) problems.push({ range: t.range, message: why });
    tokens.push({ name: t.name, value: t.value, range: t.range, applied: why === null });
  }
  return { settings, tokens, problems };
}

/** Applies one setting; returns null when applied, otherwise why it was skipped. */
function applyCueSetting(
  s: VttCueSettings,
  name: string,
  value: string,
  regions: readonly VttRegion[],
): string | null {
  switch (name) {
    case 'region': {
      let found: VttRegion | null = null;
      for (let i = regions.length - 1; i >= 0; i--) {
        // Region ids read NUL as U+FFFD (the spec's preprocessing); so does this value.
        if (regions[i]!.id === value || (value.includes('\0') && regions[i]!.id === value.replace(/\0/g, '\ufffd'))) {
          found = regions[i]!;
          break;
        }
      }
      s.region = found ? found.id : null;
      return found ? null : `region '${value}' is not defined by a REGION block above; ignored`;
    }
    case 'vertical':
      if (value === 'rl' || value === 'lr') s.vertical = value;
      else return `vertical must be rl or lr, got '${value}'; ignored`;
      s.region = null;
      return null;
    case 'line': {
      const comma = value.indexOf(',');
      const linepos = comma === -1 ? value : value.slice(0, comma);
      const linealign = comma === -1 ? null : value.slice(comma + 1);
      if (!/[0-9]/.test(linepos)) return `line must be a number or percentage, got '${linepos}'; ignored`;
      const percent = linepos.endsWith('%');
      const number = percent ? parsePercentage(linepos) : parseLineNumber(linepos);
      if (number === null) return `line value '${linepos}' is not valid; ignored`;
      if (linealign !== null && linealign !== 'start' && linealign !== 'center' && linealign !== 'end') {
        return `line alignment must be start, center or end, got '${linealign}'; ignored`;
      }
      if (linealign !== null) s.lineAlign = linealign;
      s.line = number;
      s.snapToLines = !percent;
      s.region = null;
      return null;
    }
    case 'position': {
      const comma = value.indexOf(',');
      const colpos = comma === -1 ? value : value.slice(0, comma);
      const colalign = comma === -1 ? null : value.slice(comma + 1);
      const number = parsePercentage(colpos);
      if (number === null) return `position must be a percentage 0%–100%, got '${colpos}'; ignored`;
      if (colalign !== null && colalign !== 'line-left' && colalign !== 'center' && colalign !== 'line-right') {
        return `position alignment must be line-left, center or line-right, got '${colalign}'; ignored`;
      }
      if (colalign !== null) s.positionAlign = colalign;
      s.position = number;
      return null;
    }
    case 'size': {
      const number = parsePercentage(value);
      if (number === null) return `size must be a percentage 0%–100%, got '${value}'; ignored`;
      s.size = number;
      if (number !== 100) s.region = null;
      return null;
    }
    case 'align':
      if (value === 'start' || value === 'center' || value === 'end' || value === 'left' || value === 'right') {
        s.align = value;
        return null;
      }
      return `align must be start, center, end, left or right, got '${value}'; ignored`;
    default:
      return `unknown cue setting '${name}'; ignored`;
  }
}

function parseAnchor(value: string): [number, number] | null {
  const comma = value.indexOf(',');
  if (comma === -1) return null;
  const x = parsePercentage(value.slice(0, comma));
  const y = parsePercentage(value.slice(comma + 1));
  return x === null || y === null ? null : [x, y];
}

/** Parses REGION settings lines `text[from, to)` (the spec splits them on any whitespace). */
export function parseRegionSettings(
  text: string,
  from: number,
  to: number,
): { region: VttRegion; problems: SettingProblem[] } {
  const region = defaultRegion();
  const problems: SettingProblem[] = [];
  for (const { token, name, value, range } of settingTokens(text, from, to)) {
    if (name === null) {
      problems.push({ range, message: `region setting '${token}' is not name:value; ignored` });
      continue;
    }
    let why: string | null = null;
    switch (name) {
      case 'id':
        region.id = value;
        break;
      case 'width': {
        const v = parsePercentage(value);
        if (v === null) why = `region width must be a percentage, got '${value}'; ignored`;
        else region.width = v;
        break;
      }
      case 'lines':
        if (!/^[0-9]+$/.test(value)) why = `region lines must be an integer, got '${value}'; ignored`;
        else region.lines = Number(value);
        break;
      case 'regionanchor':
      case 'viewportanchor': {
        const xy = parseAnchor(value);
        if (xy === null) why = `${name} must be X%,Y%, got '${value}'; ignored`;
        else if (name === 'regionanchor') [region.regionAnchorX, region.regionAnchorY] = xy;
        else [region.viewportAnchorX, region.viewportAnchorY] = xy;
        break;
      }
      case 'scroll':
        if (value === 'up') region.scroll = 'up';
        else why = `region scroll must be 'up', got '${value}'; ignored`;
        break;
      default:
        why = `unknown region setting '${name}'; ignored`;
    }
    if (why !== null) problems.push({ range, message: why });
  }
  return { region, problems };
}

interface SettingToken {
  token: string;
  /** null when the token is not `name:value` with both parts non-empty. */
  name: string | null;
  value: string;
  range: { from: number; to: number };
}

/** Splits `text[from, to)` on ASCII whitespace into `name:value` tokens, as the spec's settings parsers do. */
function* settingTokens(text: string, from: number, to: number): Generator<SettingToken> {
  let p = from;
  while (p < to) {
    while (p < to && isAsciiWhitespace(text.charCodeAt(p))) p++;
    if (p >= to) break;
    const start = p;
    while (p < to && !isAsciiWhitespace(text.charCodeAt(p))) p++;
    const token = text.slice(start, p);
    const range = { from: start, to: p };
    const colon = token.indexOf(':');
    if (colon <= 0 || colon === token.length - 1) yield { token, name: null, value: '', range };
    else yield { token, name: token.slice(0, colon), value: token.slice(colon + 1), range };
  }
}
