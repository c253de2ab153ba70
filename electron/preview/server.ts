/**
 * Serves the built renderer and the audio tokens over loopback HTTP with the same
 * request handler the Electron app protocol uses, and builds the same Session and
 * IpcRouter as electron/main.ts. Used by `npm run preview` and by the UI tests, so what
 * they exercise is the app's real main-process code.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { isAppPageUrl } from '../../shared/security/sender';
import { createAppRequestHandler } from '../services/app-protocol';
import { IpcRouter } from '../services/ipc-router';
import { MediaRegistry } from '../services/media-registry';
import { PathGuard } from '../services/path-guard';
import { Session, type DialogPort } from '../services/session';
import { SettingsStore } from '../services/settings-store';
import { RecoveryJournal } from '../services/recovery-journal';
import { RecentFiles } from '../services/recent-files';
import { BRIDGE_PATHS } from './bridge-paths';
import { createHttpBridge, type HttpBridge } from './http-bridge';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface PreviewServerOptions {
  launchPaths?: string[];
  dialogs?: DialogPort;
  rendererDir?: string;
  demoDir?: string;
  /** The app's data folder (settings); settings stay in memory when omitted. */
  dataDir?: string;
  /**
   * Serve the IPC contract over HTTP for a page opened in any browser (`npm run preview`):
   * the page gets the HTTP shim, and `bridge.openUrl` is the URL to open. The Playwright
   * harness wires the page through its own bindings instead.
   */
  browserBridge?: boolean;
  log?: (message: string) => void;
}

/** The window as the preview sees it: what the session asked of it. */
export interface PreviewWindow {
  edited: boolean;
  closed: boolean;
}

export interface PreviewServer {
  window: PreviewWindow;
  origin: string;
  session: Session;
  router: IpcRouter;
  guard: PathGuard;
  /** Present with `browserBridge`: the URL to open and the event stream to the page. */
  bridge: HttpBridge | null;
  logs: string[];
  close(): Promise<void>;
}

const noDialogs: DialogPort = { chooseOpen: async () => null, chooseSave: async () => null };

export async function startPreviewServer(options: PreviewServerOptions = {}): Promise<PreviewServer> {
  const logs: string[] = [];
  const log = (m: string) => { logs.push(m); options.log?.(m); };
  const media = new MediaRegistry();
  const guard = new PathGuard(log);
  const handler = createAppRequestHandler({
    rendererDir: options.rendererDir ?? join(PROJECT_ROOT, 'dist', 'renderer'),
    media,
  });
  let bridge: HttpBridge | null = null;
  const server = createServer((req, res) => {
    void (async () => {
      if (bridge && (await bridge.handle(req, res))) return;
      await respond(handler, req, res, bridge ? withShim : null);
    })().catch((error: unknown) => { if (!res.headersSent) res.writeHead(500).end(String(error)); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const window: PreviewWindow = { edited: false, closed: false };
  const session = new Session({
    window: { setEdited: (edited) => { window.edited = edited; }, close: () => { window.closed = true; } },
    guard,
    media,
    dialogs: options.dialogs ?? noDialogs,
    launchPaths: options.launchPaths ?? [],
    demoDir: options.demoDir ?? join(PROJECT_ROOT, 'resources', 'demo'),
    mediaBase: origin,
    settings: new SettingsStore(options.dataDir ?? null, log),
    peaksCacheDir: options.dataDir ?? null,
    journal: options.dataDir ? new RecoveryJournal(join(options.dataDir, 'recovery'), { log }) : undefined,
    recent: new RecentFiles(options.dataDir ?? null, log),
    log,
  });
  const router = new IpcRouter(session.handlers(), {
    isTrustedSender: (url) => isAppPageUrl(url, origin),
    log,
  });
  if (options.browserBridge) {
    bridge = createHttpBridge({ origin, router, shimFile: join(PROJECT_ROOT, 'dist', 'preview', 'http-shim.js'), log });
    const events = bridge;
    session.onEvent = (event, payload) => events.emit(event, payload);
  }
  return {
    window,
    origin,
    session,
    router,
    guard,
    bridge,
    logs,
    close: () => new Promise<void>((resolve) => { bridge?.close(); server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** The page with the browser bridge's shim loaded first (a classic script runs before the app's module). */
async function withShim(response: Response): Promise<Response> {
  const html = (await response.text()).replace('<head>', `<head>\n    <script src="${BRIDGE_PATHS.shim}"></script>`);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(html, { status: response.status, headers });
}

async function respond(
  handler: (r: Request) => Promise<Response>,
  req: IncomingMessage,
  res: ServerResponse,
  page: ((response: Response) => Promise<Response>) | null,
) {
  try {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    let response = await handler(new Request(`http://localhost${req.url ?? '/'}`, { method: req.method, headers }));
    if (page && response.ok && (path === '/' || path === '/index.html')) response = await page(response);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body) return void res.end();
    const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
    body.on('error', () => res.destroy());
    res.on('close', () => body.destroy());
    body.pipe(res);
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
}
