/**
 * The preload (electron/preload.ts) against the fake electron module: it exposes exactly
 * the contract API as `window.cueline`, turns only real dropped files into paths
 * (webUtils.getPathForFile), and the page cannot send a path itself.
 */
import { describe, expect, it, vi } from 'vitest';
import type { CuelineApi } from '../shared/ipc/api';
import { DroppedFile, FakeElectron, useFake } from './services/testing/fake-electron';

vi.mock('electron', async () => (await import('./services/testing/fake-electron')).forwardingModule());

let loads = 0;
async function loadPreload() {
  const fake = useFake(new FakeElectron({ userData: '/nonexistent', appPath: '/nonexistent' }));
  await import(/* @vite-ignore */ `./preload.ts?load=${++loads}`);
  return { fake, api: fake.exposed.get('cueline') as CuelineApi };
}

describe('preload', () => {
  it('exposes only window.cueline, with invoke, on and openDropped', async () => {
    const { fake, api } = await loadPreload();
    expect([...fake.exposed.keys()]).toEqual(['cueline']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'openDropped']);
    expect(Object.isFrozen(api)).toBe(true);
    await api.invoke('settings:get', {});
    expect(fake.rendererInvokes).toEqual([['settings:get', {}]]);
  });

  it('sends the paths of dropped files only, and never a path string from the page', async () => {
    const { fake, api } = await loadPreload();
    // @ts-expect-error: the drop channel is not part of the page's API.
    await expect(api.invoke('session:open-dropped', { paths: ['/etc/passwd'] })).rejects.toThrow(/unknown IPC channel/);
    // A look-alike object (or a File the page made) has no path: nothing is sent.
    expect(await api.openDropped([{ name: '/etc/passwd' }])).toMatchObject({ messages: [{ level: 'warning', text: 'Nothing to open: drop transcript or audio files.' }] });
    expect(fake.rendererInvokes).toEqual([]);
    await api.openDropped([new DroppedFile('515.vtt', '/home/u/episodes/515.vtt'), { name: 'fake.vtt' }]);
    expect(fake.rendererInvokes).toEqual([['session:open-dropped', { paths: ['/home/u/episodes/515.vtt'] }]]);
  });

  it('delivers main-process events to the page by name, and refuses unknown ones', async () => {
    const { fake, api } = await loadPreload();
    const got: unknown[] = [];
    api.on('menu:command', (command) => got.push(command));
    fake.rendererListeners.emit('menu:command', {}, 'save');
    expect(got).toEqual(['save']);
    // @ts-expect-error: not an event of the contract.
    expect(() => api.on('fs:changed', () => {})).toThrow(/unknown IPC event/);
  });
});
