import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCompanions, isAudioPath } from './companions';
import { launchPaths } from './launch-args';

describe('findCompanions', () => {
  it('finds the TXT partner and the audio of an episode by basename', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-comp-'));
    for (const n of ['515-temporal.vtt', '515-temporal.txt', '515-temporal.m4a', '515-temporal.flac', '516-other.mp3']) await writeFile(join(dir, n), '');
    expect(await findCompanions(join(dir, '515-temporal.vtt'))).toEqual({ audio: join(dir, '515-temporal.m4a'), partner: join(dir, '515-temporal.txt') });
    expect(await findCompanions(join(dir, '515-temporal.txt'))).toEqual({ audio: join(dir, '515-temporal.m4a'), partner: join(dir, '515-temporal.vtt') });
  });

  it('prefers mp3, matches case-insensitively, and finds nothing for a lone file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-comp-'));
    for (const n of ['Show.srt', 'show.MP3', 'show.wav', 'lone.vtt']) await writeFile(join(dir, n), '');
    expect(await findCompanions(join(dir, 'Show.srt'))).toEqual({ audio: join(dir, 'show.MP3'), partner: null });
    expect(await findCompanions(join(dir, 'lone.vtt'))).toEqual({ audio: null, partner: null });
    expect(isAudioPath('x.OPUS')).toBe(true);
    expect(isAudioPath('x.vtt')).toBe(false);
  });
});

describe('launchPaths', () => {
  it('reads files after `electron . --` in development and after the binary when packaged', () => {
    expect(launchPaths(['electron', '.', '--', 'a.vtt', 'a.mp3'], { packaged: false, cwd: '/w' })).toEqual(['/w/a.vtt', '/w/a.mp3']);
    expect(launchPaths(['electron', '.'], { packaged: false, cwd: '/w' })).toEqual([]);
    expect(launchPaths(['/opt/Cueline/cueline', '--no-sandbox', '/x/b.srt'], { packaged: true, cwd: '/w' })).toEqual(['/x/b.srt']);
  });
});
