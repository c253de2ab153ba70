/**
 * Typing cannot break the structure in the transcript view. A transaction filter
 * rewrites what the user types, pastes and deletes (never commands, undo or redo):
 *
 * - Text lands in cue text only: typing where the view hides structure goes to the
 *   cue text start (a cue without text gets its text line).
 * - A cue's text never gets an empty line (it would end the cue) nor a line with `-->`
 *   (it would start one): blank lines typed or pasted collapse, `-->` is written `--&gt;`.
 *   Several pasted paragraphs so stay in the cue they were pasted into.
 * - Backspace or Delete across a cue boundary merges the two cues (as Merge does); next
 *   to a NOTE or STYLE block it is refused, with a message.
 * - A selection across cues deletes their text, never their timing lines.
 *
 * Keystrokes inside one cue's text that cannot touch the structure pass untouched, so
 * typing costs what it costs in the raw view.
 */
import { ChangeSet, EditorState, StateEffect, StateField, Transaction, type ChangeSpec, type TransactionSpec } from '@codemirror/state';
import { showPanel, type Panel } from '@codemirror/view';
import { mergeWithNext } from '../../../shared/timing';
import { cueIndexAt } from '../../../shared/timing/cue-at';
import { blockRuns } from '../../../shared/formats/vtt/incremental';
import type { VttDocument } from '../../../shared/formats/vtt/types';
import { vttField } from '../editor/cue-field';
import { blockFrom, layoutOf } from './layout';
import { escapePlain } from './plain-text';

/** Shows why an edit was refused (or what it did instead), until the next edit or move. */
export const structureNotice = StateEffect.define<string>();

export const noticeField = StateField.define<string | null>({
  create: () => null,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(structureNotice)) return e.value;
    return tr.docChanged || tr.selection ? null : value;
  },
  provide: (f) =>
    showPanel.from(f, (text): ((view: unknown) => Panel) | null =>
      text
        ? () => {
            const dom = document.createElement('div');
            dom.className = 'cm-tv-notice';
            dom.setAttribute('role', 'status');
            dom.textContent = text;
            return { dom, top: false };
          }
        : null,
    ),
});

/** The user events the guard rewrites: typing, pasting, dropping (and moving text by dragging), deleting. */
function isTyping(tr: Transaction): boolean {
  const ev = tr.annotation(Transaction.userEvent);
  if (!ev) return false;
  return ev === 'input' || ev.startsWith('input.type') || ev.startsWith('input.paste') || ev.startsWith('input.drop') || ev.startsWith('input.complete') || ev.startsWith('delete') || ev.startsWith('move.drop');
}

interface Owner {
  /** Cue index. */
  cue: number;
  /** Where the text goes. */
  pos: number;
}

/** The cue whose text a position belongs to (structure positions go to the next cue's text start); null in a note. */
export function ownerOf(state: EditorState, doc: VttDocument, p: number): Owner | null {
  const j = blockFrom(doc.blocks, p);
  const b = doc.blocks[j];
  if (!b) {
    const last = doc.cues.at(-1);
    return last && doc.blocks.at(-1)!.kind === 'cue' ? { cue: doc.cues.length - 1, pos: last.textRange.to } : null;
  }
  if (b.kind !== 'cue') return null;
  const editFrom = layoutOf(state.doc, doc, j).hiddenTo;
  return { cue: cueIndexAt(doc.cues, b.cue.range.from), pos: Math.max(p, editFrom) };
}

/** Cue text after an edit, made safe: no empty line, no `-->`. */
export function safeCueText(body: string): string {
  return body.split('\n').filter((l) => l !== '').map((l) => l.replaceAll('-->', '--&gt;')).join('\n');
}

interface Piece {
  from: number;
  to: number;
  insert: string;
}

/** Applies `pieces` (all inside cue `k`'s text region) and rewrites the region as safe text. */
function cueChange(state: EditorState, doc: VttDocument, k: number, pieces: readonly Piece[]): ChangeSpec | null {
  const cue = doc.cues[k]!;
  const from = cue.timingRange.to;
  const old = state.doc.sliceString(from, cue.textRange.to);
  let text = '';
  let pos = from;
  for (const p of pieces) {
    text += state.doc.sliceString(pos, p.from) + p.insert;
    pos = p.to;
  }
  text += state.doc.sliceString(pos, cue.textRange.to);
  const body = safeCueText(text.startsWith('\n') ? text.slice(1) : text);
  const next = body ? '\n' + body : '';
  if (next === old) return null;
  let a = 0;
  while (a < old.length && a < next.length && old[a] === next[a]) a++;
  let b = 0;
  while (b < old.length - a && b < next.length - a && old[old.length - 1 - b] === next[next.length - 1 - b]) b++;
  return { from: from + a, to: from + old.length - b, insert: next.slice(a, next.length - b) };
}

/** A single-character Backspace/Delete that removes only structure: the boundary between blocks `j - 1` and `j`, or -1. */
function boundaryDeleted(state: EditorState, doc: VttDocument, fromA: number, toA: number): number {
  const j = blockFrom(doc.blocks, toA);
  if (!doc.blocks[j]) return -1;
  const { guardFrom, hiddenTo } = layoutOf(state.doc, doc, j);
  return j > 0 && fromA >= guardFrom && toA <= hiddenTo ? j : -1;
}

