import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { history, undo } from '@codemirror/commands';
import { cuesOf, cursorCueIndex, vttField } from './cue-field';
import { CueTimeline, snapshotOf } from './cue-timeline';
import { spokenCue } from './cue-highlight';
import { editorHost } from '../../test/editor-host';
import { fixture } from '../../test/fixtures';

const text = readFileSync(fixture.vtt515, 'utf8').slice(0, 5000);

describe('cue timeline (waveform -> editor)', () => {
  it('retimes the cue named by its position, also after an edit before it moved every position (mapped through the change)', () => {
    const h = editorHost(text, [vttField, history()]);
    const timeline = new CueTimeline();
    timeline.attach(h.view);
    const before = cuesOf(h.state);
    const at = before[3]!.range.from;
    // Something lands while the drag is under way: a cue inserted at the top shifts everything.
    const first = before[0]!.range.from;
    h.dispatch({ changes: { from: first, insert: '00:00:00.000 --> 00:00:00.010\nnew\n\n' } });
    const mapped = h.transactions.at(-1)!.changes.mapPos(at, 1);
    timeline.retime([{ at: mapped, end: before[3]!.end + 0.5 }]);
    const after = cuesOf(h.state);
    // Index 3 is now the old cue 2; the old cue 3 (index 4) is the one retimed.
    expect(after[4]!.text).toBe(before[3]!.text);
    expect(after[4]!.end).toBeCloseTo(before[3]!.end + 0.5, 3);
    expect(after[3]!.end).toBe(before[2]!.end);
    // One transaction, one undo.
    undo(h.view);
    expect(cuesOf(h.state)[4]!.end).toBe(before[3]!.end);
  });

  it('ignores a position that names no cue (never retimes a neighbour)', () => {
    const h = editorHost(text, [vttField]);
    const timeline = new CueTimeline();
    timeline.attach(h.view);
    timeline.retime([{ at: cuesOf(h.state)[3]!.range.from + 1, end: 99 }]);
    expect(h.state.doc.toString()).toBe(text);
  });

  it('a label click or a waveform click puts the cursor in the cue, as a jump', () => {
    const h = editorHost(text, [vttField]);
    const timeline = new CueTimeline();
    timeline.attach(h.view);
    const cues = cuesOf(h.state);
    timeline.selectCue(cues[5]!.range.from);
    expect(cursorCueIndex(h.state)).toBe(5);
    expect(h.transactions.at(-1)!.isUserEvent('select.cue')).toBe(true);
    timeline.selectTime((cues[7]!.start + cues[7]!.end) / 2);
    expect(cursorCueIndex(h.state)).toBe(7);
    expect(h.transactions.at(-1)!.isUserEvent('select.waveform')).toBe(true);
    timeline.detach(h.view);
    expect(timeline.editor).toBeNull();
    expect(timeline.snapshot.cues).toEqual([]);
  });

  it('a snapshot gives cues by index as the full list has them, and keeps its times array while typing changes no time', () => {
    const h = editorHost(text, [vttField, spokenCue]);
    const first = snapshotOf(h.state, null, false);
    const at = cuesOf(h.state)[6]!.textRange.from;
    h.dispatch({ changes: { from: at, insert: 'typed ' }, selection: { anchor: at + 6 } });
    const typed = snapshotOf(h.state, h.transactions.at(-1)!.changes, false);
    expect(typed.times).toBe(first.times);
    expect(typed.cursor).toBe(6);
    expect(typed.cueCount).toBe(cuesOf(h.state).length);
    for (let i = 0; i < typed.cueCount; i++) expect(typed.cue(i)).toBe(typed.cues[i]);
    expect(typed.cue(typed.cueCount)).toBeUndefined();
    // A retimed cue: a new times array, with the new time.
    const start = cuesOf(h.state)[6]!.startRange;
    h.dispatch({ changes: { from: start.from, to: start.to, insert: '00:09:00.000' } });
    const retimed = snapshotOf(h.state, h.transactions.at(-1)!.changes, false);
    expect(retimed.times).not.toBe(typed.times);
    expect(retimed.times.map((t) => t.start)).toEqual(cuesOf(h.state).map((c) => c.start));
    expect(retimed.times[6]!.start).toBe(540);
  });
});
