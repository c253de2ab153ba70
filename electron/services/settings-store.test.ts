import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { SettingsStore } from './settings-store';

describe('SettingsStore', () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'cueline-settings-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  it('starts from defaults and keeps what was set across instances', async () => {
    const store = new SettingsStore(dir);
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    await store.set({ ...DEFAULT_SETTINGS, keymapPreset: 'aegisub', keyOverrides: { 'split-cue': ['Mod-Shift-k'] }, timing: { largeStepMs: 250 } });
    const again = await new SettingsStore(dir).get();
    expect(again.keymapPreset).toBe('aegisub');
    expect(again.keyOverrides).toEqual({ 'split-cue': ['Mod-Shift-k'] });
    expect(again.timing.largeStepMs).toBe(250);
  });

  it('loads the valid parts of a damaged file and logs the bad JSON', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ keymapPreset: 'vim', timing: { largeStepMs: 50 }, qaProfile: 'transcript' }));
    const partly = await new SettingsStore(dir).get();
    expect(partly.keymapPreset).toBe('cueline');
    expect(partly.qaProfile).toBe('transcript');
    expect(partly.timing.largeStepMs).toBe(50);
    await writeFile(join(dir, 'settings.json'), '{ not json');
    const logs: string[] = [];
    expect(await new SettingsStore(dir, (m) => logs.push(m)).get()).toEqual(DEFAULT_SETTINGS);
    expect(logs[0]).toContain('settings.json');
  });

  it('starts from defaults, and says so, when settings.json is a FIFO (never waits for a writer)', async () => {
    execFileSync('mkfifo', [join(dir, 'settings.json')]);
    const logs: string[] = [];
    expect(await new SettingsStore(dir, (m) => logs.push(m)).get()).toEqual(DEFAULT_SETTINGS);
    expect(logs).toEqual([`${join(dir, 'settings.json')}: unreadable settings, using defaults (settings.json: is not a regular file (a FIFO, socket or device); refused.)`]);
  });

  it('refuses invalid settings and leaves the file alone', async () => {
    const store = new SettingsStore(dir);
    await store.set({ ...DEFAULT_SETTINGS, qaProfile: 'transcript' });
    const before = await readFile(join(dir, 'settings.json'), 'utf8');
    await expect(store.set({ ...DEFAULT_SETTINGS, timing: { largeStepMs: -5 } })).rejects.toThrow();
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe(before);
  });

  it('keeps the editor view across instances; a file from an older build loads with it unset', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ keymapPreset: 'aegisub', playback: { follow: false } }));
    const store = new SettingsStore(dir);
    const old = await store.get();
    expect(old.editor).toEqual({});
    expect(old.keymapPreset).toBe('aegisub');
    await store.set({ ...old, editor: { view: 'raw' } });
    const saved = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as { editor: unknown; playback: unknown };
    expect(saved.editor).toEqual({ view: 'raw' });
    expect(saved.playback).toEqual({ follow: false });
    expect((await new SettingsStore(dir).get()).editor.view).toBe('raw');
  });

  it('tells its listeners the settings as set, and stops when unsubscribed', async () => {
    const store = new SettingsStore(dir);
    const seen: (string | undefined)[] = [];
    const off = store.onChange((s) => seen.push(s.editor.view));
    await store.set({ ...DEFAULT_SETTINGS, editor: { view: 'raw' } });
    await expect(store.set({ ...DEFAULT_SETTINGS, timing: { largeStepMs: -5 } })).rejects.toThrow();
    off();
    await store.set({ ...DEFAULT_SETTINGS, editor: { view: 'transcript' } });
    expect(seen).toEqual(['raw']);
  });
});
