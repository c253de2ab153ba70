import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIO } from '../io';
import { run } from './validate';

const dir = mkdtempSync(join(tmpdir(), 'cueline-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const capture = () => captureIO(dir);

describe('validate', () => {
  it('a real episode is valid: exit 0, nothing printed', async () => {
    copyFileSync(`${__dirname}/../../../../shared/fixtures/talkpython/518-django-birthday.vtt`, join(dir, 'ep.vtt'));
    const io = capture();
    expect(await run(['ep.vtt'], io)).toBe(0);
    expect(io.out).toBe('');
  });

  it('malformed VTT prints file:line:col and exits 1', async () => {
    writeFileSync(join(dir, 'bad.vtt'), 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000 align:middle\nok\n\n00:61:00.000 --> 01:02:00.000\nbad\n');
    const io = capture();
    expect(await run(['bad.vtt'], io)).toBe(1);
    expect(io.out).toBe(
      "bad.vtt:3:31: warning: align must be start, center, end, left or right, got 'middle'; ignored\n" +
        'bad.vtt:6:4: error: a line containing \'-->\' is read as a cue timing line, but its start time is invalid: minutes must be 00–59, got 61; the cue is dropped\n',
    );
  });

  it('warnings alone exit 0; SRT files use the SRT parser', async () => {
    writeFileSync(join(dir, 'a.srt'), '1\n00:00:01,000 --> 00:00:02,000\nhi\n\n5\n00:00:03,000 --> 00:00:04,000\nthere\n');
    const io = capture();
    expect(await run(['a.srt'], io)).toBe(0);
    expect(io.out).toBe('a.srt:5:1: warning: cue number 5 out of sequence (expected 2)\n');
  });

  it('several files, one missing: errors reported, exit 1', async () => {
    const io = capture();
    expect(await run(['ep.vtt', 'nope.vtt'], io)).toBe(1);
    expect(io.err).toMatch(/^nope\.vtt:1:1: error: cannot read/);
    writeFileSync(join(dir, 'song.vtt'), Buffer.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00]));
    const bin = capture();
    expect(await run(['song.vtt'], bin)).toBe(1);
    expect(bin.err).toMatch(/^song\.vtt:\d+:\d+: error: /);
    expect(await run([], capture())).toBe(2);
  });

  it('the content decides the format, not the extension', async () => {
    writeFileSync(join(dir, 'vtt-as.txt'), 'WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nback\n');
    let io = capture();
    expect(await run(['vtt-as.txt'], io)).toBe(1);
    expect(io.out).toBe('vtt-as.txt:3:18: error: cue end time must be after its start time\n');
    writeFileSync(join(dir, 'srt-as.vtt'), '1\r\n00:00:01,000 --> 00:00:02,000\r\nhi\r\n');
    io = capture();
    expect(await run(['srt-as.vtt'], io)).toBe(0);
    expect(io.out).toBe('');
  });

  it('--fix repairs the file on disk in its own encoding and line endings, reports each fix, exit 0 when clean', async () => {
    const bad = 'webvtt\r\n\r\n00:00:01,000 -> 00:00:03.000\r\nfirst\r\n2\r\n00:00:02.000 --> 00:00:04.000\r\nsecond\r\n\r\n00:00:09.000 --> 00:00:08.000\r\nthird\r\n';
    writeFileSync(join(dir, 'fixme.vtt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bad, 'utf16le')]));
    const io = capture();
    expect(await run(['--fix', 'fixme.vtt'], io)).toBe(0);
    const bytes = readFileSync(join(dir, 'fixme.vtt'));
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(bytes.subarray(2).toString('utf16le')).toBe(
      'WEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\nfirst\r\n\r\n2\r\n00:00:02.000 --> 00:00:04.000\r\nsecond\r\n\r\n00:00:08.000 --> 00:00:09.000\r\nthird\r\n',
    );
    expect(io.out.split('\n').filter(Boolean).map((l) => l.replace(/: fixed: .*/, ''))).toEqual([
      'fixme.vtt:1:1', 'fixme.vtt:3:1', 'fixme.vtt:6:1', 'fixme.vtt:9:18', 'fixme.vtt:3:18',
    ]);
    expect(io.out).toContain("fixme.vtt:1:1: fixed: Replace 'webvtt' with 'WEBVTT'\n");
    // Nothing left to fix: a second run changes nothing and prints nothing.
    const again = capture();
    expect(await run(['--fix', 'fixme.vtt'], again)).toBe(0);
    expect(again.out).toBe('');
    expect(readFileSync(join(dir, 'fixme.vtt'))).toEqual(bytes);
  });

  it('--fix leaves what it cannot fix reported, exit 1; an unknown option exits 2', async () => {
    writeFileSync(join(dir, 'unfixable.vtt'), 'WEBVTT\n\n00:00:01.000 --> soon\nx\n');
    const io = capture();
    expect(await run(['--fix', 'unfixable.vtt'], io)).toBe(1);
    expect(io.out).toMatch(/^unfixable\.vtt:3:18: error: invalid cue end time/);
    expect(readFileSync(join(dir, 'unfixable.vtt'), 'utf8')).toBe('WEBVTT\n\n00:00:01.000 --> soon\nx\n');
    expect(await run(['--fxi', 'unfixable.vtt'], capture())).toBe(2);
  });
});
