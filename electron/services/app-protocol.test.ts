import { describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppRequestHandler, parseRange } from './app-protocol';
import { MediaRegistry } from './media-registry';

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'cueline-proto-'));
  const rendererDir = join(dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(join(dir, 'secret.txt'), 'secret');
  const audio = join(dir, 'talk.mp3');
  await writeFile(audio, Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256)));
  const media = new MediaRegistry();
  const token = media.register(audio);
  return { handler: createAppRequestHandler({ rendererDir, media }), token };
}

const get = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });

describe('app protocol', () => {
  it('serves the app with the CSP and security headers', async () => {
    const { handler } = await setup();
    const res = await handler(get('app://cueline/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>x</title>');
  });

  it('never serves files outside the renderer folder', async () => {
    const { handler } = await setup();
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await handler(get(`http://127.0.0.1:1${path}`));
      expect(res.status, path).not.toBe(200);
    }
  });

  it('serves audio by token with byte ranges (so seeking works), and nothing for unknown tokens', async () => {
    const { handler, token } = await setup();
    const whole = await handler(get(`app://cueline/media/${token}`));
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('content-type')).toBe('audio/mpeg');
    expect((await whole.arrayBuffer()).byteLength).toBe(1000);

    const part = await handler(get(`app://cueline/media/${token}`, { Range: 'bytes=500-503' }));
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 500-503/1000');
    expect([...new Uint8Array(await part.arrayBuffer())]).toEqual([500 % 256, 501 % 256, 502 % 256, 503 % 256]);

    const tail = await handler(get(`app://cueline/media/${token}`, { Range: 'bytes=-10' }));
    expect(tail.headers.get('content-range')).toBe('bytes 990-999/1000');

    const beyond = await handler(get(`app://cueline/media/${token}`, { Range: 'bytes=5000-' }));
    expect(beyond.status).toBe(416);

    expect((await handler(get('app://cueline/media/0123456789abcdef0123456789abcdef'))).status).toBe(404);
    expect((await handler(get('app://cueline/media/..%2F..%2Fsecret.txt'))).status).toBe(404);
  });

  it('answers 400 to a path with bad %-encoding instead of throwing', async () => {
    const { handler, token } = await setup();
    for (const url of ['app://cueline/%E0%A4%A', 'app://cueline/index.html%', `app://cueline/media/${token}%ZZ`]) {
      const res = await handler(get(url));
      expect(res.status, url).toBe(400);
      expect(await res.text()).toBe('bad request: invalid percent-encoding in the path');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
  });

  it('parses the byte ranges media elements send', () => {
    expect(parseRange(null, 100)).toBeNull();
    expect(parseRange('bytes=0-', 100)).toEqual([0, 99]);
    expect(parseRange('bytes=10-20', 100)).toEqual([10, 20]);
    expect(parseRange('bytes=90-200', 100)).toEqual([90, 99]);
    expect(parseRange('bytes=-5', 100)).toEqual([95, 99]);
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=20-10', 100)).toBe('unsatisfiable');
    expect(parseRange('items=1-2', 100)).toBeNull();
  });
});
