/**
 * Answers every request of the renderer page: the built app files, and audio by opaque
 * token with HTTP Range support (without Range, a media element's seek snaps to 0).
 * It takes a web `Request` and returns a web `Response`, which is exactly what
 * Electron's `protocol.handle` wants and what the preview server adapts to Node's http.
 */
import { createReadStream } from 'node:fs';

import { sniffAudioFile } from './audio/read-at';
import { openMp3Pcm } from './audio/mp3-wav-stream';
import { openVorbisPcm } from './audio/ogg-vorbis-pcm';
import { wavRange, wavSize, type PcmSource } from './audio/pcm-wav';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Readable } from 'node:stream';
import { contentSecurityPolicy } from '../../shared/security/csp';
import type { MediaRegistry } from './media-registry';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy('header'),
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

export interface AppProtocolOptions {
  /** Folder of the built renderer (index.html and assets). */
  rendererDir: string;
  media: MediaRegistry;
}

export function createAppRequestHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const root = normalize(options.rendererDir);
  /** Frame or page indexes of the audio served as PCM so far (one pass over each file's headers). */
  const pcms = new Map<string, Promise<PcmSource | null>>();
  const pcmOf = async (path: string): Promise<PcmSource | null> => {
    let pending = pcms.get(path);
    if (!pending) {
      pending = (async () => {
        const format = await sniffAudioFile(path);
        return format === 'mp3' ? openMp3Pcm(path) : format === 'ogg-vorbis' ? openVorbisPcm(path) : null;
      })().catch(() => null);
      pcms.set(path, pending);
    }
    return pending;
  };
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'method not allowed');
    const url = new URL(request.url);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      // Bad %-encoding (`/%E0%A4%A`): the request is wrong, not the app.
      return text(400, 'bad request: invalid percent-encoding in the path');
    }
    if (pathname.startsWith('/media/')) {
      const path = options.media.resolve(pathname.slice('/media/'.length));
      if (!path) return text(404, 'unknown media token');
      // MP3 and Ogg Vorbis play as PCM WAV decoded from the exact place: Chromium seeks
      // them by estimate (audio/pcm-wav.ts, `npm run bench -- seek`).
      const pcm = await pcmOf(path);
      return pcm ? serveAsWav(pcm, request) : serveFile(path, request, {});
    }
    const relative = pathname === '/' ? 'index.html' : pathname.slice(1);
    const file = normalize(join(root, relative));
    if (file !== root && !file.startsWith(root + sep)) return text(403, 'outside the app');
    return serveFile(file, request, SECURITY_HEADERS);
  };
}

async function serveFile(path: string, request: Request, extra: Record<string, string>): Promise<Response> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return text(404, 'not found');
    size = info.size;
  } catch {
    return text(404, 'not found');
  }
  const headers: Record<string, string> = {
    ...extra,
    'Content-Type': MIME[extname(path).toLowerCase()] ?? mediaType(path),
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-store',
  };
  const range = parseRange(request.headers.get('range'), size);
  if (range === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` } });
  }
  const [start, end] = range ?? [0, size - 1];
  headers['Content-Length'] = String(Math.max(0, end - start + 1));
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  const body =
    request.method === 'HEAD' || size === 0
      ? null
      : (Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream<Uint8Array>);
  return new Response(body, { status: range ? 206 : 200, headers });
}

function serveAsWav(pcm: PcmSource, request: Request): Response {
  const size = wavSize(pcm);
  const headers: Record<string, string> = { 'Content-Type': 'audio/wav', 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store' };
  const range = parseRange(request.headers.get('range'), size);
  if (range === 'unsatisfiable') return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` } });
  const [start, end] = range ?? [0, size - 1];
  headers['Content-Length'] = String(end - start + 1);
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  const body = request.method === 'HEAD' ? null : wavRange(pcm, start, end);
  return new Response(body, { status: range ? 206 : 200, headers });
}

/** Parses a single `bytes=` range (what media elements send); multi-range is answered whole. */
export function parseRange(header: string | null, size: number): [number, number] | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return null;
  const [, a = '', b = ''] = m;
  let start: number;
  let end: number;
  if (a === '') {
    if (b === '') return null;
    start = Math.max(0, size - Number(b));
    end = size - 1;
  } else {
    start = Number(a);
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  }
  if (start >= size || end < start) return 'unsatisfiable';
  return [start, end];
}

function mediaType(path: string): string {
  switch (extname(path).toLowerCase()) {
    case '.mp3': return 'audio/mpeg';
    case '.m4a': case '.aac': case '.mp4': return 'audio/mp4';
    case '.wav': return 'audio/wav';
    case '.ogg': case '.oga': return 'audio/ogg';
    case '.opus': return 'audio/ogg; codecs=opus';
    case '.flac': return 'audio/flac';
    default: return 'application/octet-stream';
  }
}

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS } });
}
