/**
 * `npm start` where Electron cannot run: one line that says why and names
 * `npm run preview`, exit 1, never a download's stack trace. (Where it can run, the
 * Electron smoke test, electron/electron-smoke.test.ts, starts the real app.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const start = (env: Record<string, string>) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--no-build'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });

describe('npm start where Electron cannot run', () => {
  it('says so in one line naming npm run preview when the binary is not where the override says', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'cueline-no-electron-'));
    const run = start({ ELECTRON_OVERRIDE_DIST_PATH: empty });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`Cueline: Electron cannot run here: its binary is missing (${join(empty, 'electron')}); use \`npm run preview\` to run Cueline in Chromium instead.\n`);
  });

  it('says so in one line when the binary must be downloaded and the download fails', () => {
    // Only a machine without the binary downloads it (once there, it is simply used).
    if (existsSync(join(ROOT, 'node_modules', 'electron', 'path.txt'))) return;
    // A mirror on a closed local port: the download fails at once, without the network.
    const run = start({ ELECTRON_MIRROR: 'http://127.0.0.1:9/', ELECTRON_OVERRIDE_DIST_PATH: '' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr).toMatch(/^Cueline: Electron cannot run here: its binary is not installed and could not be downloaded \(.+\); use `npm run preview` to run Cueline in Chromium instead\.\n$/);
  });
});
