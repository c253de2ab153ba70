/**
 * WebVTT highlighting and the small figures beside each timing line, drawn for the
 * visible blocks only from the cue StateField (no second parser, no Lezer grammar to
 * keep in step with the spec parser). Each visible block costs O(its length); scrolling
 * a 4,000-cue file stays flat.
 */
import { RangeSetBuilder, type EditorState } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, WidgetType, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import type { VttBlock } from '../../../shared/formats/vtt/types';
import { shownFigures } from './cue-figures';
import { blocksOf, vttField } from './cue-field';
import { qaRules } from './qa-rules';

const mark = (cls: string) => Decoration.mark({ class: cls });
const TIME = mark('cm-vtt-time');
const ARROW = mark('cm-vtt-arrow');
const SETTING = mark('cm-vtt-setting');
const ID = mark('cm-vtt-id');
const TAG = mark('cm-vtt-tag');
const VOICE = mark('cm-vtt-voice');
const NOTE = mark('cm-vtt-note');
const STYLE = mark('cm-vtt-style');
const HEADER = mark('cm-vtt-header');
const IGNORED = mark('cm-vtt-ignored');

/** Duration and characters per second of a cue, shown after its timing line. */
class FiguresWidget extends WidgetType {
  constructor(readonly text: string, readonly level: 'ok' | 'warn' | 'error') {
    super();
  }
  override eq(other: FiguresWidget) {
    return other.text === this.text && other.level === this.level;
  }
  toDOM() {
    const span = document.createElement('span');
    span.className = this.level === 'ok' ? 'cm-vtt-figures' : `cm-vtt-figures cm-vtt-figures-${this.level}`;
    span.textContent = this.text;
    span.setAttribute('aria-hidden', 'true');
    return span;
  }
  override ignoreEvent() {
    return true;
  }
}

/** First block whose range ends at or after `pos`. */
export function firstBlockFrom(blocks: readonly VttBlock[], pos: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.range.to < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const TAG_PATTERN = /<[^>\n]*>?/g;

function build(state: EditorState, visible: readonly { from: number; to: number }[]): DecorationSet {
  const doc = state.field(vttField);
  // The visible blocks by position: a keystroke never builds the whole block list here.
  const blocks = blocksOf(state);
  const rules = state.facet(qaRules);
  const builder = new RangeSetBuilder<Decoration>();
  if (visible.length && visible[0]!.from <= doc.header.range.to && doc.header.range.to > doc.header.range.from) {
    builder.add(doc.header.range.from, doc.header.range.to, HEADER);
  }
  let last = -1;
  for (const { from, to } of visible) {
    for (let i = blocks.blockIndexFrom(from); i < blocks.length; i++) {
      const b = blocks.block(i);
      if (b.range.from > to) break;
      if (i <= last) continue;
      last = i;
      if (b.kind === 'cue') {
        const c = b.cue;
        if (c.idRange) builder.add(c.idRange.from, c.idRange.to, ID);
        builder.add(c.startRange.from, c.startRange.to, TIME);
        if (c.endRange.from > c.startRange.to) builder.add(c.startRange.to, c.endRange.from, ARROW);
        builder.add(c.endRange.from, c.endRange.to, TIME);
        if (c.settingsRange.to > c.settingsRange.from) builder.add(c.settingsRange.from, c.settingsRange.to, SETTING);
        const f = shownFigures(c, rules);
        builder.add(c.timingRange.to, c.timingRange.to, Decoration.widget({
          widget: new FiguresWidget(f.text, f.error ? 'error' : f.warn ? 'warn' : 'ok'),
          side: 1,
        }));
        // From the editor's rope: the parsed document's whole text is not needed here.
        const body = state.doc.sliceString(c.textRange.from, c.textRange.to);
        if (body.indexOf('<') !== -1) {
          TAG_PATTERN.lastIndex = 0;
          for (let m = TAG_PATTERN.exec(body); m; m = TAG_PATTERN.exec(body)) {
            const at = c.textRange.from + m.index;
            builder.add(at, at + m[0].length, /^<v[\s.>]/.test(m[0]) ? VOICE : TAG);
          }
        }
      } else if (b.kind === 'note') builder.add(b.range.from, b.range.to, NOTE);
      else if (b.kind === 'style' || b.kind === 'region') builder.add(b.range.from, b.range.to, STYLE);
      else builder.add(b.range.from, b.range.to, IGNORED);
    }
  }
  return builder.finish();
}

export const vttDecorations = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = build(view.state, view.visibleRanges);
    }
    update(u: ViewUpdate) {
      if (u.docChanged || u.viewportChanged || u.startState.facet(qaRules) !== u.state.facet(qaRules)) {
        this.decorations = build(u.state, u.view.visibleRanges);
      }
    }
  },
  { decorations: (v) => v.decorations },
);

export const vttTheme = EditorView.baseTheme({
  '.cm-vtt-time': { color: '#2563a8', fontWeight: '600' },
  '.cm-vtt-arrow': { color: '#8a94a6' },
  '.cm-vtt-setting': { color: '#8e44ad' },
  '.cm-vtt-id': { color: '#8a94a6', fontStyle: 'italic' },
  '.cm-vtt-tag': { color: '#b35c00' },
  '.cm-vtt-voice': { color: '#1f7a4d', fontWeight: '600' },
  '.cm-vtt-note': { color: '#6b7280', fontStyle: 'italic' },
  '.cm-vtt-style': { color: '#8e44ad' },
  '.cm-vtt-header': { color: '#6b7280', fontWeight: '600' },
  '.cm-vtt-ignored': { textDecoration: 'line-through', textDecorationColor: '#c0392b66' },
  '.cm-vtt-figures': { color: '#8a94a6', fontSize: '85%', marginLeft: '1.5em', userSelect: 'none' },
  '.cm-vtt-figures-warn': { color: '#c0392b' },
  '.cm-vtt-figures-error': { color: '#c0392b', fontWeight: '600', textDecoration: 'underline wavy' },
  '&dark .cm-vtt-time': { color: '#7fb0ec' },
  '.cm-vtt-active-cue': { backgroundColor: '#3b5b9214' },
  '.cm-vtt-spoken-cue': { backgroundColor: '#e0532f1f' },
});
