import { mkdtemp, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RECENT, RecentFiles } from './recent-files';

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'cueline-recent-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

describe('RecentFiles', () => {
  it('keeps the newest ten, once each by real path, across instances, and hides files that are gone', async () => {
    const files = await Promise.all(Array.from({ length: 12 }, async (_, i) => {
      const f = join(dir, `ep${i}.vtt`);
      await writeFile(f, 'WEBVTT\n');
      return f;
    }));
    const recent = new RecentFiles(dir);
    for (const f of files) await recent.add(f);
    await symlink(files[11]!, join(dir, 'link.vtt'));
    await recent.add(join(dir, 'link.vtt')); // the same file by another name
    await recent.add(files[5]!);
    const listed = (await new RecentFiles(dir).list()).map((e) => e.path);
    expect(listed).toHaveLength(MAX_RECENT);
    expect(listed.slice(0, 3)).toEqual([files[5], files[11], files[10]]);
    await unlink(files[10]!);
    expect((await new RecentFiles(dir).list()).map((e) => e.path)).not.toContain(files[10]);
  });

  it('starts over from a damaged list and says so', async () => {
    await writeFile(join(dir, 'recent.json'), '{ nope');
    const logs: string[] = [];
    const recent = new RecentFiles(dir, (m) => logs.push(m));
    expect(await recent.list()).toEqual([]);
    expect(logs[0]).toMatch(/recent\.json: unreadable recent list/);
    const f = join(dir, 'a.vtt');
    await writeFile(f, 'WEBVTT\n');
    await recent.add(f);
    expect(JSON.parse(await readFile(join(dir, 'recent.json'), 'utf8'))[0].path).toBe(f);
  });

  it('keeps every file when several opens add at once, and lists the saved list even while it is still being read', async () => {
    const files = await Promise.all(Array.from({ length: 6 }, async (_, i) => {
      const f = join(dir, `drop${i}.vtt`);
      await writeFile(f, 'WEBVTT\n');
      return f;
    }));
    const recent = new RecentFiles(dir);
    await Promise.all(files.slice(0, 5).map((f) => recent.add(f)));
    expect((await recent.list()).map((e) => e.path).sort()).toEqual(files.slice(0, 5).sort());
    const reopened = new RecentFiles(dir);
    // The first list and an add start together: neither may see an empty list before the file is read.
    const [listed] = await Promise.all([reopened.list(), reopened.add(files[5]!)]);
    expect(listed.length).toBeGreaterThanOrEqual(5);
    const onDisk = JSON.parse(await readFile(join(dir, 'recent.json'), 'utf8')) as { path: string }[];
    expect(onDisk.map((e) => e.path).sort()).toEqual([...files].sort());
    expect(onDisk[0]!.path).toBe(files[5]);
  });
});
