/**
 * Where `npm run preview` keeps settings, recent files, the peaks cache and the crash
 * journal: the folder Electron's `app.getPath('userData')` gives the app (appData plus
 * the productName), so the preview remembers what the app remembers, across runs.
 * Without it the preview kept settings in memory and forgot every choice (the QA profile
 * switch, key bindings) when it quit. CUELINE_DATA_DIR overrides it.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Cueline';

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.CUELINE_DATA_DIR) return env.CUELINE_DATA_DIR;
  // Electron's appData: %APPDATA% on Windows, ~/Library/Application Support on macOS, XDG elsewhere.
  const appData =
    platform === 'win32' ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin' ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME || join(home, '.config'));
  return join(appData, APP_NAME);
}
