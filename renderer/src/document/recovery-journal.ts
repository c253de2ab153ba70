/**
 * The page's side of the crash-recovery journal: while the document has unsaved
 * changes, what changed reaches the main process at most every 300 ms (which writes it
 * within another 300 ms): the whole text once, then CodeMirror ChangeSet deltas, and the
 * whole text again whenever the main process says its copy does not fit.
 */
import type { ChangeSet, Text } from '@codemirror/state';
import type { RequestOf } from '../../../shared/ipc/contract';
import { api } from '../api';

const THROTTLE_MS = 300;

export class RecoveryJournal {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Changes since the main process's last copy. */
  private pending: ChangeSet | null = null;
  /** Whether the main process holds a copy the pending changes apply to. */
  private hasBase = false;

  /** `current` gives the document's id and text when a send is due. */
  constructor(private readonly current: () => { id: string; doc: Text; lineBreak: string } | null) {}

  /** Every document change, in order. */
  noteChanges(changes: ChangeSet): void {
    this.pending = this.pending ? this.pending.compose(changes) : changes;
  }

  /** After an update: schedules a send while the document is unsaved. */
  noteDirty(dirty: boolean): void {
    if (!dirty || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const doc = this.current();
      if (!doc) return;
      const changes = this.pending;
      this.pending = null;
      const request: RequestOf<'journal:record'> = this.hasBase && changes
        ? { id: doc.id, changes: changes.toJSON() as (number | (number | string)[])[] }
        : { id: doc.id, text: doc.doc.sliceString(0, doc.doc.length, doc.lineBreak) };
      this.hasBase = true;
      api().invoke('journal:record', request).then((r) => { if (!r.ok) this.hasBase = false; }, () => { this.hasBase = false; });
    }, THROTTLE_MS);
  }

  /** A new document: the main process has no copy of it yet. */
  reset(): void {
    this.pending = null;
    this.hasBase = false;
  }
}
