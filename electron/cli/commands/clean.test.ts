import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIO } from '../io';
import { run } from './clean';

const FIXTURES = join(import.meta.dirname, '../../../../shared/fixtures');
let dir: string;

beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'cueline-clean-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

async function cli(...args: string[]) {
  const io = captureIO(dir);
  const code = await run(args, io);
  return { code, out: io.out, err: io.err };
}

describe('cli clean', () => {
  it('says when it read a Windows-1252 file, and writes it back in that encoding', async () => {
    await writeFile(join(dir, 'cp.vtt'), Buffer.from('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nUm, caf\xe9 time\n', 'latin1'));
    const r = await cli('cp.vtt', '--fillers', '-o', 'out.vtt');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^cp\.vtt: note: .*Windows-1252/m);
    expect((await readFile(join(dir, 'out.vtt'))).toString('latin1')).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nCaf\xe9 time\n');
  });

  it('cleans cue text of a VTT, keeping every timing line, to a file', async () => {
    await writeFile(join(dir, 'in.vtt'), 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nUh, so the, the plan\n\n00:00:02.000 --> 00:00:03.000\num\n');
    const r = await cli('in.vtt', '--fillers', '--stutters', '--remove-empty', '-o', 'out.vtt');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain('in.vtt: 3 changes (filler 2, repetition 1)');
    expect(await readFile(join(dir, 'out.vtt'), 'utf8')).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nSo the plan\n');
  });

  it('drops page chrome from a TXT and prints to stdout', async () => {
    await copyFile(join(FIXTURES, 'pages/talkpython-451-djangonauts-mmss.txt'), join(dir, 'page.txt'));
    const r = await cli('page.txt', '--chrome');
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('Monitor performance issues');
    expect(r.out).not.toContain('Back to show page');
    expect(r.out.startsWith('00:00 Are you interested in contributing to Django?')).toBe(true);
    expect(r.out.endsWith('58:36 you The fish foods workshop.')).toBe(true);
  });

  it('cleans a TXT episode\'s text only, keeping its timestamps and CRLF line endings', async () => {
    const original = (await readFile(join(FIXTURES, 'pages/djangochat-rust-tooling-untimed.txt'), 'utf8')).split('\n').slice(0, 40)
      .map((line, i) => (line.trim() ? `00:${String(i).padStart(2, '0')}:00 ${line}` : line)).join('\r\n');
    await writeFile(join(dir, 'ep.txt'), original);
    const r = await cli('ep.txt', '--fillers', '--stutters', '--case', '-o', 'clean.txt');
    expect(r.code).toBe(0);
    const out = await readFile(join(dir, 'clean.txt'), 'utf8');
    const stamps = (t: string) => t.split('\r\n').map((l) => l.slice(0, 9));
    expect(stamps(out)).toEqual(stamps(original));
    expect(out.split('\r\n').length).toBe(original.split('\r\n').length);
    expect(out).not.toMatch(/(?<!\r)\n/);
    expect(out).not.toMatch(/ um /);
    expect(out).toContain('00:20:00 Thanks for coming on it\'s been a while');
  });

  it('exit codes: 2 for usage mistakes, 1 for an unreadable input', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('a.txt', '--bogus')).code).toBe(2);
    expect((await cli('a.txt', 'b.txt')).code).toBe(2);
    expect((await cli('a.txt', '-o')).code).toBe(2);
    const missing = await cli('absent.txt');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('absent.txt');
  });

  it('a VTT saved as .txt is cleaned as WebVTT: --case and --whitespace leave tags, voices, settings and timings alone', async () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000 align:start\n<v i>i said <i>hi</i>  there. i  <c.i>know</c></v>\n';
    await writeFile(join(dir, 'in.txt'), vtt);
    const r = await cli('in.txt', '--case', '--whitespace');
    expect(r.code).toBe(0);
    expect(r.out).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000 align:start\n<v i>I said <i>hi</i> there. I <c.i>know</c></v>\n');
  });

  it('applies stumbles on small words, lists repeats that may be meant as suggestions, and leaves numbers alone', async () => {
    await writeFile(join(dir, 'in.vtt'), 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nthe, the count is 0, 0, 0, 0, 0, 1 in binary\n\n00:00:02.000 --> 00:00:03.000\na long, long time, what we do do\n');
    const r = await cli('in.vtt', '--stutters');
    expect(r.code).toBe(0);
    expect(r.out).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nthe count is 0, 0, 0, 0, 0, 1 in binary\n\n00:00:02.000 --> 00:00:03.000\na long, long time, what we do do\n');
    expect(r.err).toContain('in.vtt: 1 change (repetition 1)');
    expect(r.err).toContain('in.vtt:7:7: suggestion: remove ", long" (repetition, may be meant; not applied without --accept-suggested)');
    expect(r.err).toContain('in.vtt:7:30: suggestion: remove " do"');
    const all = await cli('in.vtt', '--stutters', '--accept-suggested');
    expect(all.out).toContain('\na long time, what we do\n');
    expect(all.out).toContain('0, 0, 0, 0, 0, 1 in binary');
  });
});
