import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseVtt } from '../../../shared/formats/vtt';
import { parseSrt } from '../../../shared/formats/srt';
import { captureIO } from '../io';
import { run } from './convert';

const F = `${__dirname}/../../../../shared/fixtures/`;
const dir = mkdtempSync(join(tmpdir(), 'cueline-convert-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const capture = () => captureIO(dir);

function fixture(from: string, as: string): string {
  copyFileSync(F + from, join(dir, as));
  return as;
}

describe('convert', () => {
  it('515 pair: --to txt --txt-style talkpython --pair prints 515.txt exactly, both argument orders', async () => {
    fixture('talkpython/515-temporal.vtt', '515.vtt');
    fixture('talkpython/515-temporal.txt', '515.txt');
    const want = readFileSync(F + 'talkpython/515-temporal.txt', 'utf8');
    let io = capture();
    expect(await run(['515.vtt', '--to', 'txt', '--txt-style', 'talkpython', '--pair', '515.txt'], io)).toBe(0);
    expect(io.out).toBe(want);
    expect(io.err).toBe('');
    io = capture();
    expect(await run(['515.txt', '--pair', '515.vtt', '--to', 'txt'], io)).toBe(0);
    expect(io.out).toBe(want);
    io = capture();
    expect(await run(['515.txt', '--to', 'txt'], io)).toBe(0);
    expect(io.out).toBe(want);
    io = capture();
    expect(await run(['515.txt', '--pair', '515.vtt', '--to', 'vtt'], io)).toBe(0);
    expect(io.out).toBe(readFileSync(F + 'talkpython/515-temporal.vtt', 'utf8'));
  });

  it('--txt-style speakers writes Otter-style speaker paragraphs: the Otter page comes back byte for byte, and through VTT too', async () => {
    fixture('pages/djangochat-dev-environments-otter.txt', 'otter.txt');
    const want = readFileSync(F + 'pages/djangochat-dev-environments-otter.txt', 'utf8');
    let io = capture();
    expect(await run(['otter.txt', '--to', 'txt', '--txt-style', 'speakers'], io)).toBe(0);
    expect(io.out).toBe(want);
    io = capture();
    expect(await run(['otter.txt', '--to', 'vtt', '-o', 'otter.vtt'], io)).toBe(0);
    io = capture();
    expect(await run(['otter.vtt', '--to', 'txt', '--txt-style', 'speakers'], io)).toBe(0);
    expect(io.out).toBe(want);
    io = capture();
    expect(await run(['otter.vtt', '--to', 'txt', '--txt-style', 'otter'], io)).toBe(2);
    expect(io.err).toContain('talkpython, paragraphs, plain, speakers');
  });

  it('--pair with an Otter TXT keeps its speaker blocks by default; --txt-style talkpython asks for HH:MM:SS entries', async () => {
    fixture('pages/djangochat-dev-environments-otter.txt', 'pair-otter.txt');
    const want = readFileSync(F + 'pages/djangochat-dev-environments-otter.txt', 'utf8');
    let io = capture();
    expect(await run(['pair-otter.txt', '--to', 'vtt', '-o', 'pair-otter.vtt'], io)).toBe(0);
    io = capture();
    expect(await run(['pair-otter.vtt', '--pair', 'pair-otter.txt', '--to', 'txt'], io)).toBe(0);
    expect(io.out).toBe(want);
    io = capture();
    expect(await run(['pair-otter.vtt', '--pair', 'pair-otter.txt', '--to', 'txt', '--txt-style', 'speakers'], io)).toBe(0);
    expect(io.out).toBe(want);
    io = capture();
    expect(await run(['pair-otter.vtt', '--pair', 'pair-otter.txt', '--to', 'txt', '--txt-style', 'talkpython'], io)).toBe(0);
    const entries = io.out.trimEnd().split('\n\n');
    expect(entries.length).toBeGreaterThan(100);
    expect(entries[0]).toMatch(/^00:00:06 Hi, welcome to another episode/);
    for (const entry of entries) expect(entry).toMatch(/^\d\d:\d\d:\d\d [^\n]*$/);
  });

  it('--to json from VTT; content decides the format even with a misleading name', async () => {
    fixture('snippets/vtt_overlap_515.vtt', 'overlap.txt');
    const io = capture();
    expect(await run(['overlap.txt', '--to', 'json'], io)).toBe(0);
    const json = JSON.parse(io.out);
    const doc = parseVtt(readFileSync(F + 'snippets/vtt_overlap_515.vtt', 'utf8'));
    expect(json.valid).toBe(true);
    expect(json.cues.map((c: { start: number; text: string }) => [c.start, c.text])).toEqual(doc.cues.map((c) => [c.start, c.text]));
  });

  it('TXT page to VTT and JSON: shape, notes and untimed cues reported', async () => {
    fixture('pages/djangochat-dev-environments-otter.txt', 'otter.vtt');
    let io = capture();
    expect(await run(['otter.vtt', '--to', 'vtt', '-o', 'no-such-dir/otter.vtt'], io)).toBe(1);
    expect(io.err).toMatch(/^no-such-dir\/otter\.vtt:1:1: error: cannot write/m);
    io = capture();
    expect(await run(['otter.vtt', '--to', 'vtt', '-o', 'otter-converted.vtt'], io)).toBe(0);
    const doc = parseVtt(readFileSync(join(dir, 'otter-converted.vtt'), 'utf8'));
    expect(doc.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(doc.cues).toHaveLength(129);
    expect(doc.cues[0]!.speaker).toBe('Will Vincent');
    fixture('pages/djangochat-rust-tooling-untimed.txt', 'untimed.txt');
    io = capture();
    expect(await run(['untimed.txt', '--to', 'json'], io)).toBe(0);
    const json = JSON.parse(io.out);
    expect(json.import.shape).toBe('untimed');
    expect(json.cues).toEqual([]);
    expect(json.import.untimed.length).toBeGreaterThan(100);
    expect(io.err).toBe('untimed.txt:1:1: warning: no timestamps found: 216 cues need timing\n');
    io = capture();
    expect(await run(['untimed.txt', '--to', 'srt'], io)).toBe(1);
    expect(io.err).toMatch(/^untimed\.txt:1:1: error: \d+ cues have no times/m);
  });

  it('an uncertain TXT shape prints a note and still converts', async () => {
    writeFileSync(join(dir, 'mixed.txt'), 'Intro line one\nIntro line two\n\n00:00:01 hello there\n\nA stray paragraph\n\n00:00:04 goodbye');
    const io = capture();
    expect(await run(['mixed.txt', '--to', 'srt'], io)).toBe(0);
    expect(io.err).toBe('mixed.txt: note: read as timestamped-hms (confidence 0.4): Read as HH:MM:SS text entries, but only 40% of the non-empty lines fit that shape; the other 3 lines are kept as notes. Check the result.\n');
    expect(io.out).toBe('1\n00:00:01,000 --> 00:00:04,000\nhello there\n\n2\n00:00:04,000 --> 00:00:05,000\ngoodbye\n\n');
  });

  it('VTT to SRT and TXT styles; -o keeps the encoding only for the same format', async () => {
    fixture('talkpython/518-django-birthday.vtt', '518.vtt');
    let io = capture();
    expect(await run(['518.vtt', '--to', 'srt', '-o', '518.srt'], io)).toBe(0);
    expect(io.out).toBe('');
    const srt = parseSrt(readFileSync(join(dir, '518.srt'), 'utf8'));
    expect(srt.diagnostics).toEqual([]);
    expect(srt.cues).toHaveLength(874);
    io = capture();
    expect(await run(['518.vtt', '--to', 'txt', '--txt-style', 'talkpython'], io)).toBe(0);
    expect(io.out.split('\n\n')).toHaveLength(875);
    // UTF-16 VTT in, VTT out keeps UTF-16; TXT out is UTF-8.
    const vtt16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('WEBVTT\n\n00:00:01.000 --> 00:00:02.500\ncafé\n', 'utf16le')]);
    writeFileSync(join(dir, 'u16.vtt'), vtt16);
    expect(await run(['u16.vtt', '--to', 'vtt', '-o', 'u16-copy.vtt'], capture())).toBe(0);
    expect(readFileSync(join(dir, 'u16-copy.vtt'))).toEqual(vtt16);
    expect(await run(['u16.vtt', '--to', 'txt', '--txt-style', 'plain', '-o', 'u16.txt'], capture())).toBe(0);
    expect(readFileSync(join(dir, 'u16.txt'), 'utf8')).toBe('café\n');
    expect(await run(['u16.vtt', '--to', 'txt', '--txt-style', 'paragraphs'], (io = capture()))).toBe(0);
    expect(io.out).toBe('0:01\ncafé\n');
  });

  it('bad inputs: empty, binary, missing, broken VTT, bad usage', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    let io = capture();
    expect(await run(['empty.txt', '--to', 'vtt'], io)).toBe(1);
    expect(io.err).toBe('empty.txt:1:1: error: the file is empty.\n');
    // An MP3 renamed .vtt is refused and named; a VTT with a stray NUL is not binary.
    copyFileSync(F + 'audio/515-temporal-first120s.mp3', join(dir, 'bin.vtt'));
    io = capture();
    expect(await run(['bin.vtt', '--to', 'txt'], io)).toBe(1);
    expect(io.err).toBe('bin.vtt:1:1: error: this is a binary file (an MP3 file), not a transcript.\n');
    expect(io.out).toBe('');
    writeFileSync(join(dir, 'nul.vtt'), 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na\u0000b\n');
    io = capture();
    expect(await run(['nul.vtt', '--to', 'txt', '--txt-style', 'plain'], io)).toBe(0);
    expect(io.out).toBe('a\ufffdb\n');
    io = capture();
    expect(await run(['nope.vtt', '--to', 'txt'], io)).toBe(1);
    expect(io.err).toMatch(/^nope\.vtt:1:1: error: cannot read/);
    // A cue-level error drops that cue, as browsers do; the rest is written, exit 1.
    writeFileSync(join(dir, 'broken.vtt'), 'WEBVTT\n\n00:61:00.000 --> 01:02:00.000\nbad\n\n00:00:03.000 --> 00:00:04.000\ngood\n');
    io = capture();
    expect(await run(['broken.vtt', '--to', 'srt', '-o', 'broken.srt'], io)).toBe(1);
    expect(io.err).toMatch(/^broken\.vtt:3:4: error: .*minutes must be 00–59, got 61; the cue is dropped$/m);
    expect(readFileSync(join(dir, 'broken.srt'), 'utf8')).toBe('1\n00:00:03,000 --> 00:00:04,000\ngood\n\n');
    io = capture();
    expect(await run(['515.vtt'], io)).toBe(2);
    expect(io.err).toMatch(/--to must be one of vtt, srt, txt, json/);
    expect(await run(['515.vtt', '--to', 'txt', '--txt-style', 'fancy'], capture())).toBe(2);
    io = capture();
    expect(await run(['515.vtt', '--to', 'txt', '--pair', '518.vtt'], io)).toBe(1);
    expect(io.err).toBe('518.vtt:1:1: error: --pair needs one WebVTT and one TXT file (got vtt and vtt)\n');
  });
});
