#!/usr/bin/env node
/**
 * eSpeak-NG as a separate program (GPL-3.0, so it never runs inside Cueline's MIT
 * process): Cueline starts it with `node espeak-synth.mjs` (Electron runs it as Node)
 * and speaks a small protocol over its pipes. Any program that speaks the
 * same protocol can replace it.
 *
 * stdin: one JSON request per line, {"text": string, "rate": wpm, "pitch": 0-99 (optional,
 *   eSpeak's default 50), "voice": "en-us"}.
 * stdout: per request, in order: a 4-byte little-endian length, that many bytes of JSON
 *   {"sampleRate": Hz, "samples": n, "words": [{"at": charIndex, "length": chars, "ms": audioMs}]}
 *   then n 16-bit little-endian mono samples. A request that fails answers
 *   {"error": message, "samples": 0, ...}. End of stdin ends the program.
 *
 * `--whole-data` keeps eSpeak's whole data file in memory (see loadLean).
 *
 * One eSpeak instance: two, in two threads on halves of the requests, were measured
 * slower for an hour's transcript on this 2-core machine (the decoding of the recording
 * needs the other core) and cost ~40 MB more. Measured again with two such programs on
 * halves of the cues beside the decoding thread (an hour, load ~4): the recording's
 * features and the voice were both ready after 10.0 and 14.1 s with one, 16.8 and 20.6 s
 * with two. The decoding thread already ends last with one, and a third busy thread on
 * two cores only slows it (under a load of 10-14 two did finish first, by taking a larger
 * share of a machine others were using, not by doing less).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

const { default: Module } = await import('@echogarden/espeak-ng-emscripten');

const DATA_DIR = '/usr/share/espeak-ng-data';
/** The voice's own dictionary; the other languages' (20 of the package's 24 MB) are never read. */
const KEEP_DICT = 'en_dict';

/**
 * eSpeak with only the files English needs in memory. The package's data file (24 MB,
 * mostly other languages' dictionaries) is normally read whole and kept for the
 * program's life. Here the module is handed a zeroed buffer of its size instead (pages
 * never written are never resident), and only the files kept are read into their place;
 * the other dictionaries are removed, so a switch to another language fails cleanly
 * rather than reading zeros. Falls back to the whole file if the module keeps copies
 * rather than views of that buffer (another package version).
 */
async function loadLean() {
  const dataPath = join(dirname(createRequire(import.meta.url).resolve('@echogarden/espeak-ng-emscripten')), 'espeak-ng.data');
  let pkg = null;
  const module = await Module({ getPreloadedPackage: (_name, size) => (pkg = new ArrayBuffer(size)) });
  const { FS } = module;
  const files = [];
  const visit = (path) => {
    for (const name of FS.readdir(path)) {
      if (name === '.' || name === '..') continue;
      const full = `${path}/${name}`;
      const node = FS.lookupPath(full).node;
      if (FS.isDir(node.mode)) visit(full);
      else if (path === DATA_DIR && name.endsWith('_dict') && name !== KEEP_DICT) FS.unlink(full);
      else files.push(node);
    }
  };
  visit(DATA_DIR);
  if (!pkg || files.some((node) => node.contents?.buffer !== pkg)) return null;
  const fd = openSync(dataPath, 'r');
  try {
    for (const node of files) readSync(fd, node.contents, 0, node.usedBytes, node.contents.byteOffset);
  } finally {
    closeSync(fd);
  }
  return module;
}

/** One eSpeak instance: `speak(request)` gives the reply's header and PCM chunks. */
async function createSpeaker() {
  // `--whole-data` loads the package's data file whole, as the module does by itself (the tests compare).
  const lean = !process.argv.includes('--whole-data');
  const espeak = (lean ? await loadLean().catch(() => null) : null) ?? (await Module());
  const worker = new espeak.eSpeakNGWorker();
  let voice = '';
  return (request) => {
    try {
      if (request.voice !== voice) {
        worker.set_voice(request.voice ?? 'en-us');
        voice = request.voice;
      }
      worker.rate = request.rate ?? 175;
      worker.pitch = request.pitch ?? 50;
      const chunks = [];
      const words = [];
      let samples = 0;
      worker.synthesize(request.text, (audio, events) => {
        if (audio.length) {
          chunks.push(audio);
          samples += audio.length;
        }
        for (const e of events) if (e.type === 'word') words.push({ at: e.text_position - 1, length: e.word_length, ms: e.audio_position });
        return 0;
      });
      return { header: { sampleRate: worker.samplerate, samples, words }, chunks };
    } catch (error) {
      return { header: { error: String(error?.message ?? error), sampleRate: 22050, samples: 0, words: [] }, chunks: [] };
    }
  };
}

const speak = await createSpeaker();
process.stdout.on('error', () => process.exit(0));

/** Resolves once stdout has taken everything written so far (its buffer has drained). */
let drained = Promise.resolve();

/**
 * Writes a reply without waiting for the reader: the next request is spoken while this
 * one drains, and only the next write waits for it. So at most one reply waits here, and
 * a reader busy elsewhere for a moment does not stop the voice.
 */
async function send({ header, chunks }) {
  await drained;
  const json = Buffer.from(JSON.stringify(header));
  const head = Buffer.alloc(4);
  head.writeUInt32LE(json.length);
  const parts = [head, json, ...chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength))];
  if (!process.stdout.write(Buffer.concat(parts))) drained = new Promise((resolve) => process.stdout.once('drain', resolve));
}

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  let request;
  try {
    request = JSON.parse(line);
  } catch (error) {
    await send({ header: { error: `bad request: ${error.message}`, sampleRate: 22050, samples: 0, words: [] }, chunks: [] });
    continue;
  }
  await send(speak(request));
}
