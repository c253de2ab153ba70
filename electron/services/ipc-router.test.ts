import { describe, expect, it } from 'vitest';
import { MAX_TEXT_CHARS } from '../../shared/ipc/contract';
import { isAppPageUrl } from '../../shared/security/sender';
import { IpcRouter, type IpcHandlers } from './ipc-router';

const ORIGIN = 'app://cueline';
function makeRouter() {
  const calls: string[] = [];
  const logs: string[] = [];
  const handlers = {
    'session:initial': async () => { calls.push('initial'); return { transcript: null, audio: null, messages: [] }; },
    'session:open-dialog': async ({ kind }) => { calls.push(`dialog:${kind}`); return { transcript: null, audio: null, messages: [] }; },
    'document:save': async ({ id, text }) => { calls.push(`save:${id}:${text.length}`); return { ok: true, name: 'x.vtt', renamed: false }; },
    'document:save-as': async () => { throw new Error('disk full'); },
  } as Partial<IpcHandlers> as IpcHandlers; // the channels these tests call
  const router = new IpcRouter(handlers, { isTrustedSender: (u) => isAppPageUrl(u, ORIGIN), log: (m) => logs.push(m) });
  return { router, calls, logs };
}

describe('IpcRouter', () => {
  it('runs a valid call from the app page', async () => {
    const { router, calls } = makeRouter();
    expect(await router.handle('document:save', { id: 'doc-1', text: 'WEBVTT\n' }, `${ORIGIN}/index.html`)).toEqual({ ok: true, value: { ok: true, name: 'x.vtt', renamed: false } });
    expect(calls).toEqual(['save:doc-1:7']);
  });

  it('refuses foreign senders, unknown channels and prototype keys, with a logged reason', async () => {
    const { router, calls, logs } = makeRouter();
    expect((await router.handle('session:initial', {}, 'https://evil.example/')).ok).toBe(false);
    // Exact URLs, not prefixes: a look-alike page of the same origin is refused.
    for (const url of [`${ORIGIN}/index.htmlx`, `${ORIGIN}/index.html.evil/x`, `${ORIGIN}/index.html/../x`, `${ORIGIN}x/index.html`]) {
      expect((await router.handle('session:initial', {}, url)).ok, url).toBe(false);
    }
    expect((await router.handle('fs:read', {}, `${ORIGIN}/index.html`)).ok).toBe(false);
    expect((await router.handle('__proto__', {}, `${ORIGIN}/index.html`)).ok).toBe(false);
    expect((await router.handle(42, {}, `${ORIGIN}/index.html`)).ok).toBe(false);
    expect(calls).toEqual([]);
    expect(logs).toHaveLength(8);
    expect(logs[0]).toContain('untrusted sender https://evil.example/');
    expect(logs[1]).toContain(`untrusted sender ${ORIGIN}/index.htmlx`);
    expect((await router.handle('session:initial', {}, `${ORIGIN}/`)).ok).toBe(true);
  });

  it('validates payload types and sizes before any handler runs', async () => {
    const { router, calls, logs } = makeRouter();
    const page = `${ORIGIN}/index.html`;
    const bad = [
      ['document:save', { id: '../../etc/passwd', text: '' }],
      ['document:save', { id: 'doc-1', text: 5 }],
      ['document:save', { id: 'doc-1', text: '', path: '/etc/passwd' }],
      ['document:save', null],
      ['session:open-dialog', { kind: 'anything' }],
      ['document:save', { id: 'doc-1', text: 'x'.repeat(MAX_TEXT_CHARS + 1) }],
    ] as const;
    for (const [channel, payload] of bad) {
      const reply = await router.handle(channel, payload, page);
      expect(reply.ok, JSON.stringify(payload)?.slice(0, 60)).toBe(false);
    }
    expect(calls).toEqual([]);
    expect(logs.every((l) => l.includes('invalid payload'))).toBe(true);
  });

  it('refuses a 100 MB payload without calling the handler', async () => {
    const { router, calls } = makeRouter();
    const huge = 'a'.repeat(100 * 1024 * 1024);
    const reply = await router.handle('document:save', { id: 'doc-1', text: huge }, `${ORIGIN}/index.html`);
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('invalid payload at text') });
    expect(calls).toEqual([]);
  });

  it('turns handler failures into messages, not exceptions', async () => {
    const { router, logs } = makeRouter();
    expect(await router.handle('document:save-as', { id: 'doc-1', text: '' }, `${ORIGIN}/index.html`)).toEqual({ ok: false, error: 'disk full' });
    expect(logs[0]).toContain('document:save-as failed: disk full');
  });
});
