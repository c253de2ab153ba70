/**
 * What to align in a transcript and how the answer goes back into it. A plan lists the
 * units to place on the audio (existing cues, and speech segments cut from untimed
 * text) with any time the source gave; `build` turns their times into the re-timed
 * WebVTT and the per-cue report of the IPC result. Existing cues keep their text and
 * count (only their timestamps change, byte for byte elsewhere); untimed notes become
 * cues, and page chrome stays a NOTE that is never forced onto the audio.
 */
import { parseVtt } from '../formats/vtt/parser';
import { retimeCue } from '../formats/vtt/edit';
import { formatCueBlock, writeVtt } from '../formats/vtt/writer';
import { escapeCueText } from '../formats/txt/to-vtt';
import type { VttDocument } from '../formats/vtt/types';
import { applyChanges, type TextChange } from '../model/text-change';
import type { AlignedCue, AlignProfile, AlignRange, AlignResult } from '../ipc/align-contract';
import type { AnchorKind } from './aligner';
import { type ProseSegment } from './segment';
import { segmentUntimedNotes } from './untimed-notes';

export interface PlannedUnit {
  /** Raw cue text (WebVTT markup). */
  text: string;
  /** The start time the source gave, seconds, or null. */
  anchor: number | null;
  source: number | null;
  previousStart: number | null;
  previousEnd: number | null;
}

/** A unit's place on the audio, as the engine found it. */
export interface TimedUnit {
  start: number;
  end: number;
  words: { start: number; end: number }[];
  tokens: string[];
  confidence: number;
  lowConfidence: boolean;
}

export interface AlignPlan {
  units: PlannedUnit[];
  anchorKind: AnchorKind;
  /** Only this part of the recording (Align selection); `to` null runs to the end. */
  window: { from: number; to: number | null } | null;
  build(times: readonly TimedUnit[], audioSeconds: number): AlignResult;
}

const round = (t: number) => Math.round(t * 1000) / 1000;
/** A unit's times as written: milliseconds, and never ending before it starts. */
const cueSpan = (t: { start: number; end: number }) => ({ start: round(t.start), end: round(Math.max(t.end, t.start + 0.001)) });

function report(unit: PlannedUnit, text: string, time: TimedUnit | null, start: number, end: number): AlignedCue {
  return {
    source: unit.source,
    text,
    start,
    end,
    previousStart: unit.previousStart,
    previousEnd: unit.previousEnd,
    words: time ? time.tokens.map((t, k) => ({ text: t, start: round(time.words[k]!.start), end: round(time.words[k]!.end) })) : [],
    confidence: time ? Math.round(time.confidence * 1000) / 1000 : 1,
    lowConfidence: time?.lowConfidence ?? false,
  };
}

function summarise(text: string, cues: AlignedCue[], audioSeconds: number): AlignResult {
  const notFoundWords: AlignResult['notFoundWords'] = [];
  const lowConfidence: number[] = [];
  cues.forEach((c, k) => {
    if (!c.lowConfidence) return;
    lowConfidence.push(k);
    for (const w of c.words) notFoundWords.push({ cue: k, text: w.text });
  });
  return { text, cues, notFoundWords, lowConfidence, audioSeconds };
}

/** The speech segments as cue blocks and the chrome as NOTE blocks, in order. */
function segmentBlocks(segments: ProseSegment[], eol: string, next: (s: ProseSegment) => { start: number; end: number } | null): string[] {
  return segments.map((s) => {
    if (s.kind === 'chrome') return `NOTE${eol}${s.text.replaceAll('-->', '--&gt;').split('\n').filter((l) => l.trim()).join(eol)}`;
    const t = next(s)!;
    return formatCueBlock({ start: t.start, end: t.end, text: escapeCueText(s.text) }, eol as '\n');
  });
}

function speechUnits(segments: ProseSegment[]): PlannedUnit[] {
  return segments.filter((s) => s.kind === 'speech').map((s) => ({ text: escapeCueText(s.text), anchor: s.start ?? null, source: null, previousStart: null, previousEnd: null }));
}

/**
 * A WebVTT document (the editor's text): every cue, and every run of `NOTE needs timing`
 * blocks cut into sentences as one text (its chrome stays NOTEs); with `range`, only those
 * cues, between their neighbours.
 */
