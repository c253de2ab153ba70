/**
 * Preload (sandboxed): exposes `window.cueline`, built from the IPC contract table and
 * nothing else. No Node API, no raw ipcRenderer reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createCuelineApi } from '../shared/ipc/api';
import type { IpcReply } from '../shared/ipc/contract';

const api = createCuelineApi({
  invoke: (channel, request) => ipcRenderer.invoke(channel, request) as Promise<IpcReply<unknown>>,
  subscribe(event, listener) {
    const wrapped = (_: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
});

contextBridge.exposeInMainWorld('cueline', api);
