/**
 * The API object the renderer sees as `window.cueline`. It is built from the contract
 * table by the same function in the Electron preload and in the Chromium test harness,
 * so both expose exactly the same surface.
 */
import {
  eventChannels,
  invokeChannels,
  type EventChannel,
  type EventOf,
  type InvokeChannel,
  type IpcReply,
  type RequestOf,
  type ResponseOf,
} from './contract';

/** A dropped file as the page has it (a DOM File); only the preload can tell its path. */
export interface DroppedFile {
  readonly name: string;
}

export type CuelineApi = {
  invoke<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
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
  const known = new Set<string>(invokeChannels);
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
      const paths = (await Promise.all(files.map((f) => transport.pathForFile(f)))).filter((p) => p !== '');
      if (!paths.length) return { transcript: null, audio: null, messages: [{ level: 'warning' as const, text: 'Nothing to open: drop transcript or audio files.' }] };
      const reply = await transport.invoke('session:open-dropped', { paths });
      if (!reply.ok) throw new Error(reply.error);
      return reply.value as ResponseOf<'session:open-dropped'>;
    },
  } satisfies CuelineApi);
}
