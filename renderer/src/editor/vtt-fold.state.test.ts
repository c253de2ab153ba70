import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EditorState } from '@codemirror/state';
import { foldable } from '@codemirror/language';
import { describe, expect, it } from 'vitest';
import { vttField } from './cue-field';
import { vttFold } from './vtt-fold';
import { fixture } from '../../test/fixtures';

describe('cue folding', () => {
  it('folds each cue to its timing line, and nothing else', () => {
    const text = readFileSync(join(fixture.snippets, 'vtt_overlap_515.vtt'), 'utf8');
    const state = EditorState.create({ doc: text, extensions: [vttField, vttFold] });
    const timing = state.doc.line(3);
    expect(timing.text).toBe('00:34:26.139 --> 00:34:31.960');
    expect(foldable(state, timing.from, timing.to)).toEqual({ from: timing.to, to: state.doc.line(4).to });
    expect(foldable(state, state.doc.line(4).from, state.doc.line(4).to)).toBeNull();
    expect(foldable(state, state.doc.line(1).from, state.doc.line(1).to)).toBeNull();
  });
});
