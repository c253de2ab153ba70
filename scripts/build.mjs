#!/usr/bin/env node
// Builds everything the app runs: the renderer (Vite) into dist/renderer, the Electron
// main process and preload (esbuild, CommonJS, `electron` left external) into
// dist/electron, and the test/preview page shim into dist/preview. It never loads the
// `electron` module, so it works where the Electron binary cannot be downloaded.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { copyFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const t0 = performance.now();

await viteBuild({ configFile: `${root}renderer/vite.config.ts`, logLevel: 'warn' });

const common = {
  // import.meta only appears on from-source paths (tsx); silence esbuild's CJS warning about it.
  logOverride: { 'empty-import-meta': 'silent' },
  bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', absWorkingDir: root };
await Promise.all([
  esbuild({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', external: ['electron'] }),
  // Waveform peaks are decoded in worker threads; Node loads this file by path.
  esbuild({ ...common, entryPoints: ['electron/services/audio/peaks-worker.ts'], outfile: 'dist/electron/peaks-worker.cjs', format: 'cjs' }),
  // Alignment jobs run in worker threads too (electron/services/align/align-service.ts).
  esbuild({ ...common, entryPoints: ['electron/services/align/align-worker.ts'], outfile: 'dist/electron/align-worker.cjs', format: 'cjs' }),
  // The sandboxed preload may only require('electron'); everything else is bundled in.
  esbuild({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] }),
  esbuild({ ...common, platform: 'browser', target: 'chrome130', entryPoints: ['electron/preview/page-shim.ts'], outfile: 'dist/preview/page-shim.js', format: 'iife' }),
  // The same API over HTTP, for the page opened in any browser by `npm run preview`.
  esbuild({ ...common, platform: 'browser', target: 'es2022', entryPoints: ['electron/preview/http-shim.ts'], outfile: 'dist/preview/http-shim.js', format: 'iife' }),
]);
// The eSpeak synthesizer is a separate program (GPL-3.0, see README), started by the
// alignment worker from beside the bundle; it is copied, not bundled.
await copyFile(`${root}electron/services/align/espeak-synth.mjs`, `${root}dist/electron/espeak-synth.mjs`);
// The peaks worker's MP3 decoder (libmpg123, LGPL-2.1) stays a file of its own beside
// it, replaceable (scripts/build-mpg123-peaks.sh rebuilds it); read from disk, never fetched.
await copyFile(`${root}electron/services/audio/mpg123-peaks/mpg123-peaks.wasm`, `${root}dist/electron/mpg123-peaks.wasm`);
await copyFile(`${root}electron/services/audio/mpg123-peaks/COPYING.mpg123`, `${root}dist/electron/COPYING.mpg123`);
console.log(`built in ${Math.round(performance.now() - t0)} ms`);
