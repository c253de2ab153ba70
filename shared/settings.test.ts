import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW, DEFAULT_PLAY_FROM_CURSOR, DEFAULT_SETTINGS, appSettings, storedSettings } from './settings';

describe('playback settings', () => {
  it('carry Follow playback and Play from cursor, unset by default (the defaults: both on)', () => {
    expect(DEFAULT_SETTINGS.playback).toEqual({});
    expect([DEFAULT_FOLLOW, DEFAULT_PLAY_FROM_CURSOR]).toEqual([true, true]);
    expect(appSettings.parse({ playback: { follow: false, playFromCursor: false } }).playback).toEqual({ follow: false, playFromCursor: false });
  });

  it('refuses a non-boolean over IPC; from disk, a bad playback part falls back and the rest is kept', () => {
    expect(appSettings.safeParse({ playback: { follow: 'yes' } }).success).toBe(false);
    const read = storedSettings.parse({ qaProfile: 'transcript', playback: { follow: 'yes' } });
    expect(read.playback).toEqual({});
    expect(read.qaProfile).toBe('transcript');
  });
});

describe('editor view setting', () => {
  it('is unset by default (the file decides) and holds the transcript or raw view', () => {
    expect(DEFAULT_SETTINGS.editor).toEqual({});
    expect(appSettings.parse({ editor: { view: 'raw' } }).editor).toEqual({ view: 'raw' });
    expect(appSettings.parse({ editor: { view: 'transcript' } }).editor.view).toBe('transcript');
  });

  it('refuses another view over IPC; from disk, a bad one falls back to unset and the rest is kept', () => {
    expect(appSettings.safeParse({ editor: { view: 'grid' } }).success).toBe(false);
    const read = storedSettings.parse({ editor: { view: 'grid' }, playback: { follow: false } });
    expect(read.editor).toEqual({});
    expect(read.playback).toEqual({ follow: false });
    // A file written before the setting existed loads with it unset.
    expect(storedSettings.parse({ qaProfile: 'auto' }).editor).toEqual({});
  });
});
