import { mkdtemp, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExternalChangeWatcher, type ExternalChange } from './file-watcher';
import { writeTranscriptFile } from './transcript-file';

let dir: string;
let events: [string, ExternalChange][];
let watcher: ExternalChangeWatcher;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cueline-watch-'));
  events = [];
  watcher = new ExternalChangeWatcher((path, kind) => events.push([path, kind]), { debounceMs: 50 });
});
afterEach(async () => {
  watcher.close();
  await rm(dir, { recursive: true, force: true });
});

const settle = () => new Promise((r) => setTimeout(r, 400));

describe('ExternalChangeWatcher', () => {
  it('reports an in-place write, a replace by rename (as git does), and a deletion', async () => {
    const file = join(dir, 'episode.vtt');
    await writeFile(file, 'WEBVTT\n\none\n');
    watcher.watch(file, 'WEBVTT\n\none\n');
    await writeFile(file, 'WEBVTT\n\ntwo\n');
    await settle();
    expect(events).toEqual([[file, 'changed']]);
    await writeFile(join(dir, 'incoming.tmp'), 'WEBVTT\n\nthree\n');
    await rename(join(dir, 'incoming.tmp'), file);
    await settle();
    expect(events).toEqual([[file, 'changed'], [file, 'changed']]);
    await unlink(file);
    await settle();
    expect(events.at(-1)).toEqual([file, 'deleted']);
  });

  it('ignores the app’s own saves, touches that change nothing, and other files in the folder', async () => {
    const file = join(dir, 'episode.vtt');
    await writeFile(file, 'WEBVTT\n');
    watcher.watch(file, 'WEBVTT\n');
    watcher.noteOwnWrite(file, 'WEBVTT\n\nmine\n');
    await writeTranscriptFile(file, 'WEBVTT\n\nmine\n', 'utf-8');
    await writeFile(file, 'WEBVTT\n\nmine\n'); // same text again
    await writeFile(join(dir, 'other.vtt'), 'WEBVTT\n');
    await settle();
    expect(events).toEqual([]);
    watcher.unwatch(file);
    await writeFile(file, 'WEBVTT\n\nafter unwatch\n');
    await settle();
    expect(events).toEqual([]);
  });
});