export function planVtt(text: string, options: { range?: AlignRange; profile?: AlignProfile } = {}): AlignPlan {
  const doc = parseVtt(text);
  const profile = options.profile ?? 'transcript';
  if (options.range) return planRange(doc, options.range);
  // Consecutive `NOTE needs timing` blocks are one text: the importer cut it mid-sentence.
  const runs = segmentUntimedNotes(doc, profile);
  type Item = { kind: 'cue'; index: number } | { kind: 'untimed'; from: number; to: number; segments: ProseSegment[] };
  const items: Item[] = [];
  const units: PlannedUnit[] = [];
  let cueIndex = 0;
  let run = 0;
  for (const block of doc.blocks) {
    if (block.kind === 'cue') {
      const cue = doc.cues[cueIndex]!;
      units.push({ text: cue.text, anchor: cue.start, source: cueIndex, previousStart: cue.start, previousEnd: cue.end });
      items.push({ kind: 'cue', index: cueIndex++ });
    } else if (runs[run] && block.range.from === runs[run]!.from) {
      const { from, to, segments } = runs[run++]!;
      units.push(...speechUnits(segments));
      items.push({ kind: 'untimed', from, to, segments });
    }
  }
  const timedCues = doc.cues.length;
  return {
    units,
    anchorKind: timedCues === 0 ? 'none' : units.length > timedCues ? 'coarse' : 'drifted',
    window: null,
    build(times, audioSeconds) {
      const changes: TextChange[] = [];
      const cues: AlignedCue[] = [];
      let u = 0;
      for (const item of items) {
        if (item.kind === 'cue') {
          const cue = doc.cues[item.index]!;
          const t = times[u]!;
          const { start, end } = cueSpan(t);
          changes.push(...retimeCue(doc, cue, { start, end }));
          cues.push(report(units[u++]!, cue.text, t, start, end));
          continue;
        }
        const blocks = segmentBlocks(item.segments, doc.eol, () => {
          const t = times[u]!;
          const { start, end } = cueSpan(t);
          cues.push(report(units[u]!, units[u]!.text, t, start, end));
          u++;
          return { start, end };
        });
        changes.push({ from: item.from, to: item.to, insert: blocks.join(doc.eol + doc.eol) });
      }
      return summarise(applyChanges(text, changes), cues, audioSeconds);
    },
  };
}

/** Cues `first..last` re-timed inside the gap their neighbours leave. */
function planRange(doc: VttDocument, range: AlignRange): AlignPlan {
  const last = Math.min(range.last, doc.cues.length - 1);
  if (range.first > last) throw new Error(`no cues in the selection (${range.first}..${range.last} of ${doc.cues.length})`);
  const before = doc.cues[range.first - 1];
  const after = doc.cues[last + 1];
  const units = doc.cues.slice(range.first, last + 1).map((c, k) => ({ text: c.text, anchor: null, source: range.first + k, previousStart: c.start, previousEnd: c.end }));
  return {
    units,
    anchorKind: 'none',
    window: { from: before ? before.end : 0, to: after ? after.start : null },
    build(times, audioSeconds) {
      const changes: TextChange[] = [];
      const cues = doc.cues.map((cue, index) => {
        const k = index - range.first;
        const unit = units[k];
        if (!unit) return report({ text: cue.text, anchor: null, source: index, previousStart: cue.start, previousEnd: cue.end }, cue.text, null, cue.start, cue.end);
        const t = times[k]!;
        const { start, end } = cueSpan(t);
        changes.push(...retimeCue(doc, cue, { start, end }));
        return report(unit, cue.text, t, start, end);
      });
      return summarise(applyChanges(doc.text, changes), cues, audioSeconds);
    },
  };
}

/** Segments cut from a TXT (untimed prose, or coarse chunks re-cut with their anchors) as a new document. */
export function planSegments(segments: ProseSegment[], notes: string[] = []): AlignPlan {
  const units = speechUnits(segments);
  const anchored = units.some((u) => u.anchor !== null);
  return {
    units,
    anchorKind: anchored ? 'coarse' : 'none',
    window: null,
    build(times, audioSeconds) {
      const cues: AlignedCue[] = [];
      let u = 0;
      const blocks = segmentBlocks(segments, '\n', () => {
        const t = times[u]!;
        const { start, end } = cueSpan(t);
        cues.push(report(units[u]!, units[u]!.text, t, start, end));
        u++;
        return { start, end };
      });
      const head = notes.filter((n) => n.trim()).map((n) => `NOTE\n${n.replaceAll('-->', '--&gt;').split(/\r?\n/).filter((l) => l.trim()).join('\n')}`);
      const text = writeVtt([]) + [...head, ...blocks].map((b) => b + '\n\n').join('');
      return summarise(text, cues, audioSeconds);
    },
  };
}
