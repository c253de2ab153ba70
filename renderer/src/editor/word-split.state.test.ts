import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { parseVtt } from '../../../shared/formats/vtt/parser';
import { splitCue } from '../../../shared/timing';
import { vttField, vttOf } from './cue-field';
import { splitCueAtWord } from './word-split';
import { cueWordTimes, wordTimes } from './word-times';

// Word tags as an aligner writes them: "see" ends at 2.2, "it" starts at 3.0 (a pause).
const DOC = ['WEBVTT', '', '00:00:01.000 --> 00:00:04.000', 'we can <00:00:01.500>really <00:00:02.000>see <00:00:03.000>it now', ''].join('\n');

describe('split at a word boundary', () => {
  it('cuts at the nearest boundary and takes the times of the words either side', () => {
    const state = EditorState.create({ doc: DOC, extensions: [vttField, wordTimes] });
    // Cursor inside "see", nearer its end: the boundary before "it".
    const see = DOC.indexOf('see');
    const edit = splitCueAtWord(state, 0, see + 2)!;
    const next = state.update({ changes: edit.changes, selection: { anchor: edit.cursor! } }).state;
    const cues = parseVtt(next.doc.toString()).cues;
    expect(cues.map((c) => [c.start, c.end])).toEqual([[1, 3], [3, 4]]);
    expect(cues[1]!.text.startsWith('<00:00:03.000>it')).toBe(true);
    expect(next.selection.main.head).toBe(cues[1]!.textRange.from);
    // The proportional split would have put the cut elsewhere in time.
    const proportional = parseVtt(state.update({ changes: splitCue(vttOf(state), 0, DOC.indexOf('<00:00:03.000>it')).changes }).state.doc.toString()).cues;
    expect(proportional[0]!.end).not.toBe(3);
    // Both halves keep their word times.
    expect(cueWordTimes(next, 0)?.map((w) => w.text)).toEqual(['we', 'can', 'really', 'see']);
    expect(cueWordTimes(next, 1)?.map((w) => [w.text, w.start])).toEqual([['it', 3], ['now', 3.429]]);
  });

  it('leaves cues without word times, and cursors outside the words, to the ordinary split', () => {
    const plain = EditorState.create({ doc: DOC.replace(/<[\d:.]+>/g, ''), extensions: [vttField, wordTimes] });
    expect(splitCueAtWord(plain, 0, plain.doc.toString().indexOf('see'))).toBeNull();
    const timed = EditorState.create({ doc: DOC, extensions: [vttField, wordTimes] });
    expect(splitCueAtWord(timed, 0, DOC.indexOf('we'))).toBeNull();
    expect(splitCueAtWord(timed, 0, DOC.length - 1)).toBeNull();
  });
});
