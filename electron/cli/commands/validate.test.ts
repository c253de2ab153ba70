import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIO } from '../io';
import { detectFormat, run } from './validate';

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
    expect(io.err).toMatch(/^nope\.vtt: error: cannot read file/);
    expect(await run([], capture())).toBe(2);
  });

  it('sniffs the format when the extension says nothing', () => {
    expect(detectFormat('x.txt', '\ufeffWEBVTT\n')).toBe('vtt');
    expect(detectFormat('x', '1\r\n00:00:01,000 --> 00:00:02,000\r\nhi')).toBe('srt');
    expect(detectFormat('x.SRT', '')).toBe('srt');
  });
});
