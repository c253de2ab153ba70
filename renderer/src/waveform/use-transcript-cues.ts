/**
 * Cues for the waveform, read from the editor's text, and cue-edge drags written back
 * into it as one CodeMirror transaction. A stand-in until the editor keeps its own cue
 * StateField: it re-parses (linear, debounced) after edits and re-parses once more at
 * drag time so the timestamp it replaces is the one in the current text.
 */
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import type { EditorView } from '@codemirror/view';
import { parseVtt } from '../../../shared/formats/vtt/parser';
import { formatVttTimestamp, VTT_SHORT_STYLE, VTT_STYLE } from '../../../shared/formats/timestamp';
import type { CueEdge } from './cue-layer';
import { cuesInWindow, indexCues, type TimedCue } from './cue-window';

interface EditableCue extends TimedCue {
  startRange: { from: number; to: number };
  endRange: { from: number; to: number };
}

const PARSE_DELAY_MS = 250;

function timedCues(text: string): EditableCue[] {
  if (!/^\uFEFF?WEBVTT/.test(text)) return [];
  return parseVtt(text).cues.map((c) => ({ start: c.start, end: c.end, startRange: c.startRange, endRange: c.endRange }));
}

export function useTranscriptCues(view: RefObject<EditorView | null>, time: number) {
  const [cues, setCues] = useState<readonly EditableCue[]>([]);
  const lastDoc = useRef<EditorView['state']['doc'] | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  /** Call on every editor update; parses when the text changed (at once for a new document). */
  const noteUpdate = useCallback((v: EditorView) => {
    const doc = v.state.doc;
    if (doc === lastDoc.current) return;
    const first = lastDoc.current === null;
    lastDoc.current = doc;
    clearTimeout(timer.current);
    const parse = () => setCues(timedCues(v.state.doc.toString()));
    if (first) parse();
    else timer.current = setTimeout(parse, PARSE_DELAY_MS);
  }, []);

  /** A new document was opened (or closed): parse it at once on its first update. */
  const reset = useCallback(() => {
    lastDoc.current = null;
    clearTimeout(timer.current);
    setCues([]);
  }, []);

  const moveCueEdge = useCallback((index: number, edge: CueEdge, seconds: number) => {
    const v = view.current;
    if (!v) return;
    const current = timedCues(v.state.doc.toString());
    const cue = current[index];
    if (!cue) return;
    // An edge never crosses the other one.
    const clamped = edge === 'start' ? Math.min(seconds, cue.end) : Math.max(seconds, cue.start);
    const range = edge === 'start' ? cue.startRange : cue.endRange;
    const written = v.state.sliceDoc(range.from, range.to);
    const style = /^\d+:\d{2}:\d{2}/.test(written) ? VTT_STYLE : VTT_SHORT_STYLE;
    v.dispatch({ changes: { from: range.from, to: range.to, insert: formatVttTimestamp(clamped, style) }, userEvent: 'input.cue-drag' });
  }, [view]);

  const index = useMemo(() => indexCues(cues), [cues]);
  const activeIndex = useMemo(() => cuesInWindow(index, time, time)[0] ?? null, [index, time]);

  return { cues, activeIndex, noteUpdate, reset, moveCueEdge };
}
