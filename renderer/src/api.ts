import type { CuelineApi } from '../../shared/ipc/api';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or the test harness (Chromium): the IPC contract, nothing more. */
    readonly cueline: CuelineApi;
  }
}

export function api(): CuelineApi {
  return window.cueline;
}
