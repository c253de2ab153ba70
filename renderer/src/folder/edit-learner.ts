/**
 * Watches the open editor for a word the user retypes (a burst of edits, then a pause)
 * and offers it as a correction for the folder: "Add to corrections.tsv, and fix N more
 * in this episode and M in the folder". It reads the editor's documents through the cue
 * timeline (no extension of its own), and only while a folder is open.
 */
import type { Text } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { parseRules } from '../../../shared/corrections';
import { fileMatches } from '../../../shared/folders/file-matches';
import { learnedEdit, ruleFor, wordAfter, wordBefore, type LearnedEdit } from '../../../shared/folders/learn-edit';
import type { CueTimeline } from '../editor/cue-timeline';

/** The pause after the last keystroke that ends an edit. */
const IDLE_MS = 1200;

export interface EditOffer {
  edit: LearnedEdit;
  /** The corrections.tsv line offered (with `before=`/`after=` when the word has another sense). */
  line: string;
  limited: 'before' | 'after' | null;
  /** Other uses of the word the limited rule leaves alone. */
  otherSense: number;
  /** Matches of the rule left in the open episode. */
  inEpisode: number;
  /** Matches in the folder's other files; null while counting. */
  inFolder: number | null;
}

/** The offer for an edit of `text` (the editor's text now), or null when the rule would change nothing more. */
export function offerFor(edit: LearnedEdit, text: string): EditOffer {
  const [plain] = parseRules(`${edit.from}\t${edit.to}`).rules;
  const others = fileMatches(text, [plain!], false, 'vtt').matches.map((m) => ({ before: wordBefore(m.context, m.contextFrom), after: wordAfter(m.context, m.contextTo) }));
  const rule = ruleFor(edit, others);
  const inEpisode = fileMatches(text, parseRules(rule.line).rules, true, 'vtt').matches.length;
  return { edit, ...rule, inEpisode, inFolder: null };
}

export class EditLearner {
  private view: EditorView | null = null;
  private lastDoc: Text | null = null;
  private startDoc: Text | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Set while the app itself changes the text (applying a learned fix): not the user's edit. */
  quiet = false;

  constructor(private readonly timeline: CueTimeline, private readonly learned: (edit: LearnedEdit, view: EditorView) => void) {}

  start(): () => void {
    const off = this.timeline.on('update', () => this.update());
    return () => { off(); this.reset(null); };
  }

  private reset(view: EditorView | null): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.view = view;
    this.lastDoc = view?.state.doc ?? null;
    this.startDoc = null;
    this.settled = null;
  }

  /**
   * Where the last offered edit is in the text: typing on at that word (slowly, past a
   * pause) continues the same edit, so "Postgr" is never offered for "PostgreSQL".
   */
  private settled: { from: number; to: number } | null = null;

  private update(): void {
    const view = this.timeline.editor;
    if (view !== this.view || !view) return this.reset(view);
    const doc = view.state.doc;
    if (doc === this.lastDoc) return;
    if (this.quiet) { this.lastDoc = doc; this.startDoc = null; this.settled = null; return; }
    const changes = this.timeline.snapshot.changes;
    if (this.settled && changes) {
      const { from, to } = this.settled;
      let same = true;
      changes.iterChangedRanges((fromA, toA) => { if (fromA < from || toA > to) same = false; });
      if (!same) this.startDoc = null;
      this.settled = same ? { from: changes.mapPos(from, -1), to: changes.mapPos(to, 1) } : null;
    }
    this.startDoc ??= this.lastDoc;
    this.lastDoc = doc;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.settle(), IDLE_MS);
  }

  private settle(): void {
    this.timer = null;
    const view = this.view;
    const start = this.startDoc;
    if (!view || !start || view.state.doc !== this.lastDoc) return;
    const edit = learnedEdit(start.toString(), view.state.sliceDoc());
    if (!edit) { this.startDoc = null; this.settled = null; return; }
    this.settled = { from: edit.at, to: edit.at + edit.to.length };
    this.learned(edit, view);
  }
}
