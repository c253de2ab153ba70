/** Messages between the align service (main process) and its worker thread. */
import type { AnchorKind } from '../../../shared/align/aligner';
import type { TimedUnit } from '../../../shared/align/document';
import type { AlignStage } from '../../../shared/ipc/align-contract';

export interface AlignWorkerInput {
  audioPath: string;
  cues: { text: string; anchor: number | null }[];
  anchorKind: AnchorKind;
  window: { from: number; to: number } | null;
}

/** Main process -> worker. */
export type AlignWorkerCommand = { type: 'cancel' };

/** Worker -> main process. */
export type AlignWorkerMessage =
  | { type: 'progress'; stage: AlignStage; share: number }
  | { type: 'done'; units: TimedUnit[]; audioSeconds: number }
  | { type: 'canceled' }
  | { type: 'error'; message: string };
