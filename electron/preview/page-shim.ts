/**
 * The preview/test stand-in for the preload: builds `window.cueline` with the same
 * `createCuelineApi` over Playwright bindings that call the real main-process services.
 * It takes the raw bindings off `window` first, so the page sees only the contract API,
 * as under Electron's contextBridge.
 */
import { createCuelineApi } from '../../shared/ipc/api';
import type { IpcReply } from '../../shared/ipc/contract';
import { eventHub } from './event-hub';

type Bindings = {
  __cuelineInvoke?: (channel: string, request: unknown) => Promise<IpcReply<unknown>>;
  /** The test's stand-in for webUtils.getPathForFile: a dropped file's name in the test's drop folder. */
  __cuelineDropPath?: (name: string) => Promise<string>;
  __cuelineEmit?: (event: string, payload: unknown) => void;
};

const w = globalThis as unknown as Bindings & { cueline?: unknown };
const invoke = w.__cuelineInvoke;
delete w.__cuelineInvoke;
const dropPath = w.__cuelineDropPath;
delete w.__cuelineDropPath;
const hub = eventHub();

// Called by the harness (page.evaluate) to deliver a main-process event.
Object.defineProperty(globalThis, '__cuelineEmit', { value: hub.emit });

Object.defineProperty(globalThis, 'cueline', {
  enumerable: true,
  value: createCuelineApi({
    invoke: (channel, request) =>
      invoke ? invoke(channel, request) : Promise.resolve({ ok: false, error: 'no IPC binding' }),
    subscribe: hub.subscribe,
    pathForFile: (file) => (dropPath ? dropPath(file.name) : ''),
  }),
});
