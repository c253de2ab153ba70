/**
 * The transcript view's structure decorations: each block's hidden lead (separator
 * lines, header, id and timing line) replaced by a timing chip, NOTE/STYLE blocks by a
 * muted note; a chip is coloured when its cue breaks the QA rules. These replace line breaks, so CodeMirror needs them from a StateField, not
 * a view plugin. Kept incremental: a change maps the set and rebuilds only the blocks
 * around it, so a keystroke costs what its cue costs, not the file.
 */
import { RangeSetBuilder, StateField, type EditorState, type Range, type Text, type Transaction } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import { blockRuns } from '../../../shared/formats/vtt/incremental';
import type { VttBlock } from '../../../shared/formats/vtt/types';
import type { QaRules } from '../../../shared/timing/qa';
import { vttField } from '../editor/cue-field';
import { qaRules } from '../editor/qa-rules';
import { eachLead, layoutOf, trailingRange } from './layout';
import { TextWidget } from './text-widget';
import { sameRules, TimingChip } from './timing-chip';

const HIDE = Decoration.replace({});

/** What stands for block `b`'s hidden lead: its timing chip, or a muted note for NOTE/STYLE blocks. */
function leadDecoration(text: Text, b: VttBlock, rules: Readonly<QaRules>): Decoration {
  if (b.kind === 'cue') return Decoration.replace({ widget: TimingChip.of(b.cue, text, rules) });
  const first = text.lineAt(b.range.from).text;
  const shown = b.kind === 'note' ? text.sliceString(b.range.from, b.range.to).replace(/^NOTE[ \t]*(\n)?/, '').replace(/\n/g, ' ') : first;
  return Decoration.replace({ widget: new TextWidget('cm-tv-note', shown || 'NOTE', null, 'Notes and styles are edited in the raw WebVTT view') });
}

/** Blocks `from..to` (and the trailing blank lines when `to` is the last block) into `add`, in document order. */
function addLeads(state: EditorState, from: number, to: number, add: (from: number, to: number, deco: Decoration) => void): void {
  const doc = state.field(vttField);
  const rules = state.facet(qaRules);
  const text = state.doc;
  eachLead(text, doc, from, to, (b, hiddenFrom, hiddenTo) => add(hiddenFrom, hiddenTo, leadDecoration(text, b, rules)));
  if (to === blockRuns(doc).length - 1) {
    const tail = trailingRange(text, doc);
    if (tail) add(tail.from, tail.to, HIDE);
  }
}

function buildAll(state: EditorState): DecorationSet {
  // One pass straight into the builder: the set CodeMirror lays out at open, made without a list of ranges in between.
  const builder = new RangeSetBuilder<Decoration>();
  addLeads(state, 0, blockRuns(state.field(vttField)).length - 1, (from, to, deco) => builder.add(from, to, deco));
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
  const filterTo = last === blocks.length - 1 ? tr.state.doc.length : layoutOf(tr.state.doc, doc, last).hiddenTo;
  const out: Range<Decoration>[] = [];
  addLeads(tr.state, first, last, (a, b, deco) => void out.push(deco.range(a, b)));
  return decos.map(tr.changes).update({ filter: () => false, filterFrom, filterTo, add: out });
}

export const structureField = StateField.define<DecorationSet>({
  create: buildAll,
  update(decos, tr) {
    // New QA rules recolour every chip. The settings hand over a new rules object on every
    // reconfigure (the editor's preferences are set once just after it opens): equal
    // rules keep the set, so CodeMirror neither rebuilds nor compares 4,000 chips then.
    if (!sameRules(tr.startState.facet(qaRules), tr.state.facet(qaRules))) return buildAll(tr.state);
    return tr.docChanged ? rebuild(decos, tr) : decos;
  },
  provide: (f) => [EditorView.decorations.from(f), EditorView.atomicRanges.of((view) => view.state.field(f))],
});
