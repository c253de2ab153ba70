/**
 * The browser preview's stand-in for the preload: builds `window.cueline` with the same
 * `createCuelineApi`, over HTTP to the preview server (calls as POST, main-process events
 * as Server-Sent Events), so the page works when opened in any browser. The server
 * authorises these requests by this run's token, kept in an HttpOnly cookie the page
 * never sees. A browser cannot tell a dropped file's path: drops are declined, and File
 * ▸ Open asks on the preview's terminal.
 */
import { createCuelineApi } from '../../shared/ipc/api';
import type { IpcReply } from '../../shared/ipc/contract';
import { BRIDGE_PATHS } from './bridge-paths';
import { eventHub } from './event-hub';

const hub = eventHub();
const events = new EventSource(BRIDGE_PATHS.events);
events.onmessage = (message) => {
  const { event, payload } = JSON.parse(String(message.data)) as { event: string; payload: unknown };
  hub.emit(event, payload);
};

async function invoke(channel: string, request: unknown): Promise<IpcReply<unknown>> {
  try {
    const response = await fetch(BRIDGE_PATHS.invoke, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel, request }),
    });
    if (!response.ok) return { ok: false, error: `preview server: ${response.status} ${await response.text()}` };
    return (await response.json()) as IpcReply<unknown>;
  } catch (error) {
    return { ok: false, error: `preview server unreachable (${error instanceof Error ? error.message : String(error)}); is npm run preview still running?` };
  }
}

const api = createCuelineApi({ invoke, subscribe: hub.subscribe, pathForFile: () => '' });
const DROP_MESSAGE = 'A browser cannot tell where a dropped file is: use File ▸ Open (it asks for a path in the terminal running npm run preview), or the desktop app.';

Object.defineProperty(globalThis, 'cueline', {
  enumerable: true,
  value: Object.freeze({
    ...api,
    openDropped: async () => ({ transcript: null, audio: null, messages: [{ level: 'warning' as const, text: DROP_MESSAGE }] }),
  }),
});
