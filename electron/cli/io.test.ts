/**
 * The CLI's dealings with files and streams that are not what they seem: a FIFO named
 * `.vtt` is refused by every command at once (none waits for a writer), and a reader that
 * goes away (`| head -1`) ends the command quietly, without an EPIPE stack trace.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIO } from './io';
import { main } from './main';

const ROOT = join(__dirname, '..', '..');

describe('CLI input that is not a regular file', () => {
  it('every command refuses a FIFO named .vtt with a message naming it, exit 1, and does not hang', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-cli-fifo-'));
    const fifo = join(dir, 'pipe.vtt');
    execFileSync('mkfifo', [fifo]);
    await writeFile(join(dir, 'rules.tsv'), 'Temporal\tTEMPORAL\n');
    const runs = [
      ['validate', fifo],
      ['convert', fifo, '--to', 'json'],
      ['clean', fifo, '--fillers'],
      ['fix', '--rules', join(dir, 'rules.tsv'), dir],
      ['fix', '--rules', fifo, dir],
    ];
    for (const argv of runs) {
      const io = captureIO(dir);
      expect(await main(argv, io), argv.join(' ')).toBe(1);
      expect(io.err, argv.join(' ')).toContain('pipe.vtt');
      expect(io.err, argv.join(' ')).toContain('is not a regular file (a FIFO, socket or device); refused.');
    }
  });
});

describe('CLI output to a reader that goes away', () => {
  it('`convert … | head -1` prints the first line and no stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-cli-epipe-'));
    const big = join(dir, 'big.vtt');
    // Far more than a pipe buffer (64 KiB), so the writes outlive the reader.
    const clock = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
    await writeFile(big, `WEBVTT\n${Array.from({ length: 20_000 }, (_, i) => `\n${clock(i)} --> ${clock(i + 1)}\nline ${i} of a long transcript\n`).join('')}`);
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const result = spawnSync('bash', ['-o', 'pipefail', '-c', `"${tsx}" electron/cli/main.ts convert "${big}" --to vtt | head -1`], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stdout).toBe('WEBVTT\n');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);
});
