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
});
