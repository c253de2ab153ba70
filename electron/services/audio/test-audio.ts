/**
 * Test helpers: real audio files made with sox, lame and ffmpeg in a temp dir. The click
 * track is written as PCM here so the click times are exact truth; the codecs then
 * shift or smear it however they really do.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toInt16, WAV_HEADER_BYTES, wavHeader, wavRange, type PcmSource } from './pcm-wav';

export const CLICK_TIMES = [0.5, 1.0, 2.25, 5.0, 7.777, 9.5];

/**
 * A 16-bit WAV of silence with a click centred on each of `times`: 1 ms of a 3 kHz sine
 * near full scale, low enough in frequency that resampling and lossy codecs keep it.
 */
export function writeClickWav(path: string, options: { seconds?: number; sampleRate?: number; channels?: number; times?: number[] } = {}): void {
  const { seconds = 10, sampleRate = 44100, channels = 1, times = CLICK_TIMES } = options;
  const frames = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(frames * channels * 2);
  for (const t of times) {
    const half = Math.round(sampleRate / 2000);
    const centre = Math.round(t * sampleRate);
    for (let at = Math.max(0, centre - half); at < Math.min(frames, centre + half); at++) {
      const value = Math.round(30000 * Math.sin((2 * Math.PI * 3000 * (at - centre)) / sampleRate + Math.PI / 2));
      for (let c = 0; c < channels; c++) data.writeInt16LE(value, (at * channels + c) * 2);
    }
  }
  writePcm16Wav(path, data, sampleRate, channels);
}

/** A 16-bit PCM WAV of `data` (interleaved little-endian samples). */
export function writePcm16Wav(path: string, data: Buffer, sampleRate: number, channels: number): void {
  writeFileSync(path, Buffer.concat([Buffer.from(wavHeader({ totalSamples: data.length / (2 * channels), channels, sampleRate })), data]));
}

/**
 * A mono 128 kbit/s MP3 of `seconds` of a sox `synth` signal, and a copy with the bytes
 * [from, to) overwritten (a damaged download). Returns both paths.
 */
export async function writeDamagedMp3(dir: string, name: string, seconds: number, synth: string[], [from, to]: [number, number]): Promise<{ clean: string; damaged: string }> {
  const wav = join(dir, `${name}.wav`);
  const clean = join(dir, `${name}.mp3`);
  run('sox', ['-n', '-r', '44100', '-c', '1', '-b', '16', wav, 'synth', String(seconds), ...synth, 'vol', '0.5']);
  run('lame', ['--quiet', '-b', '128', wav, clean]);
  const bytes = await readFile(clean);
  bytes.fill(0x5a, from, to);
  const damaged = join(dir, `${name}-damaged.mp3`);
  await writeFile(damaged, bytes);
  return { clean, damaged };
}

export function run(command: string, args: string[]): void {
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * Where the clicks are in min/max pairs: for each run of loud pairs (codecs smear a click
 * over a few), the centre of its loudest pair, in seconds.
 */
export function clickTimesInPeaks(pairs: Int8Array, samplesPerPeak: number, sampleRate: number, threshold = 40): number[] {
  const found: number[] = [];
  let best = -1;
  let bestLevel = 0;
  let lastLoud = -Infinity;
  const close = () => { if (best >= 0) found.push(((best + 0.5) * samplesPerPeak) / sampleRate); };
  for (let i = 0; 2 * i + 1 < pairs.length; i++) {
    const level = Math.max(-pairs[2 * i]!, pairs[2 * i + 1]!);
    if (level < threshold) continue;
    if (i - lastLoud > 20) { close(); best = i; bestLevel = level; }
    else if (level > bestLevel) { best = i; bestLevel = level; }
    lastLoud = i;
  }
  close();
  return found;
}

/**
 * The seek test signal (a quiet 440 Hz tone, a loud 50 ms 2 kHz burst at every k + 0.5 s)
 * in every format the app plays, made once per folder with sox, lame and ffmpeg.
 */
export function makeSeekSignalFiles(dir: string, seconds = 60): { name: string; path: string }[] {
  mkdirSync(dir, { recursive: true });
  const p = (name: string) => join(dir, name);
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: 'ignore' });
  if (!existsSync(p('clicks.wav'))) {
    run('sox', ['-n', '-r', '44100', '-c', '1', '-b', '16', p('tone.wav'), 'synth', String(seconds), 'sine', '440', 'vol', '0.05']);
    run('sox', ['-n', '-r', '44100', '-c', '1', '-b', '16', p('period.wav'), 'synth', '1', 'sine', '2000', 'vol', '0.9', 'trim', '0', '0.05', 'pad', '0.5', '0.45']);
    run('sox', [...Array.from({ length: seconds }, () => p('period.wav')), p('bursts.wav')]);
    // 16-bit PCM: Chromium does not play 32-bit integer WAV.
    run('sox', ['-m', '-v', '1', p('tone.wav'), '-v', '1', p('bursts.wav'), '-b', '16', p('clicks.wav')]);
  }
  const make = (label: string, file: string, cmd: string, args: (out: string) => string[]) => {
    if (!existsSync(p(file))) run(cmd, args(p(file)));
    return { name: label, path: p(file) };
  };
  const ff = (codec: string[]) => (out: string) => ['-loglevel', 'error', '-y', '-i', p('clicks.wav'), ...codec, out];
  return [
    { name: 'WAV', path: p('clicks.wav') },
    make('MP3 CBR 128', 'cbr.mp3', 'lame', (out) => ['--quiet', '-b', '128', p('clicks.wav'), out]),
    make('MP3 VBR -V2 (Xing)', 'vbr.mp3', 'lame', (out) => ['--quiet', '-V', '2', p('clicks.wav'), out]),
    make('MP3 VBR -V2 no Xing', 'vbr-noxing.mp3', 'lame', (out) => ['--quiet', '-V', '2', '-t', p('clicks.wav'), out]),
    make('FLAC', 'clicks.flac', 'sox', (out) => [p('clicks.wav'), out]),
    make('Ogg Vorbis', 'clicks.ogg', 'ffmpeg', ff(['-c:a', 'libvorbis', '-q:a', '4'])),
    make('Opus', 'clicks.opus', 'ffmpeg', ff(['-c:a', 'libopus', '-b:a', '64k'])),
    make('M4A AAC', 'clicks.m4a', 'ffmpeg', ff(['-c:a', 'aac', '-b:a', '128k'])),
  ];
}

/** Everything a stream gives, as one byte array. */
export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const c of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(c);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let k = 0;
  for (const c of chunks) { out.set(c, k); k += c.length; }
  return out;
}

/**
 * Reads `length` samples of a virtual WAV from `sample` on and returns the first one
 * (channel 0) that differs from `reference` (a decode from the start), or null.
 */
export async function firstMismatch(pcm: PcmSource, reference: Float32Array, sample: number, length: number): Promise<string | null> {
  const block = pcm.channels * 2;
  const start = WAV_HEADER_BYTES + sample * block;
  const bytes = await readAll(wavRange(pcm, start, start + length * block - 1));
  if (bytes.length !== length * block) return `${bytes.length} bytes, not ${length * block}`;
  const v = new DataView(bytes.buffer, bytes.byteOffset);
  for (let k = 0; k < length; k++) {
    const got = v.getInt16(k * block, true);
    const want = toInt16(reference[sample + k]!);
    if (got !== want) return `sample ${sample + k}: ${got}, not ${want}`;
  }
  return null;
}
