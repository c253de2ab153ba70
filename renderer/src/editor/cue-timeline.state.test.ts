import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { history, undo } from '@codemirror/commands';
import { cuesOf, cursorCueIndex, vttField } from './cue-field';
import { CueTimeline } from './cue-timeline';
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
});
