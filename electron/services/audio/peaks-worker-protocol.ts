/** What the peaks worker is given and what it sends back to the main process. */
import type { DecodePart, PeaksProgress } from './decode-peaks';

export interface WorkerInput {
  path: string;
  /** A part of the file (split decode); the whole file when absent. */
  part?: DecodePart;
}

export type WorkerMessage =
  | ({ type: 'progress' } & PeaksProgress)
  | { type: 'done'; samples: number }
  | { type: 'error'; message: string };
