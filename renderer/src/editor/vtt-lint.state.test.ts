import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { history, undo } from '@codemirror/commands';
import { EditorState, type TransactionSpec } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import { vttField } from './cue-field';
import { qaRules } from './qa-rules';
import { vttDiagnostics } from './vtt-lint';

/** What a lint action uses of the view: its state and dispatch (real CodeMirror state and transactions). */
function host(doc: string, transcript = false) {
  const h = {
    state: EditorState.create({ doc, extensions: [vttField, history(), ...(transcript ? [qaRules.of({ minGap: null })] : [])] }),
    dispatch(spec: TransactionSpec) {
      h.state = h.state.update(spec).state;
    },
  };
  return h;
}

function applyAction(h: ReturnType<typeof host>, match: RegExp) {
  const d = vttDiagnostics(h.state).find((x) => x.actions?.some((a) => match.test(a.name)));
  expect(d, `a diagnostic with an action matching ${match}`).toBeDefined();
  const a = d!.actions!.find((x) => match.test(x.name))!;
  a.apply(h as unknown as EditorView, d!.from, d!.to);
}

describe('quick fixes as lint actions', () => {
  it('fix the signature and a dropped timing line, one transaction each; undo takes each back', () => {
    const text = 'webvtt\n\n00:00:01,000 --> 00:00:02,000\nhello\n';
    const h = host(text);
    expect(h.state.field(vttField).cues).toHaveLength(0);
    applyAction(h, /^Replace 'webvtt' with 'WEBVTT'$/);
    expect(h.state.doc.toString()).toBe('WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nhello\n');
    applyAction(h, /^Rewrite the timing as '00:00:01\.000 --> 00:00:02\.000'$/);
    expect(h.state.doc.toString()).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello\n');
    expect(h.state.field(vttField).cues.map((c) => c.text)).toEqual(['hello']);
    expect(vttDiagnostics(h.state).filter((d) => d.severity === 'error')).toEqual([]);
    undo(h);
    expect(h.state.doc.toString()).toBe('WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nhello\n');
    undo(h);
    expect(h.state.doc.toString()).toBe(text);
  });

  it('the overlap action sits on the QA gap warning and ends the cue at the next start', () => {
    const text = readFileSync(join(import.meta.dirname, '../../../../shared/fixtures/snippets/vtt_overlap_515.vtt'), 'utf8');
    const h = host(text);
    const overlaps = vttDiagnostics(h.state).filter((d) => /^overlaps the next cue/.test(d.message));
    expect(overlaps.length).toBeGreaterThan(0);
    expect(overlaps.every((d) => d.actions?.[0]?.name.startsWith('End this cue when the next one starts'))).toBe(true);
    applyAction(h, /^End this cue when the next one starts/);
    // That overlap is gone; the others are still there.
    expect(vttDiagnostics(h.state).filter((d) => /^overlaps the next cue/.test(d.message))).toHaveLength(overlaps.length - 1);
    // Only timestamp bytes changed.
    expect(h.state.doc.toString().replace(/\d\d:\d\d:\d\d\.\d\d\d/g, 'T')).toBe(text.replace(/\d\d:\d\d:\d\d\.\d\d\d/g, 'T'));
  });

  it('end before start offers both fixes; a diagnostic without a fix has no actions', () => {
    const h = host('WEBVTT\n\n00:00:05.000 --> 00:00:04.000\na\n\n00:00:06.000 --> 00:00:06.000\nzero\n', true);
    const ds = vttDiagnostics(h.state).filter((d) => d.source === 'WebVTT');
    expect(ds.map((d) => [d.severity, d.actions?.map((a) => a.name)])).toEqual([
      ['error', ['End when the next cue starts (00:00:06.000)', 'Swap the start and end times']],
      ['warning', undefined],
    ]);
    applyAction(h, /^Swap/);
    expect(h.state.doc.toString()).toBe('WEBVTT\n\n00:00:04.000 --> 00:00:05.000\na\n\n00:00:06.000 --> 00:00:06.000\nzero\n');
  });

  it('an action applied after the document changed still fixes the right place', () => {
    const h = host('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na\n\n0:0:03.5 -> 0:0:04\nb\n');
    const d = vttDiagnostics(h.state).find((x) => x.actions)!;
    const note = 'NOTE inserted\n\n';
    h.dispatch({ changes: { from: 'WEBVTT\n\n'.length, insert: note } });
    d.actions![0]!.apply(h as unknown as EditorView, d.from + note.length, d.to + note.length);
    expect(h.state.doc.toString()).toBe('WEBVTT\n\nNOTE inserted\n\n00:00:01.000 --> 00:00:02.000\na\n\n00:00:03.500 --> 00:00:04.000\nb\n');
  });
});
