/**
 * Maps opaque random tokens to audio files the user opened, so the renderer plays audio
 * by URL without ever learning (or choosing) a path.
 */
import { randomBytes } from 'node:crypto';

export class MediaRegistry {
  private readonly files = new Map<string, string>();

  /** Registers a file (already checked by the PathGuard) and returns its token. */
  register(path: string): string {
    for (const [token, p] of this.files) if (p === path) return token;
    const token = randomBytes(16).toString('hex');
    this.files.set(token, path);
    return token;
  }

  resolve(token: string): string | undefined {
    return /^[0-9a-f]{32}$/.test(token) ? this.files.get(token) : undefined;
  }

  revoke(token: string): void {
    this.files.delete(token);
  }
}
