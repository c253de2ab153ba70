/**
 * The playback choices of the Shortcuts dialog and the transport ("Follow playback",
 * "Play from the cursor's cue when it moved since the last pause") kept in the settings
 * file (`playback.follow`, `playback.playFromCursor`): the settings set the toggle, and
 * each change of the toggle is saved. Choices an older build left in localStorage are
 * moved into the settings once.
 */
import { DEFAULT_FOLLOW, DEFAULT_PLAY_FROM_CURSOR, type AppSettings } from '../../../shared/settings';
import type { FollowPlayback } from '../editor/follow-playback';
import type { Store } from '../store';

const LEGACY_KEY = 'cueline.playback';

/** What an older build stored, removed as it is read. */
function takeLegacy(): Partial<Pick<AppSettings['playback'], 'follow' | 'playFromCursor'>> {
  try {
    const raw = globalThis.localStorage?.getItem(LEGACY_KEY);
    if (!raw) return {};
    globalThis.localStorage.removeItem(LEGACY_KEY);
    const value = JSON.parse(raw) as { follow?: unknown; playFromCursor?: unknown } | null;
    return {
      ...(typeof value?.follow === 'boolean' ? { follow: value.follow } : {}),
      ...(typeof value?.playFromCursor === 'boolean' ? { playFromCursor: value.playFromCursor } : {}),
    };
  } catch {
    return {};
  }
}

export interface PlaybackPreferencePorts {
  follow: FollowPlayback;
  settings: Store<AppSettings>;
  /** Saves new settings (the app's changeSettings). */
  save(next: AppSettings): void;
}

/** Keeps `follow` and the settings in step; call once the settings are loaded. Returns the unsubscribe. */
export function syncPlaybackPreferences({ follow, settings, save }: PlaybackPreferencePorts): () => void {
  let applying = false;
  const apply = () => {
    const p = settings.get().playback;
    applying = true;
    follow.set(p.follow ?? DEFAULT_FOLLOW);
    follow.setPlayFromCursor(p.playFromCursor ?? DEFAULT_PLAY_FROM_CURSOR);
    applying = false;
  };
  const legacy = takeLegacy();
  if (Object.keys(legacy).length) save({ ...settings.get(), playback: { ...legacy, ...settings.get().playback } });
  apply();
  const offSettings = settings.subscribe(apply);
  const offFollow = follow.on('change', () => {
    if (applying) return;
    const s = settings.get();
    if (s.playback.follow === follow.enabled && s.playback.playFromCursor === follow.playFromCursor) return;
    save({ ...s, playback: { ...s.playback, follow: follow.enabled, playFromCursor: follow.playFromCursor } });
  });
  return () => { offSettings(); offFollow(); };
}
