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

export type CuelineApi = {
  invoke<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void;
};

export interface ApiTransport {
  invoke(channel: string, request: unknown): Promise<IpcReply<unknown>>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
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
  } satisfies CuelineApi);
}
