#!/usr/bin/env node
/**
 * eSpeak-NG as a separate program (GPL-3.0, so it never runs inside Cueline's MIT
 * process): Cueline starts it with `node espeak-synth.mjs` (Electron runs it as Node)
 * and speaks a small protocol over its pipes. Any program that speaks the same protocol
 * can replace it.
 *
 * stdin: one JSON request per line, {"text": string, "rate": wpm, "voice": "en-us"}.
 * stdout: per request, in order: a 4-byte little-endian length, that many bytes of JSON
 *   {"sampleRate": Hz, "samples": n, "words": [{"at": charIndex, "length": chars, "ms": audioMs}]}
 *   then n 16-bit little-endian mono samples. A request that fails answers
 *   {"error": message, "samples": 0, ...}. End of stdin ends the program.
 */
import { createInterface } from 'node:readline';

process.stdout.on('error', () => process.exit(0));
const { default: Module } = await import('@echogarden/espeak-ng-emscripten');
const espeak = await Module();
const worker = new espeak.eSpeakNGWorker();
let voice = '';

function speak(request) {
  if (request.voice !== voice) {
    worker.set_voice(request.voice ?? 'en-us');
    voice = request.voice;
  }
  worker.rate = request.rate ?? 175;
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
}

function send(header, chunks) {
  const json = Buffer.from(JSON.stringify(header));
  const head = Buffer.alloc(4);
  head.writeUInt32LE(json.length);
  const parts = [head, json];
  for (const c of chunks) parts.push(Buffer.from(c.buffer, c.byteOffset, c.byteLength));
  return new Promise((resolve) => (process.stdout.write(Buffer.concat(parts)) ? resolve() : process.stdout.once('drain', resolve)));
}

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  let result;
  try {
    result = speak(JSON.parse(line));
  } catch (error) {
    result = { header: { error: String(error?.message ?? error), sampleRate: 22050, samples: 0, words: [] }, chunks: [] };
  }
  await send(result.header, result.chunks);
}
