#!/usr/bin/env node
// Regenerates the demo episode's audio from its script: speaks resources/demo/demo.vtt
// with ../shared/tools/speak-vtt.mjs (espeak-ng + sox + lame), each cue's words inside
// its cue window, and writes demo.mp3 plus demo.truth.json (where speech really is).
// The output is byte-for-byte reproducible; build/demo-episode.test.ts fails when the
// VTT was edited without rerunning this.
//   node scripts/make-demo.mjs
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const demo = `${root}resources/demo`;
const r = spawnSync(
  process.execPath,
  [`${root}../shared/tools/speak-vtt.mjs`, `${demo}/demo.vtt`, `${demo}/demo.mp3`, '--rate', '22050', '--truth', `${demo}/demo.truth.json`],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);
