/**
 * Playback preferences the settings file has no field for yet: "Follow playback" and
 * "Play from the cursor's cue when it moved since the last pause". Kept in localStorage
 * (per app profile, so they survive restarts; preview remembers them too) until
 * shared/settings.ts carries them.
 */
import type { FollowPlayback } from '../editor/follow-playback';

const KEY = 'cueline.playback';

interface Stored {
  follow?: boolean;
  playFromCursor?: boolean;
}

function read(): Stored {
  try {
    const value = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '{}') as unknown;
    return value && typeof value === 'object' ? (value as Stored) : {};
  } catch {
    return {};
  }
}

function write(next: Stored): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage unavailable (private mode): the choice holds for this window.
  }
}

/** Applies the stored choices to `follow` and keeps storing its changes. Returns the unsubscribe. */
export function rememberPlaybackPreferences(follow: FollowPlayback): () => void {
  const stored = read();
  if (typeof stored.follow === 'boolean') follow.set(stored.follow);
  if (typeof stored.playFromCursor === 'boolean') follow.playFromCursor = stored.playFromCursor;
  return follow.on('change', () => write({ ...read(), follow: follow.enabled, playFromCursor: follow.playFromCursor }));
}
