/**
 * `npm run preview -- [files]`: the Cueline renderer in Chromium with the real services,
 * for machines where Electron cannot run. Headed when a display is available (e.g. under
 * `xvfb-run`), headless otherwise. Open/Save As dialogs ask for a path on the terminal.
 */
import { createInterface } from 'node:readline/promises';
import { resolve } from 'node:path';
import { openApp } from './harness';
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
};

const app = await openApp({
  launchPaths: process.argv.slice(2).filter((a) => !a.startsWith('-')).map((p) => resolve(p)),
  dialogs,
  headless: !process.env.DISPLAY,
  log: (m) => console.warn(`[cueline] ${m}`),
});
console.log(`Cueline preview at ${app.server.origin}/index.html (Ctrl+C to quit)`);
app.page.on('close', () => void app.close().then(() => process.exit(0)));
process.on('SIGINT', () => void app.close().then(() => process.exit(0)));
