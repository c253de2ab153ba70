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

  it('does not mistake the old text for a change while an own save is still landing', async () => {
    const file = join(dir, 'episode.vtt');
    await writeFile(file, 'WEBVTT\n\nold\n');
    watcher.watch(file, 'WEBVTT\n\nold\n');
    watcher.noteOwnWrite(file, 'WEBVTT\n\nnew\n');
    // An event arrives and is checked before the save's rename: the disk still shows the old text.
    await writeFile(file, 'WEBVTT\n\nold\n');
    await settle();
    expect(events).toEqual([]);
    await writeTranscriptFile(file, 'WEBVTT\n\nnew\n', 'utf-8');
    await settle();
    expect(events).toEqual([]);
    // Once the save has landed, the old text coming back is someone else's doing (a git revert).
    await writeFile(file, 'WEBVTT\n\nold\n');
    await settle();
    expect(events).toEqual([[file, 'changed']]);
  });

  it('stays quiet through rapid own saves whose checks interleave with the next save', async () => {
    const file = join(dir, 'episode.vtt');
    let text = 'WEBVTT\n';
    await writeFile(file, text);
    watcher.watch(file, text);
    for (let i = 0; i < 25; i++) {
      text += `\n00:00:${String(i).padStart(2, '0')}.000 --> 00:00:59.000\nline ${i} ${'x'.repeat(2000)}\n`;
      watcher.noteOwnWrite(file, text);
      await writeTranscriptFile(file, text, 'utf-8');
      // Around the debounce, so a check often runs while the next save is being written.
      await new Promise((r) => setTimeout(r, 40 + Math.random() * 20));
    }
    await settle();
    expect(events).toEqual([]);
  });

  it('reports a file that is deleted, and again when it comes back changed', async () => {
    const file = join(dir, 'episode.vtt');
    await writeFile(file, 'WEBVTT\n');
    watcher.watch(file, 'WEBVTT\n');
    await unlink(file);
    await settle();
    await writeFile(file, 'WEBVTT\n\nrestored\n');
    await settle();
    expect(events).toEqual([[file, 'deleted'], [file, 'changed']]);
  });
});
