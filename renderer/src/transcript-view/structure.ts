/**
 * The transcript view's structure decorations: each block's hidden lead (separator
 * lines, header, id and timing line) replaced by a timing chip, NOTE/STYLE blocks by a
 * muted note; a chip is coloured when its cue breaks the QA rules. These replace line breaks, so CodeMirror needs them from a StateField, not
 * a view plugin. Kept incremental: a change maps the set and rebuilds only the blocks
 * around it, so a keystroke costs what its cue costs, not the file.
 *
 * Made in two steps, so a long file opens as fast as its raw text. What the leads cost
 * at open is CodeMirror's height map, not the chips (@codemirror/view 6.43, dist/index.js):
 * the ViewState constructor builds the map from the state's decorations
 * (`HeightMap.empty().applyChanges(stateDeco, ...)`), and the first measure builds it
 * once more when the measured line height refreshes the height oracle (`refresh ?
 * HeightMap.empty().applyChanges(...)`). Text without decorations is one HeightMapGap
 * however many lines it has; each replaced lead makes a HeightMapText line and a break
 * (NodeBuilder.point/addLineDeco), so 4,000 leads were two builds of ~8,000 nodes before
 * the first frame, plus the DocView's first pass over every chip. So the field is made
 * with the first FIRST_BLOCKS blocks' leads (well past the first screen and
 * CodeMirror's 1,000 px viewport margin) and one block standing for the rest (RestWidget),
 * and `finishStructure` swaps that block for the rest's leads once the first frame is
 * painted: one height-map pass over the rest instead of two over the file.
 * The rest comes at once, and sooner when anything could show a block not yet decorated:
 * an edit, a selection past the decorated part (the field), or a viewport reaching it
 * (the plugin), so no raw timing line is ever drawn on screen.
 */
import { RangeSetBuilder, StateEffect, StateField, type EditorState, type Range, type Text, type Transaction } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, WidgetType, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { blockRuns } from '../../../shared/formats/vtt/incremental';
import type { VttBlock } from '../../../shared/formats/vtt/types';
import type { QaRules } from '../../../shared/timing/qa';
import { vttField } from '../editor/cue-field';
import { qaRules } from '../editor/qa-rules';
import { eachLead, layoutOf, trailingRange } from './layout';
import { TextWidget } from './text-widget';
import { sameRules, TimingChip } from './timing-chip';

const HIDE = Decoration.replace({});

/** Blocks decorated when the field is made; a file with no more is whole from the start. */
export const FIRST_BLOCKS = 300;

export interface Structure {
  readonly decorations: DecorationSet;
  /**
   * Where the decorated part ends: the start of the first lead not yet replaced (the
   * document's length once every block is decorated). Text before it shows as it should.
   */
  readonly shownTo: number;
  /** Every block is decorated (an edit then rebuilds only the blocks around it). */
  readonly whole: boolean;
  /** Blocks decorated, from the first (while not whole: no edit came since, so they are these blocks). */
  readonly built: number;
  /** While not whole: what stands for the blocks not decorated yet (`shownTo` to the end). */
  readonly rest: Decoration | null;
}

/** Height of a transcript line as the view's theme draws it (15 px at 1.55, 0.35 em above), px. */
const LINE_PX = 28;

/**
 * The blocks not decorated yet, as one block of about their height, off screen. Were
 * they left plain, the height map would count their hidden lines, and adding their leads
 * would be one change per lead for CodeMirror: ViewState.update takes the changed
 * ranges from heightRelevantDecoChanges, which merges only touching ranges (addRange),
 * and HeightMap.applyChanges then looks up, builds and replaces each one (~4,000 tree
 * replacements, 2/3 of the cost). Replacing this one block by the leads is one
 * contiguous change: one NodeBuilder pass over the rest and one replace.
 */
class RestWidget extends WidgetType {
  constructor(readonly height: number) {
    super();
  }
  override eq(other: RestWidget): boolean {
    return other.height === this.height;
  }
  override get estimatedHeight(): number {
    return this.height;
  }
  toDOM(): HTMLElement {
    // Drawn only if the viewport reached it, and then the plugin decorates the rest before the frame paints.
    const div = document.createElement('div');
    div.style.height = `${this.height}px`;
    return div;
  }
}

/** Decorates the blocks not decorated yet (the view's plugin sends it after the first frame). */
export const finishStructure = StateEffect.define<null>();

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

/** Blocks `0..count - 1` decorated (all of them when `count` reaches the end). */
function buildFirst(state: EditorState, count: number): Structure {
  const blocks = blockRuns(state.field(vttField));
  const last = Math.min(count, blocks.length) - 1;
  // One pass straight into the builder: the set CodeMirror lays out at open, made without a list of ranges in between.
  const builder = new RangeSetBuilder<Decoration>();
  addLeads(state, 0, last, (from, to, deco) => builder.add(from, to, deco));
  const whole = last === blocks.length - 1;
  if (whole) return { decorations: builder.finish(), shownTo: state.doc.length, whole, built: last + 1, rest: null };
  const shownTo = layoutOf(state.doc, state.field(vttField), last + 1).hiddenFrom;
  // Each block not decorated yet will hide its separator and timing lines: about two lines in three stay.
  const restBlocks = blocks.length - last - 1;
  const restLines = state.doc.lines - state.doc.lineAt(shownTo).number + 1;
  const rest = Decoration.replace({ widget: new RestWidget(Math.max(restBlocks, restLines - 2 * restBlocks) * LINE_PX), block: true });
  builder.add(shownTo, state.doc.length, rest);
  return { decorations: builder.finish(), shownTo, whole, built: last + 1, rest };
}

