/**
 * Timing ▸ Align to Audio…: choose the whole file or the selected cues, watch progress
 * (bar, stage, time left, Cancel), then review what would change and Apply it as one
 * undo step. Everything it needs comes in as props, so mounting it is a few lines.
 */
import { useEffect, useRef, useState } from 'react';
import type { EditorView } from '@codemirror/view';
import type { AlignProfile, AlignRange, AlignResult } from '../../../shared/ipc/align-contract';
import { cueSpanOf } from '../../../shared/timing/cue-at';
import { cuesOf } from '../editor/cue-field';
import { alignmentTransaction } from './apply';
import { formatTimeLeft, runAlignment, type AlignFn, type RunningStatus } from './client';
import { AlignPreviewView } from './AlignPreviewView';
import { previewAlignment, type AlignPreview } from './preview';

export interface AlignDialogProps {
  view: EditorView;
  align: AlignFn;
  onClose: () => void;
  /** How untimed prose is cut into cues (the QA profile in use). */
  profile?: AlignProfile;
  /** Told after Apply, for the message bar ("Aligned 120 cues."). */
  onApplied?: (message: string) => void;
}

type Phase =
  | { kind: 'setup' }
  | { kind: 'running'; status: RunningStatus | null }
  | { kind: 'preview'; result: AlignResult; preview: AlignPreview; sentText: string }
  | { kind: 'failed'; message: string };

const STAGE_LABEL: Record<RunningStatus['stage'], string> = {
  decoding: 'Reading the audio',
  synthesizing: 'Speaking the text',
  aligning: 'Matching text to audio',
};

/** The cues the selection touches, when it is not empty. */
export function selectedCueRange(view: EditorView): AlignRange | null {
  const sel = view.state.selection.main;
  if (sel.empty) return null;
  const span = cueSpanOf(cuesOf(view.state), sel.from, sel.to);
  return span ? { first: span[0], last: span[1] } : null;
}

export function AlignDialog({ view, align, onClose, profile, onApplied }: AlignDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const abort = useRef<AbortController | null>(null);
  const [selection] = useState(() => selectedCueRange(view));
  const [scope, setScope] = useState<'file' | 'selection'>(selection ? 'selection' : 'file');
  const [phase, setPhase] = useState<Phase>({ kind: 'setup' });
  const [applyError, setApplyError] = useState<string | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    // showModal focuses the first radio; Enter should start, so the Align button takes the focus.
    d?.querySelector<HTMLButtonElement>('button.primary')?.focus();
    // Closing the dialog (unmount) stops a running job.
    return () => abort.current?.abort();
  }, []);

  const start = async () => {
    const sentText = view.state.doc.toString();
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ kind: 'running', status: null });
    const request = { text: sentText, ...(scope === 'selection' && selection ? { range: selection } : {}), ...(profile ? { profile } : {}) };
    const end = await runAlignment(align, request, (status) => setPhase({ kind: 'running', status }), controller.signal);
    if (controller.signal.aborted) return; // canceled: the dialog is closing or closed
    if (end.status === 'done') setPhase({ kind: 'preview', result: end.result, preview: previewAlignment(end.result), sentText });
    else if (end.status === 'error') setPhase({ kind: 'failed', message: end.message });
    else setPhase({ kind: 'failed', message: 'The alignment was canceled.' });
  };

  const cancel = () => {
    abort.current?.abort();
    dialog.current?.close();
  };

  const apply = () => {
    if (phase.kind !== 'preview') return;
    const outcome = alignmentTransaction(view.state, phase.sentText, phase.result);
    if (!outcome.ok) {
      setApplyError(outcome.message);
      return;
    }
    view.dispatch(outcome.spec);
    const moved = phase.preview.moved.length + phase.preview.newlyTimed.length;
    onApplied?.(`Aligned ${outcome.cues} cues (${moved} timed or moved; ${phase.preview.lowConfidence.length} low confidence). Undo puts them back.`);
    dialog.current?.close();
  };

  return (
    <dialog ref={dialog} className="align-dialog" data-testid="align-dialog" aria-labelledby="align-title" onCancel={() => abort.current?.abort()} onClose={onClose}>
      <h2 id="align-title">Align to Audio</h2>
      {phase.kind === 'setup' && (
        <fieldset className="align-scope">
          <legend>Align</legend>
          <label>
            <input type="radio" name="align-scope" checked={scope === 'file'} onChange={() => setScope('file')} /> Whole file
          </label>
          <label>
            <input type="radio" name="align-scope" checked={scope === 'selection'} disabled={!selection} onChange={() => setScope('selection')} /> Selected cues
            {selection ? ` (${selection.first + 1}–${selection.last + 1}, between their neighbours)` : ' (select some cues first)'}
          </label>
        </fieldset>
      )}
      {phase.kind === 'running' && (
        <div className="align-progress" aria-live="polite">
          <progress max={1} value={phase.status?.progress ?? 0} aria-label="Alignment progress" />
          <p>
            {phase.status ? STAGE_LABEL[phase.status.stage] : 'Starting'} · {Math.round((phase.status?.progress ?? 0) * 100)} % · {formatTimeLeft(phase.status?.secondsLeft ?? null)}
          </p>
        </div>
      )}
      {phase.kind === 'preview' && <AlignPreviewView preview={phase.preview} />}
      {phase.kind === 'failed' && <p role="alert" className="align-error">{phase.message}</p>}
      {applyError && <p role="alert" className="align-error">{applyError}</p>}
      <footer className="clean-actions">
        <span className="clean-spacer" />
        <button onClick={cancel}>{phase.kind === 'running' ? 'Cancel' : 'Close'}</button>
        {phase.kind === 'setup' && <button className="primary" onClick={() => void start()} autoFocus>Align</button>}
        {phase.kind === 'preview' && <button className="primary" onClick={apply} disabled={applyError !== null} autoFocus>Apply</button>}
      </footer>
    </dialog>
  );
}
