/**
 * The transcript view's structure decorations: each block's hidden lead (separator
 * lines, header, id and timing line) replaced by a timing chip, NOTE/STYLE blocks by a
 * muted note; a chip is coloured when its cue breaks the QA rules. These replace line breaks, so CodeMirror needs them from a StateField, not
 * a view plugin. Kept incremental: a change maps the set and rebuilds only the blocks
 * around it, so a keystroke costs what its cue costs, not the file.
 */
import { RangeSetBuilder, StateField, type EditorState, type Range, type Transaction } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import { blockRuns } from '../../../shared/formats/vtt/incremental';
import type { VttDocument } from '../../../shared/formats/vtt/types';
import { vttField } from '../editor/cue-field';
import { qaRules } from '../editor/qa-rules';
import { layoutOf, trailingRange } from './layout';
import { TextWidget } from './text-widget';
import { TimingChip } from './timing-chip';

const HIDE = Decoration.replace({});

function blockDecorations(state: EditorState, doc: VttDocument, i: number, out: Range<Decoration>[]): void {
  const b = blockRuns(doc).block(i);
  const { hiddenFrom, hiddenTo } = layoutOf(state.doc, doc, i);
  if (b.kind === 'cue') {
    const c = b.cue;
    out.push(Decoration.replace({ widget: TimingChip.of(c, state.doc, state.facet(qaRules)) }).range(hiddenFrom, hiddenTo));
    return;
  }
  const first = state.doc.lineAt(b.range.from).text;
  const text = b.kind === 'note' ? state.doc.sliceString(b.range.from, b.range.to).replace(/^NOTE[ \t]*(\n)?/, '').replace(/\n/g, ' ') : first;
  out.push(Decoration.replace({ widget: new TextWidget('cm-tv-note', text || 'NOTE', null, 'Notes and styles are edited in the raw WebVTT view') }).range(hiddenFrom, hiddenTo));
}

function buildAll(state: EditorState): DecorationSet {
  const doc = state.field(vttField);
  const out: Range<Decoration>[] = [];
  for (let i = 0; i < doc.blocks.length; i++) blockDecorations(state, doc, i, out);
  const tail = trailingRange(state.doc, doc);
  if (tail) out.push(HIDE.range(tail.from, tail.to));
  const builder = new RangeSetBuilder<Decoration>();
  for (const r of out) builder.add(r.from, r.to, r.value);
  return builder.finish();
}

/** Blocks whose lead a change may have moved: the changed ones and one either side. */
function rebuild(decos: DecorationSet, tr: Transaction): DecorationSet {
  const doc = tr.state.field(vttField);
  // Blocks by index and position (editor/cue-field blocksOf): the whole list is never built here.
  const blocks = blockRuns(doc);
  if (!blocks.length) return Decoration.none;
  let from = Infinity;
  let to = -1;
  tr.changes.iterChangedRanges((_fa, _ta, fb, tb) => {
    from = Math.min(from, fb);
    to = Math.max(to, tb);
  });
  const first = Math.max(0, blocks.blockIndexFrom(from) - 1);
  let last = Math.min(blocks.length - 1, blocks.blockIndexFrom(to) + 1);
  if (last - first > 200) return buildAll(tr.state);
  while (last < blocks.length - 1 && blocks.from(last) <= to) last++;
  const filterFrom = layoutOf(tr.state.doc, doc, first).hiddenFrom;
  const out: Range<Decoration>[] = [];
  for (let i = first; i <= last; i++) blockDecorations(tr.state, doc, i, out);
  let filterTo = layoutOf(tr.state.doc, doc, last).hiddenTo;
  if (last === blocks.length - 1) {
    filterTo = tr.state.doc.length;
    const tail = trailingRange(tr.state.doc, doc);
    if (tail) out.push(HIDE.range(tail.from, tail.to));
  }
  return decos.map(tr.changes).update({ filter: () => false, filterFrom, filterTo, add: out });
}

export const structureField = StateField.define<DecorationSet>({
  create: buildAll,
  update(decos, tr) {
    // New QA rules recolour every chip.
    if (tr.startState.facet(qaRules) !== tr.state.facet(qaRules)) return buildAll(tr.state);
    return tr.docChanged ? rebuild(decos, tr) : decos;
  },
  provide: (f) => [EditorView.decorations.from(f), EditorView.atomicRanges.of((view) => view.state.field(f))],
});
