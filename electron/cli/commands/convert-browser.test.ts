/**
 * `convert` as a browser parses: a cue-level problem never stops the output, `--to json`
 * always prints, `valid` is false exactly when the signature is invalid, and the exit
 * code says whether there was an error. Files go in through a temp dir, as a user runs it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIO } from '../io';
import { run } from './convert';

const F = `${__dirname}/../../../../shared/fixtures/`;
const dir = mkdtempSync(join(tmpdir(), 'cueline-convert-browser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function convert(name: string, content: string | Buffer, ...args: string[]) {
  writeFileSync(join(dir, name), content);
  const io = captureIO(dir);
  const code = await run([name, ...args], io);
  return { code, out: io.out, err: io.err };
}

async function json(name: string, content: string | Buffer) {
  const r = await convert(name, content, '--to', 'json');
  return { ...r, json: JSON.parse(r.out) as { valid: boolean; cues: { id: string; start: number; end: number; text: string }[]; styles: string[]; regions: { id: string }[]; diagnostics: { line: number; column: number; severity: string; message: string }[] } };
}

describe('convert keeps going where a browser does', () => {
  it.each(['515-temporal', '518-django-birthday'])('%s with every 25th cue zero-length: --to vtt gives the file back, --to txt --pair regenerates the TXT, exit 0', async (name) => {
    // As 223 files of the real 560-episode repository have them (`00:31:58.580 --> 00:31:58.580`).
    const vtt = readFileSync(F + `talkpython/${name}.vtt`, 'utf8');
    const txt = readFileSync(F + `talkpython/${name}.txt`, 'utf8');
    let n = 0;
    const zero = vtt.replace(/^(\d\d:\d\d:\d\d\.\d\d\d) --> \d\d:\d\d:\d\d\.\d\d\d$/gm, (line, start: string) => (n++ % 25 === 0 ? `${start} --> ${start}` : line));
    expect(n).toBeGreaterThan(800);
    writeFileSync(join(dir, 'zero.txt'), txt);
    let r = await convert('zero.vtt', zero, '--to', 'vtt');
    expect(r.code).toBe(0);
    expect(r.out).toBe(zero);
    expect(r.err.split('\n').filter(Boolean).every((l) => /^zero\.vtt:\d+:18: warning: zero-length cue/.test(l))).toBe(true);
    r = await convert('zero.vtt', zero, '--to', 'txt', '--pair', 'zero.txt');
    expect(r.code).toBe(0);
    expect(r.out).toBe(txt);
    const j = await json('zero.vtt', zero);
    expect(j.json.valid).toBe(true);
    expect(j.json.cues.filter((c) => c.start === c.end).length).toBe(Math.ceil(n / 25));
  });

  it.each([
    ['a minute of 60', '00:60:00.000 --> 00:61:00.000', '3:4'],
    ['a second of 60', '00:00:60.000 --> 00:01:01.000', '3:7'],
    ['too few fraction digits', '00:00:01.00 --> 00:00:02.000', '3:10'],
    ['too many minute digits', '00:001:00.000 --> 00:02:00.000', '3:4'],
    ['garbage after the arrow', '00:00:01.000 --> soon', '3:18'],
    ['a single-dash arrow', '00:00:01.000 -> 00:00:02.000', '3:1'],
  ])('%s drops only that cue, with a line:col error; JSON printed, exit 1', async (_name, timing, at) => {
    const text = `WEBVTT\n\n${timing}\nbad cue\n\n00:00:05.000 --> 00:00:06.000\ngood cue\n`;
    const j = await json('cue-error.vtt', text);
    expect(j.code).toBe(1);
    expect(j.json.valid).toBe(true);
    expect(j.json.cues.map((c) => c.text)).toEqual(['good cue']);
    expect(j.err).toMatch(new RegExp(`^cue-error\\.vtt:${at}: error: `, 'm'));
    const v = await convert('cue-error.vtt', text, '--to', 'srt');
    expect(v.code).toBe(1);
    expect(v.out).toBe('1\n00:00:05,000 --> 00:00:06,000\ngood cue\n\n');
    // WebVTT out keeps the dropped block's bytes, as Save does.
    expect((await convert('cue-error.vtt', text, '--to', 'vtt')).out).toBe(text);
  });

  it('a timing line cut off at the end of the file drops only that cue', async () => {
    const j = await json('cut.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nkept\n\n00:00:03.000 --> 00:00:0');
    expect(j.code).toBe(1);
    expect(j.json.cues.map((c) => c.text)).toEqual(['kept']);
    expect(j.json.diagnostics).toMatchObject([{ line: 6, column: 24, severity: 'error' }]);
  });

  it('end before start keeps the cue (browsers create it) and is an error', async () => {
    const j = await json('back.vtt', 'WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nback\n');
    expect(j.code).toBe(1);
    expect(j.json.cues).toMatchObject([{ start: 5, end: 4, text: 'back' }]);
  });

  it.each([
    ['lowercase', 'webvtt\n\n'],
    ['WEBVTTX', 'WEBVTTX\n\n'],
    ['a no-break space', 'WEBVTT\u00a0\n\n'],
    ['a form feed', 'WEBVTT\f\n\n'],
    ['two BOMs', '\ufeff\ufeffWEBVTT\n\n'],
    ['no header', ''],
  ])('an invalid signature (%s) gives valid: false and exit 1; the cues are still recovered', async (_name, head) => {
    const j = await json('sig.vtt', `${head}00:00:01.000 --> 00:00:02.000\nhello\n`);
    expect(j.json.valid).toBe(false);
    expect(j.code).toBe(1);
    expect(j.json.cues.map((c) => [c.start, c.text])).toEqual([[1, 'hello']]);
    expect(j.err).not.toMatch(/no timestamps found|needs timing/);
    expect(j.err).toMatch(/^sig\.vtt:1:\d+: error: .*browsers reject the whole file$/m);
  });

  it('an SRT or TXT input is not valid WebVTT (no signature), but converts: exit 0', async () => {
    const srt = await json('in.srt', '1\n00:00:01,000 --> 00:00:02,000\nhi\n');
    expect(srt.code).toBe(0);
    expect(srt.json.valid).toBe(false);
    expect(srt.json.cues.map((c) => c.text)).toEqual(['hi']);
    const txt = await json('in.txt', '00:00:01 hello there\n\n00:00:04 bye\n');
    expect(txt.json.valid).toBe(false);
    expect(txt.json.cues).toHaveLength(2);
  });

  it('the empty file prints a browser parse: valid false, no cues, exit 1', async () => {
    const j = await json('empty.vtt', '');
    expect(j.code).toBe(1);
    expect(j.json).toMatchObject({ valid: false, cues: [], styles: [], regions: [] });
    expect(j.err).toBe('empty.vtt:1:1: error: the file is empty.\n');
  });

  it('a NUL in a cue becomes U+FFFD with a warning; exit 0', async () => {
    // In the first KB too: the byte reader (classifyBytes) does not call a stray NUL binary.
    const j = await json('nul.vtt', `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na\u0000b\n`);
    expect(j.code).toBe(0);
    expect(j.json.cues.map((c) => c.text)).toEqual(['a\ufffdb']);
    expect(j.json.diagnostics).toMatchObject([{ line: 4, column: 2, severity: 'warning' }]);
    expect(j.err).toBe('nul.vtt:4:2: warning: NUL character (U+0000): read as U+FFFD, as WebVTT parsers do\n');
  });

  it('STYLE after a cue is ignored; REGION before the cues is kept and referenced', async () => {
    const text = 'WEBVTT\n\nREGION\nid:left width:40%\n\nSTYLE\n::cue { color: red }\n\n00:00:01.000 --> 00:00:02.000 region:left\nhi\n\nSTYLE\n::cue { color: blue }\n';
    const j = await json('blocks.vtt', text);
    expect(j.code).toBe(0);
    expect(j.json.styles).toEqual(['::cue { color: red }']);
    expect(j.json.regions.map((r) => r.id)).toEqual(['left']);
    expect(j.json.cues).toMatchObject([{ text: 'hi', settings: { region: 'left' } }]);
    expect(j.err).toMatch(/^blocks\.vtt:12:1: warning: STYLE blocks must come before the first cue/m);
  });

  it('UTF-16 without a BOM is read as text, and --to vtt -o writes the same bytes', async () => {
    const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\ncafé — ok\n';
    for (const [name, bytes] of [['le.vtt', Buffer.from(text, 'utf16le')], ['be.vtt', Buffer.from(text, 'utf16le').swap16()]] as const) {
      const j = await json(name, bytes);
      expect(j.code).toBe(0);
      expect(j.json.cues.map((c) => c.text)).toEqual(['café — ok']);
      const r = await convert(name, bytes, '--to', 'vtt', '-o', `copy-${name}`);
      expect(r.code).toBe(0);
      expect(readFileSync(join(dir, `copy-${name}`))).toEqual(bytes);
    }
  });

  it('a Windows-1252 input says so', async () => {
    const r = await convert('cp.vtt', Buffer.from('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\ncaf\xe9\n', 'latin1'), '--to', 'vtt');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^cp\.vtt: note: .*Windows-1252/m);
    expect(r.out).toContain('café');
  });
});
