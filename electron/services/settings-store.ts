/**
 * The settings file (`settings.json` in the app's data folder). Read once, validated
 * with the shared schema (invalid parts fall back to defaults, and the file is named in
 * the log), written atomically on change; `onChange` tells the main process's own
 * readers (the native menu's View ▸ Transcript View check mark).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { appSettings, DEFAULT_SETTINGS, storedSettings, type AppSettings } from '../../shared/settings';
import { writeTranscriptFile } from './transcript-file';
import { readBounded } from './user-file';

export class SettingsStore {
  private current: AppSettings | null = null;
  private readonly listeners = new Set<(settings: AppSettings) => void>();
  readonly path: string;

  constructor(dir: string | null, private readonly log: (message: string) => void = () => {}) {
    this.path = dir ? join(dir, 'settings.json') : '';
  }

  async get(): Promise<AppSettings> {
    if (this.current) return this.current;
    if (!this.path) return (this.current = DEFAULT_SETTINGS);
    // Bounded and never blocking (a FIFO in the data folder must not hang the start).
    const read = await readBounded(this.path, 4 * 1024 * 1024);
    if (!read.ok) {
      if (read.kind !== 'missing') this.log(`${this.path}: unreadable settings, using defaults (${read.message})`);
      return (this.current = DEFAULT_SETTINGS);
    }
    const raw = read.bytes.toString('utf8');
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
    for (const listener of [...this.listeners]) listener(valid);
    return valid;
  }

  /** Calls `listener` with the settings each time they are set. Returns the unsubscribe. */
  onChange(listener: (settings: AppSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
