import { describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PathGuard } from './path-guard';

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'cueline-guard-'));
  await mkdir(join(dir, 'episodes'));
  await writeFile(join(dir, 'episodes', 'a.vtt'), 'WEBVTT\n');
  await writeFile(join(dir, 'secret.txt'), 'secret');
  const logs: string[] = [];
  return { dir, logs, guard: new PathGuard((m) => logs.push(m)) };
}

describe('PathGuard', () => {
  it('allows what the user opened, by any spelling of the same file', async () => {
    const { dir, guard } = await setup();
    await guard.allow(join(dir, 'episodes', 'a.vtt'));
    await expect(guard.check(join(dir, 'episodes', '..', 'episodes', 'a.vtt'), 'read')).resolves.toContain('a.vtt');
  });

  it('refuses other files, `..` escapes and symlinks out of the allowed set, and logs why', async () => {
    const { dir, guard, logs } = await setup();
    await guard.allow(join(dir, 'episodes', 'a.vtt'));
    await expect(guard.check(join(dir, 'secret.txt'), 'read')).rejects.toThrow(/not opened by the user/);
    await expect(guard.check(join(dir, 'episodes', '..', 'secret.txt'), 'read')).rejects.toThrow();
    await symlink(join(dir, 'secret.txt'), join(dir, 'episodes', 'link.vtt'));
    await expect(guard.check(join(dir, 'episodes', 'link.vtt'), 'read')).rejects.toThrow();
    await expect(guard.check('/etc/passwd', 'read')).rejects.toThrow();
    expect(logs).toHaveLength(4);
    expect(logs[0]).toMatch(/refused read: .*secret\.txt/);
  });

  it('resolves an allowed symlink to its target, so the target is what is allowed', async () => {
    const { dir, guard } = await setup();
    await symlink(join(dir, 'episodes', 'a.vtt'), join(dir, 'alias.vtt'));
    const real = await guard.allow(join(dir, 'alias.vtt'));
    expect(real.endsWith(join('episodes', 'a.vtt'))).toBe(true);
    await expect(guard.check(join(dir, 'episodes', 'a.vtt'), 'save')).resolves.toBe(real);
  });
});
