#!/usr/bin/env node
// `npm start [-- [--no-build] FILE…]`: builds, then opens Cueline in Electron. Where
// Electron cannot run (its binary cannot be downloaded, no display, missing system
// libraries) it says so in one line and names `npm run preview`, instead of a fetch
// stack trace. `--no-build` skips the build (dist/ is already current).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const build = !args.includes('--no-build');
// npm runs scripts in the project folder; files are named relative to where the user was.
const files = args.filter((a) => a !== '--no-build').map((f) => resolve(process.env.INIT_CWD ?? process.cwd(), f));
const PREVIEW = 'use `npm run preview` to run Cueline in Chromium instead';

function cannotRun(why) {
  process.stderr.write(`Cueline: Electron cannot run here: ${why}; ${PREVIEW}.\n`);
  process.exit(1);
}

/** The most telling line of a failed download or launch: the error's own message, not the stack. */
function cause(output) {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const telling = lines.find((l) => /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|certificate|HTTPError|error while loading shared libraries|Missing X server|cannot open display/i.test(l));
  return (telling ?? lines.find((l) => /^\w*Error:/.test(l)) ?? lines[0] ?? 'no message').replace(/^\w*Error: /, '').slice(0, 160);
}

if (build) {
  const built = spawnSync(process.execPath, [`${root}scripts/build.mjs`], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

// The electron package finds its binary, downloading it on first use (Electron 45 fetches
// lazily). Asked in a child so its progress line and stack trace can be held back.
const located = spawnSync(process.execPath, ['-e', 'process.stdout.write("\\n" + require("electron"))'], { cwd: root, encoding: 'utf8' });
if (located.status !== 0) cannotRun(`its binary is not installed and could not be downloaded (${cause(located.stderr)})`);
const binary = located.stdout.split('\n').pop();
if (!binary || !existsSync(binary)) cannotRun(`its binary is missing (${binary || 'no path'})`);
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) cannotRun('there is no display (DISPLAY is not set; `xvfb-run npm start` gives it one)');
// `--version` starts the binary without a window: missing system libraries show here.
const probe = spawnSync(binary, ['--version'], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
if (probe.error || probe.status !== 0) cannotRun(`its binary does not start (${probe.error ? probe.error.message : cause(`${probe.stderr}\n${probe.stdout}`)})`);

// Root cannot use Chromium's sandbox (CI containers); everyone else keeps it.
const switches = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
// `electron . -- FILE…` from the project folder, as electron/services/launch-args.ts reads it.
const app = spawn(binary, [...switches, '.', '--', ...files], { stdio: 'inherit', cwd: root });
app.on('error', (error) => cannotRun(`its binary does not start (${error.message})`));
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
