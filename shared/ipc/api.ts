/**
 * The API object the renderer sees as `window.cueline`. It is built from the contract
 * table by the same function in the Electron preload and in the Chromium test harness,
 * so both expose exactly the same surface.
 */
import { eventChannels, type EventChannel, type EventOf, type IpcReply, type ResponseOf } from './contract';
import { pageChannels, type AppRequestOf, type AppResponseOf, type PageChannel } from './channels';

/** A dropped file as the page has it (a DOM File); only the preload can tell its path. */
export interface DroppedFile {
  readonly name: string;
}

export type CuelineApi = {
  /** Any channel of the contract except the preload-only ones (which carry paths). */
  invoke<C extends PageChannel>(channel: C, request: AppRequestOf<C>): Promise<AppResponseOf<C>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void;
  /** Opens files dropped on the window: their paths are looked up outside the page, then checked by the main process. */
  openDropped(files: readonly DroppedFile[]): Promise<ResponseOf<'session:open-dropped'>>;
};

export interface ApiTransport {
  invoke(channel: string, request: unknown): Promise<IpcReply<unknown>>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  /** The file-system path of a dropped file (Electron: webUtils.getPathForFile). */
  pathForFile(file: DroppedFile): string | Promise<string>;
}

export function createCuelineApi(transport: ApiTransport): CuelineApi {
  const known = new Set<string>(pageChannels);
  const knownEvents = new Set<string>(eventChannels);
  return Object.freeze({
    async invoke(channel, request) {
      if (!known.has(channel)) throw new Error(`unknown IPC channel ${String(channel)}`);
      const reply = await transport.invoke(channel, request);
      if (!reply.ok) throw new Error(reply.error);
      return reply.value as never;
    },
    on(event, listener) {
      if (!knownEvents.has(event)) throw new Error(`unknown IPC event ${String(event)}`);
      return transport.subscribe(event, listener as (payload: unknown) => void);
    },
    async openDropped(files) {
      // Only what the transport can tell about real dropped files becomes a path: a plain
      // object or a File made by the page gives '' (webUtils.getPathForFile throws or says '').
      const paths = (await Promise.all(files.map(async (f) => {
        try {
          return await transport.pathForFile(f);
        } catch {
          return '';
        }
      }))).filter((p): p is string => typeof p === 'string' && p !== '');
      if (!paths.length) return { transcript: null, audio: null, messages: [{ level: 'warning' as const, text: 'Nothing to open: drop transcript or audio files.' }] };
      const reply = await transport.invoke('session:open-dropped', { paths });
      if (!reply.ok) throw new Error(reply.error);
      return reply.value as ResponseOf<'session:open-dropped'>;
    },
  } satisfies CuelineApi);
}
