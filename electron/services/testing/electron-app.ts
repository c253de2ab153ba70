/**
 * Starts the real Cueline in the real Electron binary through Playwright's Electron
 * driver, for the smoke test (electron/electron-smoke.test.ts). Finds the binary the way
 * the electron package does, but never downloads it: where there is none, it says why.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElectronApplication, Page } from 'playwright-core';

const ROOT = join(__dirname, '..', '..', '..');

const EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'electron',
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
};

/** The Electron binary (ELECTRON_OVERRIDE_DIST_PATH, or where `npm start` downloaded it), or why there is none. */
export function electronBinary(): { path: string } | { missing: string } {
  const pkg = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : (EXECUTABLE[process.platform] ?? 'electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && !existsSync(pathFile)) {
    return { missing: 'no Electron binary (never downloaded here: node_modules/electron/path.txt is absent, and ELECTRON_OVERRIDE_DIST_PATH is not set)' };
  }
  const path = override ? join(override, name) : join(pkg, 'dist', name);
  return existsSync(path) ? { path } : { missing: `no Electron binary at ${path}` };
}

export interface RunningApp {
  app: ElectronApplication;
  page: Page;
}

/** Launches `electron . -- FILE…` from the project folder (dist/ built), with its data folder in `dataHome`. */
export async function launchCueline(executablePath: string, files: string[], dataHome: string): Promise<RunningApp> {
  const playwright = await import('playwright-core');
  // Playwright's Electron driver, looked up by name (it is an underscore export).
  const driver = Reflect.get(playwright, '_electron') as { launch(options: object): Promise<ElectronApplication> };
  const app = await driver.launch({
    executablePath,
    cwd: ROOT,
    // Root cannot use Chromium's sandbox (CI containers); everyone else keeps it.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '.', '--', ...files],
    // app.getPath('userData') lives under XDG_CONFIG_HOME on Linux: a fresh one per run.
    env: { ...process.env, XDG_CONFIG_HOME: dataHome } as Record<string, string>,
  });
  return { app, page: await app.firstWindow() };
}
