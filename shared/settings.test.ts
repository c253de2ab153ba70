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
