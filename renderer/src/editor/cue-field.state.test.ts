import { readFileSync } from 'node:fs';
import { EditorState } from '@codemirror/state';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseVtt } from '../../../shared/formats/vtt/parser';
import { cuesOf, cursorCueIndex, vttField } from './cue-field';
import { fixture } from '../../test/fixtures';

const text = readFileSync(fixture.vtt515, 'utf8').slice(0, 6000);
const shape = (cues: readonly ReturnType<typeof parseVtt>['cues'][number][]) => cues.map((c) => ({ start: c.start, end: c.end, text: c.text, range: c.range, textRange: c.textRange }));

describe('cue field', () => {
  it('after any sequence of edits, the incrementally reparsed cues equal a full parse of the text', () => {
    const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 40 }), insert: fc.constantFrom('', 'x', '\n', '\n\n', ' --> ', '00:00:01.000 --> 00:00:02.000\nnew\n\n', 'WEBVTT', 'NOTE hi\n') });
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
      let state = EditorState.create({ doc: text, extensions: [vttField] });
      for (const e of edits) {
        const from = e.at % (state.doc.length + 1);
        state = state.update({ changes: { from, to: Math.min(state.doc.length, from + e.del), insert: e.insert } }).state;
      }
      expect(shape(cuesOf(state))).toEqual(shape(parseVtt(state.doc.toString()).cues));
    }), { numRuns: 60 });
  });

  it('names the cue under the cursor (the one before it between cues, -1 before the first)', () => {
    let state = EditorState.create({ doc: text, extensions: [vttField] });
    expect(cursorCueIndex(state)).toBe(-1);
    const cues = cuesOf(state);
    state = state.update({ selection: { anchor: cues[4]!.textRange.from + 3 } }).state;
    expect(cursorCueIndex(state)).toBe(4);
    state = state.update({ selection: { anchor: cues[5]!.range.from - 1 } }).state;
    expect(cursorCueIndex(state)).toBe(4);
  });
});
