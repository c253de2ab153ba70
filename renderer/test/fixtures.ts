/**
 * Test files, named once: the shared real-world fixtures (read-only), the bundled demo
 * episode, and temp folders to copy them into before anything writes.
 */
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

/** The repository (this file is renderer/test/fixtures.ts). */
const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** /work/shared/fixtures: see its README. */
export const FIXTURES = resolve(PROJECT_ROOT, '../shared/fixtures');

export const fixture = {
  vtt515: join(FIXTURES, 'talkpython/515-temporal.vtt'),
  txt515: join(FIXTURES, 'talkpython/515-temporal.txt'),
  /** Real speech of 515's first 120 s, with `.truth.json` beside it. */
  audio515: join(FIXTURES, 'audio/515-temporal-first120s.mp3'),
  truth515: join(FIXTURES, 'audio/515-temporal-first120s.truth.json'),
  vtt518: join(FIXTURES, 'talkpython/518-django-birthday.vtt'),
  txt518: join(FIXTURES, 'talkpython/518-django-birthday.txt'),
  talkpython: join(FIXTURES, 'talkpython'),
  snippets: join(FIXTURES, 'snippets'),
  pages: join(FIXTURES, 'pages'),
} as const;

export const demo = {
  vtt: join(PROJECT_ROOT, 'resources/demo/demo.vtt'),
  txt: join(PROJECT_ROOT, 'resources/demo/demo.txt'),
  mp3: join(PROJECT_ROOT, 'resources/demo/demo.mp3'),
} as const;

export function tempDir(prefix = 'cueline-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/**
 * A temp folder holding copies of `files` (destination name -> source path, or text to
 * write); returns the folder and each copy's path by destination name.
 */
export async function folderWith(files: Record<string, string | { text: string }>, prefix?: string): Promise<{ dir: string; path: Record<string, string> }> {
  const dir = await tempDir(prefix);
  const path: Record<string, string> = {};
  for (const [name, source] of Object.entries(files)) {
    path[name] = join(dir, name);
    if (typeof source === 'string') await copyFile(source, path[name]);
    else await writeFile(path[name], source.text);
  }
  return { dir, path };
}

/** 515's VTT with its audio beside it under the same name (so they open as one episode). */
export async function episode515(): Promise<{ dir: string; vtt: string; mp3: string }> {
  const { dir, path } = await folderWith({ '515-temporal.vtt': fixture.vtt515, '515-temporal.mp3': fixture.audio515 });
  return { dir, vtt: path['515-temporal.vtt']!, mp3: path['515-temporal.mp3']! };
}

export const nameOf = basename;

/** A WebVTT of `count` one-line cues, one per second (0.9 s long each): many short cues, fast-changing during playback. */
export function everySecondVtt(count: number): string {
  const ts = (s: number) => `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${(s % 60).toFixed(3).padStart(6, '0')}`;
  const cues = Array.from({ length: count }, (_, i) => `${ts(i)} --> ${ts(i + 0.9)}\nLine ${i + 1} of the episode, said at second ${i}.`);
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

/** `everySecondVtt(115)` with 515's 120 s of real speech beside it as its audio. */
export async function secondsEpisode(): Promise<{ dir: string; vtt: string }> {
  const { dir, path } = await folderWith({ 'seconds.vtt': { text: everySecondVtt(115) }, 'seconds.mp3': fixture.audio515 });
  return { dir, vtt: path['seconds.vtt']! };
}
