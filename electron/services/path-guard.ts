/**
 * The set of files the renderer may reach: only those the user chose (dialog, drop,
 * argv, recent list) and the partner/audio files found beside them. Paths are compared
 * after realpath, so `..` segments and symlinks cannot lead outside the set.
 */
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';

export type GuardLog = (message: string) => void;

export class PathGuard {
  private readonly allowed = new Set<string>();

  constructor(private readonly log: GuardLog = () => {}) {}

  /** Allows a path the user chose. Resolves symlinks so the real file is what is allowed. */
  async allow(path: string): Promise<string> {
    const real = await canonical(path);
    this.allowed.add(real);
    return real;
  }

  /** Returns the canonical path if allowed; otherwise logs the reason and throws. */
  async check(path: string, why: string): Promise<string> {
    const real = await canonical(path);
    if (!this.allowed.has(real)) {
      this.log(`refused ${why}: ${path} is not a file the user opened`);
      throw new Error(`Access refused: ${path} was not opened by the user.`);
    }
    return real;
  }
}

/** realpath when the file exists; for a file about to be created, realpath of its folder. */
async function canonical(path: string): Promise<string> {
  const abs = resolve(path);
  try {
    return await realpath(abs);
  } catch {
    const slash = Math.max(abs.lastIndexOf('/'), abs.lastIndexOf('\\'));
    const dir = abs.slice(0, slash) || '/';
    try {
      return resolve(await realpath(dir), abs.slice(slash + 1));
    } catch {
      return abs;
    }
  }
}
