import { readFileSync } from 'node:fs';
import { history, undo } from '@codemirror/commands';
import { describe, expect, it } from 'vitest';
import { ACTIONS_BY_ID, justSplit } from './actions';
import { cuesOf, cursorCueIndex, vttField } from './cue-field';
import { playbackPort, type PlaybackPort } from './playback-port';
import { editorHost } from '../../test/editor-host';
import { fixture } from '../../test/fixtures';

const text515 = readFileSync(fixture.vtt515, 'utf8');
const run = (id: string, h: ReturnType<typeof editorHost>) => ACTIONS_BY_ID.get(id)!.run(h.view);
const open = (doc = text515, more: Parameters<typeof editorHost>[1] = []) => editorHost(doc, [vttField, justSplit, history(), more]);
/** Cursor into cue `index`'s text, `offset` characters in. */
const into = (h: ReturnType<typeof editorHost>, index: number, offset = 0) => h.dispatch({ selection: { anchor: cuesOf(h.state)[index]!.textRange.from + offset } });

describe('editor actions', () => {
  it('Merge right after Split gives back the original bytes, though the cursor is in the second half', () => {
    const h = open();
    into(h, 2, 'scalable applications '.length);
    expect(run('split-cue', h)).toBe(true);
    expect(cuesOf(h.state)).toHaveLength(cuesOf(editorHost(text515, [vttField]).state).length + 1);
    expect(cursorCueIndex(h.state)).toBe(3);
    expect(run('merge-next', h)).toBe(true);
    expect(h.state.doc.toString()).toBe(text515);
  });

  it('after the cursor moves, Merge joins the cursor cue with the next', () => {
    const h = open();
    into(h, 2, 5);
    run('split-cue', h);
    into(h, 3, 1);
    run('merge-next', h);
    // Cue 3 (the second half) now holds cue 4's text too.
    expect(cuesOf(h.state)[3]!.text).toContain(cuesOf(editorHost(text515, [vttField]).state)[3]!.text);
  });

  it('nudges only the timing line, as one undo step', () => {
    const h = open();
    into(h, 2);
    run('nudge-start-forward', h);
    const changed = h.state.doc.toString().split('\n').filter((l, i) => l !== text515.split('\n')[i]);
    expect(changed).toEqual(['00:00:09.540 --> 00:00:13.300']);
    undo(h.view);
    expect(h.state.doc.toString()).toBe(text515);
  });

  it('next / previous cue jump to the cue text, centred (a scroll effect) and tagged as a jump', () => {
    const h = open();
    into(h, 5);
    run('next-cue', h);
    expect(cursorCueIndex(h.state)).toBe(6);
    expect(h.state.selection.main.head).toBe(cuesOf(h.state)[6]!.textRange.from);
    const tr = h.transactions.at(-1)!;
    expect(tr.isUserEvent('select.cue')).toBe(true);
    // EditorView.scrollIntoView(pos, { y: 'center' }): a scroll target centred vertically.
    expect(tr.effects.some((e) => (e.value as { y?: string } | null)?.y === 'center')).toBe(true);
    run('previous-cue', h);
    run('previous-cue', h);
    expect(cursorCueIndex(h.state)).toBe(4);
  });

  it('playback actions go to the playback port: play from the playhead, seek to the cue start, rate steps', () => {
    const calls: unknown[][] = [];
    const port: PlaybackPort = {
      time: () => 12, ready: () => true, playing: false,
      playPause: (from) => calls.push(['playPause', from]), seek: (t) => calls.push(['seek', t]), seekBy: (t) => calls.push(['seekBy', t]),
      playRange: (a, b, loop) => calls.push(['playRange', a, b, loop ?? false]), changeRate: (s) => calls.push(['rate', s]),
      silenceNear: () => null, on: () => () => {},
    };
    const h = open(text515, playbackPort.of(port));
    into(h, 3);
    run('play-pause', h);
    run('seek-to-cue', h);
    run('loop-cue', h);
    run('faster', h);
    const cue = cuesOf(h.state)[3]!;
    expect(calls).toEqual([['playPause', undefined], ['seek', cue.start], ['playRange', cue.start, cue.end, true], ['rate', 0.1]]);
    // Set end to playhead writes the playhead time (12 s) into the cue's end.
    run('end-to-playhead', h);
    expect(cuesOf(h.state)[3]!.end).toBe(12);
  });
});
