/**
 * How the Align dialog talks to the aligner: start a job, poll its status (a long poll:
 * each call waits up to ~1 s for news), cancel it. The dialog takes an `AlignFn`, so it
 * runs against the IPC channels in the app and against a double in tests.
 */
import {
  alignInvokeContract,
  alignStatus,
  type AlignChannel,
  type AlignProfile,
  type AlignRange,
  type AlignRequestOf,
  type AlignResponseOf,
  type AlignStatus,
} from '../../../shared/ipc/align-contract';
import type { QaProfileName } from '../../../shared/timing/qa';

export interface AlignJobRequest {
  /** The editor's text at the start (the result applies to exactly this text). */
  text: string;
  range?: AlignRange;
  profile?: AlignProfile;
}

export interface AlignJob {
  status(): Promise<AlignStatus>;
  cancel(): Promise<void>;
}

export type AlignFn = (request: AlignJobRequest) => Promise<AlignJob>;

export type AlignInvoke = <C extends AlignChannel>(channel: C, request: AlignRequestOf<C>) => Promise<AlignResponseOf<C>>;

/** The dialog's `align` for a document and its opened audio, over the 'align:*' channels. */
export function alignOverIpc(invoke: AlignInvoke, documentId: string, mediaToken: string): AlignFn {
  return async (request) => {
    // Replies are checked here too: the app may hand in its generic invoke with a cast.
    const { job } = alignInvokeContract['align:start'].response.parse(await invoke('align:start', { id: documentId, media: mediaToken, text: request.text, ...(request.range ? { range: request.range } : {}), ...(request.profile ? { profile: request.profile } : {}) }));
    return {
      status: async () => alignStatus.parse(await invoke('align:status', { job })),
      cancel: async () => {
        await invoke('align:cancel', { job });
      },
    };
  };
}

export type RunningStatus = Extract<AlignStatus, { status: 'running' }>;
export type FinalStatus = Exclude<AlignStatus, { status: 'running' }>;

/**
 * Runs a job to its end: reports progress, and when `signal` aborts, cancels the job at
 * once (not after the current long poll) and waits for the job to say it stopped.
 * A failure to start or poll becomes an 'error' status with the message.
 */
export async function runAlignment(align: AlignFn, request: AlignJobRequest, onProgress: (s: RunningStatus) => void, signal: AbortSignal): Promise<FinalStatus> {
  let job: AlignJob;
  try {
    job = await align(request);
  } catch (e) {
    return { status: 'error', message: e instanceof Error ? e.message : String(e) };
  }
  const cancel = () => void job.cancel().catch(() => {});
  if (signal.aborted) cancel();
  else signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const s = await job.status();
      if (s.status !== 'running') return s;
      if (!signal.aborted) onProgress(s);
    }
  } catch (e) {
    return signal.aborted ? { status: 'canceled' } : { status: 'error', message: e instanceof Error ? e.message : String(e) };
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}

/** "about 2 min 5 s left", "about 40 s left", "estimating time left…". */
export function formatTimeLeft(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'estimating time left…';
  const s = Math.max(1, Math.round(seconds));
  if (s < 60) return `about ${s} s left`;
  return `about ${Math.floor(s / 60)} min ${s % 60} s left`;
}

/** The QA profile in use ('subtitle' | 'transcript') as the aligner's segmentation profile. */
export function alignProfileFor(qa: QaProfileName): AlignProfile {
  return qa === 'subtitle' ? 'subtitles' : 'transcript';
}
