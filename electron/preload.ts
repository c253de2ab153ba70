/**
 * Preload (sandboxed): exposes `window.cueline`, built from the IPC contract table and
 * nothing else. No Node API, no raw ipcRenderer reaches the page.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createCuelineApi } from '../shared/ipc/api';
import type { IpcReply } from '../shared/ipc/contract';

const api = createCuelineApi({
  invoke: (channel, request) => ipcRenderer.invoke(channel, request) as Promise<IpcReply<unknown>>,
  subscribe(event, listener) {
    const wrapped = (_: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
  // Only real File objects from a drop have a path; anything else gives ''.
  pathForFile: (file) => {
    try {
      return webUtils.getPathForFile(file as File);
    } catch {
      return '';
    }
  },
});

contextBridge.exposeInMainWorld('cueline', api);
