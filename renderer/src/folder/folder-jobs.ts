/** Waiting on the main process's folder jobs, and on the editor an open mounts. */
import type { EditorView } from '@codemirror/view';
import type { FolderJobStatus } from '../../../shared/ipc/folder-contract';
import { api } from '../api';
import type { DocumentController } from '../document/document-controller';
import type { CueTimeline } from '../editor/cue-timeline';

/** Polls a job (a long poll) until it ends, reporting its progress. */
export async function followJob(job: string, progress: (p: { done: number; total: number }) => void): Promise<FolderJobStatus> {
  for (;;) {
    const status = await api().invoke('folder:job', { job });
    if (status.status !== 'running') return status;
    progress({ done: status.done, total: status.total });
  }
}

/** The editor React mounts for the document opened as `key` (a new view, not `before`); null if another opened. */
export async function editorAfter(timeline: CueTimeline, documents: DocumentController, before: EditorView | null, key: string): Promise<EditorView | null> {
  for (let i = 0; i < 600; i++) {
    if (documents.current.transcript?.key !== key) return null;
    const view = timeline.editor;
    if (view && view !== before) return view;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return null;
}
