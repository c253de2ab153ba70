/**
 * The page's side of the crash-recovery journal: while the document has unsaved
 * changes, what changed reaches the main process at most every 300 ms (which writes it
 * within another 300 ms): the whole text once, then CodeMirror ChangeSet deltas, and the
 * whole text again whenever the main process says its copy does not fit.
 */
import { useCallback, useRef, type RefObject } from 'react';
import type { ChangeSet } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { RequestOf } from '../../shared/ipc/contract';
import { api } from './api';

const THROTTLE_MS = 300;

export function useRecoveryJournal(view: RefObject<EditorView | null>, documentId: RefObject<string | null>) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** Changes since the main process's last copy. */
  const pending = useRef<ChangeSet | null>(null);
  /** Whether the main process holds a copy the pending changes apply to. */
  const hasBase = useRef(false);

  /** Every document change, in order. */
  const noteChanges = useCallback((changes: ChangeSet) => {
    pending.current = pending.current ? pending.current.compose(changes) : changes;
  }, []);

  /** After an update: schedules a send while the document is unsaved. */
  const noteDirty = useCallback((dirty: boolean) => {
    if (!dirty || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      const id = documentId.current;
      const current = view.current;
      if (!id || !current) return;
      const changes = pending.current;
      pending.current = null;
      const request: RequestOf<'journal:record'> = hasBase.current && changes
        ? { id, changes: changes.toJSON() as (number | (number | string)[])[] }
        : { id, text: current.state.sliceDoc() };
      hasBase.current = true;
      api().invoke('journal:record', request).then((r) => { if (!r.ok) hasBase.current = false; }, () => { hasBase.current = false; });
    }, THROTTLE_MS);
  }, [view, documentId]);

  /** A new document: the main process has no copy of it yet. */
  const reset = useCallback(() => {
    pending.current = null;
    hasBase.current = false;
  }, []);

  return { noteChanges, noteDirty, reset };
}