function buildAll(state: EditorState): Structure {
  return buildFirst(state, Infinity);
}

/**
 * The rest of the blocks' leads in place of the block standing for them, in a set made by
 * buildFirst on the same document. One pass into a builder: the first blocks' decorations
 * are the same objects, so CodeMirror's comparison of the two sets finds them equal at
 * once (`a == b` in cmpVal) and redraws nothing there. (Keeping the old set's chunks
 * would gain nothing: RangeSet.compare shares only chunks without points, findSharedChunks.)
 */
function finish(value: Structure, state: EditorState): Structure {
  const blocks = blockRuns(state.field(vttField));
  const builder = new RangeSetBuilder<Decoration>();
  for (const first = value.decorations.iter(); first.value; first.next()) if (first.value !== value.rest) builder.add(first.from, first.to, first.value);
  addLeads(state, value.built, blocks.length - 1, (from, to, deco) => builder.add(from, to, deco));
  return { decorations: builder.finish(), shownTo: state.doc.length, whole: true, built: blocks.length, rest: null };
}

/** Blocks whose lead a change may have moved: the changed ones and one either side. */
function rebuild(value: Structure, tr: Transaction): Structure {
  const decos = value.decorations;
  const doc = tr.state.field(vttField);
  // Blocks by index and position (editor/cue-field blocksOf): the whole list is never built here.
  const blocks = blockRuns(doc);
  if (!blocks.length) return { decorations: Decoration.none, shownTo: tr.state.doc.length, whole: true, built: 0, rest: null };
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
  return { decorations: decos.map(tr.changes).update({ filter: () => false, filterFrom, filterTo, add: out }), shownTo: tr.state.doc.length, whole: true, built: blocks.length, rest: null };
}

/** The selection reaches past the decorated part. */
function selectsPast(state: EditorState, pos: number): boolean {
  return state.selection.ranges.some((r) => r.to > pos);
}

function create(state: EditorState): Structure {
  const first = buildFirst(state, FIRST_BLOCKS);
  // A document opened (or a view toggled) with the cursor further down is decorated at once.
  return first.whole || !selectsPast(state, first.shownTo) ? first : buildAll(state);
}

/** Marked in the frame after the whole structure is drawn (read by `npm run bench -- transcript-view`). */
const WHOLE_MARK = 'cueline:transcript-whole';
/** How long decorating the rest took, in the task the plugin sends it in (read by the bench too). */
const REST_MEASURE = 'cueline:transcript-rest';

/**
 * Sends finishStructure once the first frame is painted (a timeout queued from a frame
 * callback runs after that frame), or at once when the viewport reaches the part not
 * decorated yet. A plugin may not dispatch while the view updates it: a microtask runs
 * right after, before the frame paints.
 */
const structureFinisher = ViewPlugin.fromClass(
  class {
    private frame = 0;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private queued = false;
    private gone = false;

    constructor(readonly view: EditorView) {
      if (view.state.field(structureField).whole) return;
      this.frame = requestAnimationFrame(() => {
        this.timer = setTimeout(() => this.finish(), 0);
      });
      this.check();
    }

    update(u: ViewUpdate): void {
      if (u.state.field(structureField).whole) {
        if (!u.startState.field(structureField).whole) requestAnimationFrame(() => performance.mark(WHOLE_MARK));
        return;
      }
      this.check();
    }

    private check(): void {
      if (this.queued || this.view.viewport.to <= this.view.state.field(structureField).shownTo) return;
      this.queued = true;
      queueMicrotask(() => this.finish());
    }

    private finish(): void {
      if (this.gone || this.view.state.field(structureField).whole) return;
      const start = performance.now();
      this.view.dispatch({ effects: finishStructure.of(null) });
      performance.measure(REST_MEASURE, { start });
    }

    destroy(): void {
      this.gone = true;
      cancelAnimationFrame(this.frame);
      clearTimeout(this.timer);
    }
  },
);

export const structureField = StateField.define<Structure>({
  create,
  update(value, tr) {
    // New QA rules recolour every chip. The settings hand over a new rules object on every
    // reconfigure (the editor's preferences are set once just after it opens): equal
    // rules keep the set, so CodeMirror neither rebuilds nor compares 4,000 chips then.
    if (!sameRules(tr.startState.facet(qaRules), tr.state.facet(qaRules))) return buildAll(tr.state);
    if (!value.whole) {
      // Positions past the decorated part are not mapped: an edit before the rest came decorates all.
      if (tr.docChanged) return buildAll(tr.state);
      if (tr.effects.some((e) => e.is(finishStructure)) || selectsPast(tr.state, value.shownTo)) return finish(value, tr.state);
      return value;
    }
    return tr.docChanged ? rebuild(value, tr) : value;
  },
  provide: (f) => [
    EditorView.decorations.from(f, (v) => v.decorations),
    EditorView.atomicRanges.of((view) => view.state.field(f).decorations),
    structureFinisher,
  ],
});
