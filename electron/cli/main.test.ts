/**
 * The CLI as users run it: `npm run cli -- …` straight from source (tsx), no build step.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
function cli(...args: string[]) {
  const r = spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(/^npm warn.*\n/gm, '') };
}

describe('npm run cli', () => {
  it('validates the demo episode with exit 0 and no output', () => {
    expect(cli('validate', 'resources/demo/demo.vtt')).toMatchObject({ code: 0, stdout: '' });
  });

  it('reports a malformed file as file:line:col and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cueline-cli-'));
    const bad = join(dir, 'bad.vtt');
    writeFileSync(bad, 'WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nends before it starts\n');
    const r = cli('validate', bad);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: error: `));
  });

  it('lists the commands for an unknown one and exits 2', () => {
    const r = cli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
    expect(r.stderr).toContain('validate [--fix] FILE...');
  });
});
