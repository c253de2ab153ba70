/**
 * The browser preview's IPC over HTTP: the printed URL's token becomes an HttpOnly
 * cookie, calls without it (or from another Host or Origin) are refused, preload-only
 * channels are refused, and `npm run preview` prints the URL and how to open it. (A
 * plain Chromium opening that URL: renderer/src/BrowserPreview.ui.test.ts, in the UI
 * project, one browser at a time.) Needs dist/ built.
 */
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, startPreviewServer, type PreviewServer } from './server';

let server: PreviewServer | null = null;
afterEach(async () => { await server?.close(); server = null; });

async function episode() {
  const dir = await mkdtemp(join(tmpdir(), 'cueline-bridge-'));
  await copyFile(join(PROJECT_ROOT, 'resources', 'demo', 'demo.vtt'), join(dir, 'talk.vtt'));
  return join(dir, 'talk.vtt');
}

/** A raw HTTP request, so Host and Origin can be what an attacker would send. */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = (origin: string, cookie: string, channel: string, request: unknown, headers: Record<string, string> = {}) =>
  send(`${origin}/__cueline/invoke`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie, ...headers }, body: JSON.stringify({ channel, request }) });

describe('preview HTTP bridge', () => {
  it('turns the token into an HttpOnly cookie and refuses calls without it, from another Host or Origin, and preload-only channels', async () => {
    server = await startPreviewServer({ launchPaths: [await episode()], browserBridge: true });
    const { origin, bridge } = server;
    expect(bridge!.openUrl).toBe(`${origin}/?token=${bridge!.token}`);
    expect(bridge!.token).toMatch(/^[0-9a-f]{48}$/);

    expect((await send(`${origin}/?token=${'0'.repeat(48)}`)).status).toBe(403);
    const entry = await send(bridge!.openUrl);
    expect(entry.status).toBe(303);
    expect(entry.headers.location).toBe('/index.html');
    expect(entry.headers['set-cookie']).toEqual([`cueline-preview=${bridge!.token}; HttpOnly; SameSite=Strict; Path=/`]);
    const cookie = `cueline-preview=${bridge!.token}`;

    // Without the cookie, the page explains where the URL is instead of going blank.
    const bare = await send(`${origin}/index.html`);
    expect(bare.status).toBe(403);
    expect(bare.body).toContain('open the URL npm run preview printed for this run');
    const page = await send(`${origin}/index.html`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body.indexOf('<script src="/__cueline/shim.js"></script>')).toBeLessThan(page.body.indexOf('<script type="module"'));

    const opened = JSON.parse((await call(origin, cookie, 'session:initial', {})).body) as { ok: boolean; value: { transcript: { name: string } } };
    expect(opened).toMatchObject({ ok: true, value: { transcript: { name: 'talk.vtt' } } });
    expect((await call(origin, '', 'session:initial', {})).status).toBe(403);
    expect((await call(origin, 'cueline-preview=nope', 'session:initial', {})).status).toBe(403);
    expect((await call(origin, cookie, 'session:initial', {}, { Host: 'evil.example:80' })).status).toBe(403);
    expect((await call(origin, cookie, 'session:initial', {}, { Origin: 'https://evil.example' })).status).toBe(403);
    const dropped = JSON.parse((await call(origin, cookie, 'session:open-dropped', { paths: ['/etc/passwd'] })).body);
    expect(dropped).toEqual({ ok: false, error: 'refused session:open-dropped: only a preload may call it, and the browser preview has none' });
    const bad = JSON.parse((await call(origin, cookie, 'document:save', { id: '../x', text: '' })).body);
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('invalid payload') });
  });

  it('npm run preview, headless, prints the URL and how to open it, and that URL opens the app', async () => {
    const data = await mkdtemp(join(tmpdir(), 'cueline-preview-data-'));
    // No display: the headless way, with its data in a temp folder.
    const env: NodeJS.ProcessEnv = { ...process.env, CUELINE_DATA_DIR: data };
    delete env.DISPLAY;
    const child = spawn(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), ['electron/preview/main.ts', await episode()], { cwd: PROJECT_ROOT, env });
    try {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (c: string) => { out += c; });
      await expect.poll(() => out.split('\n').length, { timeout: 30_000 }).toBeGreaterThan(4);
      const [first, ...rest] = out.trim().split('\n');
      const url = /^Cueline preview at (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48})$/.exec(first!)?.[1];
      expect(url, first).toBeDefined();
      expect(rest.join('\n')).toMatch(/Open that URL .* in any browser[\s\S]*ssh -L \d+:127\.0\.0\.1:\d+[\s\S]*Ctrl\+C quits/);
      const entry = await send(url!);
      expect(entry.status).toBe(303);
      const cookie = String(entry.headers['set-cookie']).split(';')[0]!;
      const opened = JSON.parse((await call(new URL(url!).origin, cookie, 'session:initial', {})).body);
      expect(opened).toMatchObject({ ok: true, value: { transcript: { name: 'talk.vtt' } } });
    } finally {
      child.kill('SIGINT');
    }
  }, 60_000);
});
