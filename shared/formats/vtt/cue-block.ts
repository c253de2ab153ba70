/**
 * One cue block: the spec's "collect WebVTT cue timings and settings" on its timing
 * line (a failure drops the cue, reported at the offending character), then the cue
 * built from its lines with its settings, end-before-start and order checks, and cue
 * text problems, all as source ranges.
 */
import { scanTimestamp, msToSeconds } from '../timestamp';
import { cueSpeaker, parseCueText } from './cue-text';
import type { DiagnosticSink } from './diagnostics';
import { joinedLines, onlyWhitespaceAfter, withoutNul } from './lines';
import type { BlockContext } from './parser';
import { DEFAULT_CUE_SETTINGS, isAsciiWhitespace, parseCueSettings } from './settings';
import type { TextRange, VttCue, VttSettingToken } from './types';

const EMPTY_TOKENS: readonly VttSettingToken[] = Object.freeze([]);

/** Said where a timing line fails: WebVTT parsers drop that cue (or block) and go on. */
const DROPPED = '; the cue is dropped';

export interface Timing {
  startMs: number;
  endMs: number;
  startRange: TextRange;
  endRange: TextRange;
  startStyle: VttCue['startStyle'];
  endStyle: VttCue['endStyle'];
  settingsFrom: number;
}

/** The spec's "collect WebVTT cue timings": timestamp, `-->`, timestamp. Null on failure (reported). */
export function parseTiming(text: string, ls: number, le: number, sink: DiagnosticSink, arrowInId: boolean): Timing | null {
  let p = ls;
  while (p < le && isAsciiWhitespace(text.charCodeAt(p))) p++;
  const startFrom = p;
  const start = scanTimestamp(text, p, le, '.');
  if (!start.ok) {
    const arrow = text.indexOf('-->', ls);
    if (arrowInId && start.at <= arrow) {
      sink.add(ls, le - ls, 'error', "a cue identifier must not contain '-->'; this line is read as a timing line and the block is dropped");
    } else {
      sink.add(start.at, 1, 'error', `a line containing '-->' is read as a cue timing line, but its start time is invalid: ${start.message}${DROPPED}`);
    }
    return null;
  }
  p = start.end;
  while (p < le && isAsciiWhitespace(text.charCodeAt(p))) p++;
  if (text.charCodeAt(p) !== 45 || text.charCodeAt(p + 1) !== 45 || text.charCodeAt(p + 2) !== 62 || p + 3 > le) {
    sink.add(p, 1, 'error', `expected '-->' after the cue start time${DROPPED}`);
    return null;
  }
  p += 3;
  while (p < le && isAsciiWhitespace(text.charCodeAt(p))) p++;
  const end = scanTimestamp(text, p, le, '.');
  if (!end.ok) {
    sink.add(end.at, 1, 'error', `invalid cue end time: ${end.message}${DROPPED}`);
    return null;
  }
  return {
    startMs: start.ms,
    endMs: end.ms,
    startRange: { from: startFrom, to: start.end },
    endRange: { from: p, to: end.end },
    startStyle: start.style,
    endStyle: end.style,
    settingsFrom: end.end,
  };
}

export function buildCue(
  text: string,
  range: TextRange,
  idRange: TextRange | null,
  timingLine: TextRange,
  t: Timing,
  bufFrom: number,
  bufTo: number,
  bufLines: number,
  ctx: BlockContext,
  hasNul: boolean,
): VttCue {
  const sink = ctx.sink;
  const settingsRange = { from: t.settingsFrom, to: timingLine.to };
  let settings = DEFAULT_CUE_SETTINGS as VttCue['settings'];
  let settingTokens = EMPTY_TOKENS;
  if (!onlyWhitespaceAfter(text, settingsRange.from, settingsRange.to)) {
    if (!isAsciiWhitespace(text.charCodeAt(settingsRange.from))) {
      sink.add(settingsRange.from, 0, 'warning', 'cue settings must be separated from the end time by a space');
    }
    const parsed = parseCueSettings(text, settingsRange.from, settingsRange.to, ctx.regions);
    settings = parsed.settings;
    settingTokens = parsed.tokens;
    for (const pr of parsed.problems) sink.add(pr.range.from, pr.range.to - pr.range.from, 'warning', pr.message);
  }
  if (t.endMs < t.startMs) {
    // Error, not warning: the WebVTT syntax requires the end to be greater than the start.
    // Browsers still create the cue (it never shows), so it stays in `cues` for editing.
    sink.add(t.endRange.from, t.endRange.to - t.endRange.from, 'error', 'cue end time must be after its start time');
  } else if (t.endMs === t.startMs) {
    // Common in speech-recognition output (223 of 560 files of one real repository).
    // Browsers keep such a cue; it is never shown, so it is worth a look, not a failure.
    sink.add(t.endRange.from, t.endRange.to - t.endRange.from, 'warning', 'zero-length cue: its end equals its start, so it is never shown');
  }
  if (ctx.previousStartMs > t.startMs) {
    sink.add(t.startRange.from, t.startRange.to - t.startRange.from, 'warning', 'cue starts before the previous cue; WebVTT requires cues in start-time order');
  }
  ctx.previousStartMs = t.startMs;
  const textRange = bufFrom === -1 ? { from: timingLine.to, to: timingLine.to } : { from: bufFrom, to: bufTo };
  const cueText = bufFrom === -1 ? '' : withoutNul(joinedLines(text, bufFrom, bufTo, bufLines > 1), hasNul);
  if (cueText.indexOf('<') !== -1) {
    const problems: { from: number; to: number; message: string }[] = [];
    parseCueText(text.slice(textRange.from, textRange.to), problems);
    for (const pr of problems) sink.add(textRange.from + pr.from, pr.to - pr.from, 'warning', pr.message);
  }
  return {
    id: idRange ? withoutNul(text.slice(idRange.from, idRange.to), hasNul) : '',
    start: msToSeconds(t.startMs),
    end: msToSeconds(t.endMs),
    text: cueText,
    speaker: cueSpeaker(cueText),
    range,
    idRange,
    timingRange: timingLine,
    startRange: t.startRange,
    endRange: t.endRange,
    settingsRange,
    textRange,
    settings,
    settingTokens,
    startStyle: t.startStyle,
    endStyle: t.endStyle,
  };
}