function refuse(tr: Transaction, message: string): TransactionSpec {
  return { effects: structureNotice.of(message), selection: tr.startState.selection };
}

export function guardTransaction(tr: Transaction): Transaction | TransactionSpec | readonly TransactionSpec[] {
  if (!tr.docChanged || !isTyping(tr)) return tr;
  const state = tr.startState;
  const doc = state.field(vttField);
  if (!blockRuns(doc).cueCount) return tr;
  const event = tr.annotation(Transaction.userEvent)!;
  const paste = event.startsWith('input.paste') || event.startsWith('input.drop');
  const edits: Piece[] = [];
  tr.changes.iterChanges((fromA, toA, _fb, _tb, inserted) => edits.push({ from: fromA, to: toA, insert: inserted.toString() }));

  if (edits.length === 1 && fastPath(state, doc, edits[0]!, paste)) return tr;

  if (edits.length === 1 && edits[0]!.insert === '' && event.startsWith('delete')) {
    const { from, to } = edits[0]!;
    const j = boundaryDeleted(state, doc, from, to);
    if (j > 0) {
      const before = doc.blocks[j - 1]!;
      const after = doc.blocks[j]!;
      if (before.kind !== 'cue' || after.kind !== 'cue') return refuse(tr, 'A note sits here: NOTE and STYLE blocks are edited in the raw WebVTT view.');
      const merge = mergeWithNext(doc, cueIndexAt(doc.cues, before.cue.range.from));
      return { changes: merge.changes, selection: merge.cursor !== undefined ? { anchor: merge.cursor } : undefined, userEvent: 'input.cue.merge', scrollIntoView: true, effects: structureNotice.of('Merged the two cues (undo to separate them again).') };
    }
  }

  const byCue = new Map<number, Piece[]>();
  const add = (k: number, piece: Piece) => {
    const list = byCue.get(k);
    if (list) list.push(piece);
    else byCue.set(k, [piece]);
  };
  let caret: { pos: number; assoc: 1 | -1 } | null = null;
  for (const e of edits) {
    const insert = paste ? escapePlain(e.insert) : e.insert;
    let placed = false;
    // Each cue text the deletion covers loses its part; the first one gets the insert.
    if (e.to > e.from) {
      for (let k = Math.max(0, cueIndexAt(doc.cues, e.from)); k < doc.cues.length && doc.cues[k]!.range.from < e.to; k++) {
        const c = doc.cues[k]!;
        const textFrom = c.textRange.to > c.textRange.from ? c.textRange.from : c.timingRange.to;
        const a = Math.max(e.from, textFrom);
        const b = Math.min(e.to, c.textRange.to);
        if (a > b || (a === b && placed)) continue;
        if (a === b && e.from < textFrom && e.to <= textFrom) continue;
        add(k, { from: a, to: b, insert: placed ? '' : insert });
        if (!placed) caret = { pos: a, assoc: 1 };
        placed = true;
      }
    }
    if (!placed) {
      const owner = ownerOf(state, doc, e.from);
      if (!owner) return refuse(tr, 'A note sits here: NOTE and STYLE blocks are edited in the raw WebVTT view.');
      if (e.to > e.from && !insert) return refuse(tr, 'Only cue text is deleted here: use Merge (or Backspace at the start of a cue) to join cues.');
      add(owner.cue, { from: owner.pos, to: owner.pos, insert });
      caret = { pos: owner.pos, assoc: 1 };
    }
  }
  const changes: ChangeSpec[] = [];
  for (const [k, pieces] of [...byCue.entries()].sort((x, y) => x[0] - y[0])) {
    pieces.sort((x, y) => x.from - y.from);
    const change = cueChange(state, doc, k, pieces);
    if (change) changes.push(change);
  }
  if (!changes.length) return refuse(tr, 'A blank line would end the cue: press Enter at the end of a cue\u2019s text to start a new cue.');
  const set = ChangeSet.of(changes, state.doc.length);
  const head = caret ? set.mapPos(caret.pos, caret.assoc) : set.mapPos(state.selection.main.head);
  return { changes: set, selection: { anchor: Math.min(head, set.newLength) }, userEvent: event, scrollIntoView: true };
}

/** True when the edit stays inside one cue's text and cannot make an empty line or `-->`. */
function fastPath(state: EditorState, doc: VttDocument, e: Piece, paste: boolean): boolean {
  if (paste || /[\n>-]/.test(e.insert)) return false;
  // By position and index (editor/cue-field blocksOf): typing never builds the whole cue list.
  const cues = blockRuns(doc);
  const k = cues.cueIndexAt(e.from);
  const c = cues.cue(k);
  // The empty line that ends the file, right after the last cue: typing there adds a line to that cue.
  if (c && e.from === e.to && e.from === state.doc.length && k === cues.cueCount - 1 && cues.block(cues.length - 1).kind === 'cue' && c.textRange.to > c.textRange.from && state.doc.lineAt(e.from).number === state.doc.lineAt(c.textRange.to).number + 1) return true;
  if (!c || c.textRange.to === c.textRange.from || e.from < c.textRange.from || e.to > c.textRange.to) return false;
  if (e.to > e.from && !e.insert) {
    const deleted = state.doc.sliceString(e.from, e.to);
    if (deleted.includes('\n')) return false;
    const line = state.doc.lineAt(e.from);
    if (e.from === line.from && e.to === line.to) return false;
  }
  return true;
}
