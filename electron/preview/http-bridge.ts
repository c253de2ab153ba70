/**
 * The IPC contract over loopback HTTP, for the browser preview: any browser that opens
 * the printed URL gets the app with `window.cueline` (electron/preview/http-shim.ts).
 *
 * Who may call: the URL carries this run's random token once; the server answers with an
 * HttpOnly, SameSite=Strict cookie and a redirect to the bare page, so scripts never see
 * the token and other sites' pages cannot send it. Every bridge request must also name
 * this server as its Host (no DNS rebinding) and, when the browser says, come from this
 * origin. Calls then go through the same IpcRouter checks as in Electron; channels only a
 * preload may call (dropped-file paths) are refused, since there is no preload here.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { PRELOAD_ONLY_CHANNELS } from '../../shared/ipc/contract';
import type { IpcRouter } from '../services/ipc-router';
import { BRIDGE_PATHS, TOKEN_COOKIE } from './bridge-paths';

/** The largest call body: a 64 Mi-character text as JSON, with room for escapes. */
const MAX_BODY_BYTES = 256 * 1024 * 1024;

export interface HttpBridgeOptions {
  origin: string;
  router: IpcRouter;
  /** The built page shim (dist/preview/http-shim.js). */
  shimFile: string;
  log(message: string): void;
}

export interface HttpBridge {
  /** This run's token; the URL to open is `${origin}/?token=${token}`. */
  readonly token: string;
  readonly openUrl: string;
  /** Answers bridge requests and the page (with the shim); false when the request is not the bridge's. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Sends a main-process event to every open page. */
  emit(event: string, payload: unknown): void;
  close(): void;
}

export function createHttpBridge(options: HttpBridgeOptions): HttpBridge {
  const token = randomBytes(24).toString('hex');
  const host = new URL(options.origin).host;
  const streams = new Set<ServerResponse>();
  const preloadOnly = new Set<string>(PRELOAD_ONLY_CHANNELS);

  const hasToken = (value: string | null | undefined) =>
    !!value && value.length === token.length && timingSafeEqual(Buffer.from(value), Buffer.from(token));
  const cookieToken = (req: IncomingMessage) =>
    (req.headers.cookie ?? '').split(';').map((c) => c.trim().split('=')).find(([k]) => k === TOKEN_COOKIE)?.[1];
  const refuse = (res: ServerResponse, status: number, why: string) => {
    options.log(`preview bridge: refused (${why})`);
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${why}\n`);
    return true;
  };

  return {
    token,
    openUrl: `${options.origin}/?token=${token}`,
    async handle(req, res) {
      const url = new URL(req.url ?? '/', options.origin);
      const bridgePath = (Object.values(BRIDGE_PATHS) as string[]).includes(url.pathname);
      const isPage = url.pathname === '/' || url.pathname === '/index.html';
      if (!bridgePath && !isPage) return false;
      if (req.headers.host !== host) return refuse(res, 403, `Host ${req.headers.host ?? '(none)'} is not this preview server`);
      if (req.headers.origin && req.headers.origin !== options.origin) return refuse(res, 403, `requests from ${req.headers.origin} are not allowed`);
      if (isPage && url.searchParams.has('token')) {
        if (!hasToken(url.searchParams.get('token'))) return refuse(res, 403, 'wrong token: open the URL npm run preview printed for this run');
        res.writeHead(303, {
          'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
          Location: '/index.html',
          'Cache-Control': 'no-store',
        }).end();
        return true;
      }
      if (!hasToken(cookieToken(req))) return refuse(res, 403, 'no token: open the URL npm run preview printed for this run (it ends in ?token=…)');
      // The page itself is served by the app protocol, with the shim added (see server.ts).
      if (isPage) return false;
      if (url.pathname === BRIDGE_PATHS.shim) {
        const shim = await readFile(options.shimFile).catch(() => null);
        if (!shim) return refuse(res, 500, `${options.shimFile} is missing: run npm run preview (it builds it)`);
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' }).end(shim);
        return true;
      }
      if (url.pathname === BRIDGE_PATHS.events) {
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return true;
      }
      if (req.method !== 'POST') return refuse(res, 405, 'calls are POST requests');
      const body = await readBody(req);
      if (body === null) return refuse(res, 413, 'call too large');
      let call: { channel?: unknown; request?: unknown };
      try {
        call = JSON.parse(body) as typeof call;
      } catch {
        return refuse(res, 400, 'the call is not JSON');
      }
      const reply = typeof call.channel === 'string' && preloadOnly.has(call.channel)
        ? { ok: false, error: `refused ${call.channel}: only a preload may call it, and the browser preview has none` }
        : await options.router.handle(call.channel, call.request, `${options.origin}/index.html`);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(reply));
      return true;
    },
    emit(event, payload) {
      const data = `data: ${JSON.stringify({ event, payload })}\n\n`;
      for (const stream of streams) stream.write(data);
    },
    close() {
      for (const stream of streams) stream.end();
      streams.clear();
    },
  };
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
