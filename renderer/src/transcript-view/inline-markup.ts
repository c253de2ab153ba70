/**
 * Cue text markup as a reader sees it, drawn for the visible cues only: `<v Name>` as a
 * speaker label coloured per speaker (at the start of each turn; a cue continuing the
 * same speaker's turn hides its tag), other tags hidden, character references as their
 * characters. The lines the selection touches show their raw markup instead, as in
 * Obsidian's live preview, so the markup stays editable where the user is.
 */
import { RangeSetBuilder, type EditorState } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { tokenizeCueText } from '../../../shared/formats/vtt/cue-text';
import { consumeCharacterReference } from '../../../shared/formats/vtt/entities';
import { blockRuns } from '../../../shared/formats/vtt/incremental';
import { speakerColour } from '../../../shared/speakers/colour';
import { vttField } from '../editor/cue-field';
import { TextWidget } from './text-widget';

const HIDDEN_TAG = Decoration.replace({});

/** Lines (by number) a selection range touches. */
function revealedLines(state: EditorState): Set<number> {
  const lines = new Set<number>();
  for (const r of state.selection.ranges) {
    const a = state.doc.lineAt(r.from).number;
    const b = state.doc.lineAt(r.to).number;
    for (let n = a; n <= b && n - a < 1000; n++) lines.add(n);
  }
  return lines;
}

function build(state: EditorState, visible: readonly { from: number; to: number }[]): DecorationSet {
  // The visible blocks by position (editor/cue-field blocksOf): the whole list is never built here.
  const blocks = blockRuns(state.field(vttField));
  const reveal = revealedLines(state);
  const builder = new RangeSetBuilder<Decoration>();
  let last = -1;
  for (const { from, to } of visible) {
    for (let i = blocks.blockIndexFrom(from); i < blocks.length; i++) {
      const b = blocks.block(i);
      if (b.range.from > to) break;
      if (i <= last || b.kind !== 'cue') continue;
      last = i;
      const c = b.cue;
      const raw = state.doc.sliceString(c.textRange.from, c.textRange.to);
      if (raw.indexOf('<') === -1 && raw.indexOf('&') === -1) continue;
      const prev = i > 0 ? blocks.block(i - 1) : undefined;
      const prevSpeaker = prev?.kind === 'cue' ? prev.cue.speaker : null;
      let voices = 0;
      for (const t of tokenizeCueText(raw)) {
        const at = c.textRange.from + t.from;
        if (reveal.has(state.doc.lineAt(at).number)) continue;
        if (t.type === 'start' && t.name === 'v') {
          // The first voice continuing the previous cue's speaker is the same turn: no label.
          const continues = voices++ === 0 && t.annotation === prevSpeaker && t.from === 0;
          builder.add(at, c.textRange.from + t.to, continues || !t.annotation ? HIDDEN_TAG : Decoration.replace({ widget: new TextWidget('cm-tv-speaker', t.annotation, speakerColour(t.annotation)) }));
        } else if (t.type !== 'text') builder.add(at, c.textRange.from + t.to, HIDDEN_TAG);
        else {
          for (let amp = raw.indexOf('&', t.from); amp !== -1 && amp < t.to; amp = raw.indexOf('&', amp + 1)) {
            const ref = consumeCharacterReference(raw, amp, t.to);
            if (!ref) continue;
            builder.add(c.textRange.from + amp, c.textRange.from + ref.end, Decoration.replace({ widget: new TextWidget('cm-tv-char', ref.value) }));
            amp = ref.end - 1;
          }
        }
      }
    }
  }
  return builder.finish();
}

const MARKUP = /[<>&;\n]/;

/**
 * Every change of the update is on a line shown raw (where no marks are) and neither adds
 * nor removes markup characters or line breaks.
 */
function plainEdit(u: ViewUpdate): boolean {
  if (!u.docChanged) return true;
  const shown = revealedLines(u.startState);
  const doc = u.startState.doc;
  let plain = true;
  u.changes.iterChanges((fromA, toA, _fb, _tb, inserted) => {
    if (!plain) return;
    if (!shown.has(doc.lineAt(fromA).number) || MARKUP.test(inserted.toString()) || MARKUP.test(doc.sliceString(fromA, toA))) plain = false;
  });
  return plain;
}

function sameLines(a: Set<number>, b: Set<number>): boolean {
  if (a.size !== b.size) return false;
  for (const n of a) if (!b.has(n)) return false;
  return true;
}

export const inlineMarkup = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = build(view.state, view.visibleRanges);
    }
    update(u: ViewUpdate) {
      if (!u.docChanged && !u.viewportChanged && !u.selectionSet) return;
      // Ordinary typing (no markup characters, no line breaks) on the same revealed lines
      // moves the marks but changes none: map them instead of rebuilding the view's cues.
      if (!u.viewportChanged && plainEdit(u) && sameLines(revealedLines(u.startState), revealedLines(u.state))) {
        this.decorations = this.decorations.map(u.changes);
        return;
      }
      this.decorations = build(u.state, u.view.visibleRanges);
    }
  },
  {
    decorations: (v) => v.decorations,
    provide: (p) => EditorView.atomicRanges.of((view) => view.plugin(p)?.decorations ?? Decoration.none),
  },
);
