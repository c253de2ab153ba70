/**
 * The settings file (`settings.json` in the app's data folder). Read once, validated
 * with the shared schema (invalid parts fall back to defaults, and the file is named in
 * the log), written atomically on change.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appSettings, DEFAULT_SETTINGS, storedSettings, type AppSettings } from '../../shared/settings';
import { writeTranscriptFile } from './transcript-file';

export class SettingsStore {
  private current: AppSettings | null = null;
  readonly path: string;

  constructor(dir: string | null, private readonly log: (message: string) => void = () => {}) {
    this.path = dir ? join(dir, 'settings.json') : '';
  }

  async get(): Promise<AppSettings> {
    if (this.current) return this.current;
    if (!this.path) return (this.current = DEFAULT_SETTINGS);
    let raw: string;
    try {
      raw = await readFile(this.path, 'utf8');
    } catch {
      return (this.current = DEFAULT_SETTINGS);
    }
    try {
      this.current = storedSettings.parse(JSON.parse(raw));
    } catch (error) {
      this.log(`${this.path}: unreadable settings, using defaults (${error instanceof Error ? error.message : String(error)})`);
      this.current = DEFAULT_SETTINGS;
    }
    return this.current;
  }

  async set(next: AppSettings): Promise<AppSettings> {
    const valid = appSettings.parse(next);
    this.current = valid;
    if (this.path) {
      await mkdir(join(this.path, '..'), { recursive: true });
      await writeTranscriptFile(this.path, `${JSON.stringify(valid, null, 2)}\n`, 'utf-8');
    }
    return valid;
  }
}
