/**
 * `npm run preview -- [files]`: the Cueline renderer with the real services, for machines
 * where Electron cannot run. The page works in any browser: the server speaks the IPC
 * contract over loopback HTTP, authorised by this run's token in the printed URL. With a
 * display (e.g. under `xvfb-run`) it also opens that URL in Chromium; headless, it prints
 * how to open it. Open/Save As dialogs ask for a path on the terminal.
 */
import { createInterface } from 'node:readline/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './harness';
import { startPreviewServer } from './server';
import { userDataDir } from './data-dir';
import type { DialogPort } from '../services/session';

async function ask(question: string): Promise<string | null> {
  if (!process.stdin.isTTY) return null;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = (await rl.question(question)).trim();
    return answer ? resolve(answer) : null;
  } finally {
    rl.close();
  }
}

const dialogs: DialogPort = {
  chooseOpen: (kind) => ask(`Open ${kind} (path, empty to cancel): `),
  chooseSave: (name) => ask(`Save ${name} as (path, empty to cancel): `),
  chooseFolder: () => ask('Open folder (path, empty to cancel): '),
};

const server = await startPreviewServer({
  launchPaths: process.argv.slice(2).filter((a) => !a.startsWith('-')).map((p) => resolve(p)),
  dialogs,
  browserBridge: true,
  // The app's own data folder: settings (and recent files, recovery) outlive the run.
  dataDir: userDataDir(),
  log: (m) => console.warn(`[cueline] ${m}`),
});
const url = server.bridge!.openUrl;
const port = new URL(server.origin).port;
const quit = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', quit);

const howToOpen = [
  `Cueline preview at ${url}`,
  '  Open that URL (it carries this run\'s token) in any browser on this machine.',
  `  From another machine: ssh -L ${port}:127.0.0.1:${port} THIS-HOST, then open the same URL there.`,
  '  File ▸ Open and Save As ask for a path in this terminal. Ctrl+C quits.',
].join('\n');

/** With a display, the page also opens in Chromium; without one (or without Chromium), the URL is the way in. */
async function openChromium(): Promise<boolean> {
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: false, args: CHROMIUM_ARGS });
    const page = await (await browser.newContext({ viewport: null })).newPage();
    page.on('close', () => void browser.close().then(quit));
    await page.goto(url);
    return true;
  } catch (error) {
    console.warn(`[cueline] could not open Chromium (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    return false;
  }
}

console.log(process.env.DISPLAY && (await openChromium()) ? `Cueline preview in Chromium; also at ${url} (Ctrl+C to quit)` : howToOpen);
