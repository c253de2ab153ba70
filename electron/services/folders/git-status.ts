/**
 * Git status of a folder's files, read through the `git` command when one is installed:
 * never required (no git, or a folder outside any work tree, gives null) and never
 * waited on for long (a timeout). `--porcelain=v1 -z` is git's stable, script-safe output.
 */
import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import type { GitFileStatus } from '../../../shared/ipc/folder-contract';

export interface GitStatus {
  branch: string | null;
  /** Real path -> status; files not listed are unmodified (or ignored). */
  files: Map<string, GitFileStatus>;
}

const TIMEOUT_MS = 10_000;

function git(cwd: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('git', ['-C', cwd, ...args], { timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8', env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } }, (error, stdout) => {
      resolve(error ? null : stdout);
    });
  });
}

function statusOf(x: string, y: string): GitFileStatus {
  if (x === '?' && y === '?') return 'untracked';
  if (x === 'U' || y === 'U' || (x === 'A' && y === 'A') || (x === 'D' && y === 'D')) return 'conflicted';
  if (x === 'R' || x === 'C') return 'renamed';
  if (x === 'D' || y === 'D') return 'deleted';
  if (x === 'A') return 'added';
  return 'modified';
}

/** The status of everything under `folder`, or null when there is no git or no work tree. */
export async function readGitStatus(folder: string): Promise<GitStatus | null> {
  const top = await git(folder, ['rev-parse', '--show-toplevel']);
  if (top === null) return null;
  const root = await realpath(top.trim()).catch(() => top.trim());
  const out = await git(folder, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', '.']);
  if (out === null) return null;
  const branch = (await git(folder, ['rev-parse', '--abbrev-ref', 'HEAD']))?.trim() || null;
  const files = new Map<string, GitFileStatus>();
  const fields = out.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i]!;
    if (entry.length < 4) continue;
    const x = entry[0]!;
    const y = entry[1]!;
    files.set(join(root, entry.slice(3)), statusOf(x, y));
    // A rename or copy is followed by its source path.
    if (x === 'R' || x === 'C') i++;
  }
  return { branch: branch === 'HEAD' ? null : branch, files };
}
