import { execFileSync } from 'node:child_process';
import { copyFile, cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIO } from '../io';
import { main } from '../main';

const TALKPYTHON = join(import.meta.dirname, '../../../../shared/fixtures/talkpython');
let dir: string;


beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cueline-fix-'));
  await mkdir(join(dir, 'episodes'));
  for (const name of ['515-temporal.vtt', '515-temporal.txt', '518-django-birthday.vtt', '518-django-birthday.txt']) {
    await copyFile(join(TALKPYTHON, name), join(dir, 'episodes', name));
  }
});
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

const RULES = 'Matt McKay\tMatt Makai\nLangchain\tLangChain\nCloud Code\tClaude Code\nchatGPT\tChatGPT\n';

/** Puts the speech-recognition mistakes the rules fix back into a copy of an episode (both pair members alike). */
function seed(text: string): string {
  let n = 0;
  return text
    .replaceAll('Michael Kennedy', 'Matt McKay')
    .replaceAll('ChatGPT', 'chatGPT')
    .replace(/\bDjango\b/g, (m) => (++n <= 4 ? 'Langchain' : n === 5 ? 'Cloud Code' : n === 6 ? 'cloud code' : m));
}

/** 0-based lines (not timing lines) holding a rule's FIND as a whole word, found without the rule engine. */
function linesWithTerms(text: string): number[] {
  return text.split('\n').flatMap((line, i) => (!line.includes('-->') && /(?<!\w)(Matt McKay|Langchain|Cloud Code|chatGPT)(?!\w)/.test(line) ? [i] : []));
}

function corrected(line: string): string {
  return line.replace(/(?<!\w)Matt McKay(?!\w)/g, 'Matt Makai').replace(/(?<!\w)Langchain(?!\w)/g, 'LangChain').replace(/(?<!\w)Cloud Code(?!\w)/g, 'Claude Code').replace(/(?<!\w)chatGPT(?!\w)/g, 'ChatGPT');
}

function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i]));
}

async function cli(...args: string[]) {
  const io = captureIO(dir);
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

describe('cli fix', () => {
  it('says when it read a Windows-1252 file', async () => {
    await writeFile(join(dir, 'rules.tsv'), 'cafe\tcaf\u00e9\n');
    await writeFile(join(dir, 'cp.vtt'), Buffer.from('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\ncaf\xe9 or cafe\n', 'latin1'));
    const r = await cli('fix', '--rules', 'rules.tsv', 'cp.vtt');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^cp\.vtt: note: .*Windows-1252/m);
    expect((await readFile(join(dir, 'cp.vtt'))).toString('latin1')).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\ncaf\xe9 or caf\xe9\n');
  });

  it('fixes a term in both members of each pair, changing exactly those lines, and keeps CRLF files CRLF', async () => {
    await writeFile(join(dir, 'corrections.tsv'), '# the tool, not the texture\nTemporal\tTemporal.io\n');
    const before = await readFile(join(dir, 'episodes/515-temporal.txt'), 'utf8');
    // A CRLF copy of the 518 TXT: line endings must survive.
    const crlf = (await readFile(join(TALKPYTHON, '518-django-birthday.txt'), 'utf8')).replace(/\n/g, '\r\n');
    await writeFile(join(dir, 'episodes/518-django-birthday.txt'), crlf);
    const r = await cli('fix', '--rules', 'corrections.tsv', 'episodes');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/episodes\/515-temporal\.txt: \d+ replacements \(Temporal x\d+\) \[pair: 515-temporal\.vtt\]/);
    const after = await readFile(join(dir, 'episodes/515-temporal.txt'), 'utf8');
    const a = before.split('\n');
    const b = after.split('\n');
    expect(b.length).toBe(a.length);
    const changed = a.flatMap((l, i) => (l === b[i] ? [] : [i]));
    expect(changed).toEqual(a.flatMap((l, i) => (/\bTemporal\b/.test(l.slice(9)) ? [i] : [])));
    for (const i of changed) expect(b[i]).toBe(a[i]!.slice(0, 9) + a[i]!.slice(9).replace(/\bTemporal\b/g, 'Temporal.io'));
    const vtt = await readFile(join(dir, 'episodes/515-temporal.vtt'), 'utf8');
    expect(vtt.match(/Temporal\.io/g)!.length).toBe(after.match(/Temporal\.io/g)!.length);
    expect(await readFile(join(dir, 'episodes/518-django-birthday.txt'), 'utf8')).not.toMatch(/[^\r]\n/);
  });

  it('leaves files the rules do not match byte-identical, with their mtime', async () => {
    await writeFile(join(dir, 'corrections.tsv'), 'Matt McKay\tMatt Makai\nLangchain\tLangChain\n');
    const files = ['515-temporal.vtt', '515-temporal.txt', '518-django-birthday.vtt', '518-django-birthday.txt'].map((f) => join(dir, 'episodes', f));
    const before = await Promise.all(files.map(async (f) => ({ bytes: await readFile(f), mtime: (await stat(f)).mtimeMs })));
    const r = await cli('fix', '--rules', 'corrections.tsv', 'episodes');
    expect(r.code).toBe(0);
    expect(r.out).toContain('0 replacements in 0 of 4 files');
    for (const [i, f] of files.entries()) {
      expect((await readFile(f)).equals(before[i]!.bytes)).toBe(true);
      expect((await stat(f)).mtimeMs).toBe(before[i]!.mtime);
    }
  });

  it('--dry-run prints a unified diff and near-misses, and writes nothing', async () => {
    const path = join(dir, 'episodes/518-django-birthday.vtt');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('ChatGPT was telling', 'chatGPT was telling').replace('the ChatGPT gods', 'the chat GPT gods'));
    const seeded = await readFile(path);
    await writeFile(join(dir, 'corrections.tsv'), 'chatGPT\tChatGPT\n');
    const r = await cli('fix', '--rules', 'corrections.tsv', '--dry-run', 'episodes/518-django-birthday.vtt');
    expect(r.code).toBe(0);
    expect(r.out).toContain('--- a/episodes/518-django-birthday.vtt');
    expect(r.out).toMatch(/^-.*chatGPT was telling/m);
    expect(r.out).toMatch(/^\+.*ChatGPT was telling/m);
    expect(r.out).toMatch(/518-django-birthday\.vtt:\d+:\d+: near-miss: "chat GPT" differs from rule "chatGPT" \(line 1\) in spacing/);
    expect(r.out).toContain('(dry run: nothing written)');
    expect((await readFile(path)).equals(seeded)).toBe(true);
  });

  it('names the line of a bad rule and exits 1; usage mistakes exit 2', async () => {
    await writeFile(join(dir, 'corrections.tsv'), 'ok\tfine\nbroken(\tx\tre\n');
    const r = await cli('fix', '--rules', 'corrections.tsv', 'episodes');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^corrections\.tsv:2:1: error: invalid regular expression/m);
    expect((await cli('fix', 'episodes')).code).toBe(2);
    expect((await cli('fix', '--rules', 'corrections.tsv', '--bogus', 'x')).code).toBe(2);
  });

  it('applies the four maintainer corrections to both members of the 515 and 518 pairs: exactly the lines holding a term change', async () => {
    await writeFile(join(dir, 'corrections.tsv'), RULES);
    const names = ['515-temporal.vtt', '515-temporal.txt', '518-django-birthday.vtt', '518-django-birthday.txt'];
    const seeded = new Map<string, string>();
    for (const name of names) {
      const text = seed(await readFile(join(TALKPYTHON, name), 'utf8'));
      seeded.set(name, text);
      await writeFile(join(dir, 'episodes', name), text);
    }
    const r = await cli('fix', '--rules', 'corrections.tsv', 'episodes');
    expect(r.code).toBe(0);
    for (const name of names) {
      const before = seeded.get(name)!;
      const after = await readFile(join(dir, 'episodes', name), 'utf8');
      const expected = linesWithTerms(before);
      expect(expected.length, name).toBeGreaterThan(2);
      expect(changedLines(before, after), name).toEqual(expected);
      for (const i of expected) expect(after.split('\n')[i], `${name}:${i + 1}`).toBe(corrected(before.split('\n')[i]!));
    }
    // The pair members got the same corrections.
    for (const stem of ['515-temporal', '518-django-birthday']) {
      const count = (ext: string) => (r.out.match(new RegExp(`episodes/${stem}\\.${ext}: (\\d+) replacements`)) ?? [])[1];
      expect(count('vtt')).toBeDefined();
      expect(count('vtt')).toBe(count('txt'));
    }
    expect(r.out).toMatch(/near-miss: "cloud code" differs from rule "Cloud Code" \(line 3\) in case/);
    // Running the list again changes nothing.
    const again = await cli('fix', '--rules', 'corrections.tsv', 'episodes', 'episodes/515-temporal.vtt');
    expect(again.code).toBe(0);
    expect(again.out).toContain('0 replacements in 0 of 4 files');
  });

  it('the --dry-run diff, applied by patch, gives exactly what fix writes', async () => {
    await writeFile(join(dir, 'corrections.tsv'), RULES);
    for (const name of ['515-temporal.vtt', '518-django-birthday.txt']) {
      await writeFile(join(dir, 'episodes', name), seed(await readFile(join(TALKPYTHON, name), 'utf8')));
    }
    await cp(join(dir, 'episodes'), join(dir, 'patched', 'episodes'), { recursive: true });
    const dry = await cli('fix', '--rules', 'corrections.tsv', '--dry-run', 'episodes');
    expect(dry.code).toBe(0);
    await writeFile(join(dir, 'fix.diff'), dry.out);
    execFileSync('patch', ['-p1', '--fuzz=0', '--batch', '--quiet', '-d', join(dir, 'patched'), '-i', join(dir, 'fix.diff')], { stdio: 'pipe' });
    expect((await cli('fix', '--rules', 'corrections.tsv', 'episodes')).code).toBe(0);
    for (const name of ['515-temporal.vtt', '518-django-birthday.txt', '515-temporal.txt']) {
      expect((await readFile(join(dir, 'patched/episodes', name))).equals(await readFile(join(dir, 'episodes', name))), name).toBe(true);
    }
  });

  it('corrects a lone SRT and leaves its cue numbers and timings alone', async () => {
    await writeFile(join(dir, 'corrections.tsv'), 'Langchain\tLangChain\n1\tone\n');
    await writeFile(join(dir, 'talk.srt'), '1\n00:00:01,000 --> 00:00:02,000\nLangchain 1 time\n\n2\n00:00:02,000 --> 00:00:03,000\nlangchain\n');
    const r = await cli('fix', '--rules', 'corrections.tsv', 'talk.srt');
    expect(r.code).toBe(0);
    expect(await readFile(join(dir, 'talk.srt'), 'utf8')).toBe('1\n00:00:01,000 --> 00:00:02,000\nLangChain one time\n\n2\n00:00:02,000 --> 00:00:03,000\nlangchain\n');
    expect(r.out).toMatch(/talk\.srt:7:1: near-miss: "langchain"/);
  });

  it('exits 1 on a path that does not exist and on an empty rules file', async () => {
    await writeFile(join(dir, 'corrections.tsv'), 'a\tb\n');
    const missing = await cli('fix', '--rules', 'corrections.tsv', 'nowhere');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('nowhere');
    await writeFile(join(dir, 'empty.tsv'), '# nothing yet\n');
    const empty = await cli('fix', '--rules', 'empty.tsv', 'episodes');
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('empty.tsv: no rules');
    expect((await cli('fix', '--rules', 'absent.tsv', 'episodes')).code).toBe(1);
  });

  it('reads the format from the content: a VTT and an SRT saved as .txt keep timings, settings, numbers and header', async () => {
    await writeFile(join(dir, 'corrections.tsv'), '00\t11\nstart\tbeginning\n1\tone\nWEBVTT\tX\n');
    const vtt = 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000 align:start\nwe start at 00 <i>start</i>\n';
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nat 00 we start\n';
    await writeFile(join(dir, 'vtt-as.txt'), vtt);
    await writeFile(join(dir, 'srt-as.txt'), srt);
    const r = await cli('fix', '--rules', 'corrections.tsv', 'vtt-as.txt', 'srt-as.txt');
    expect(r.code, r.err).toBe(0);
    expect(await readFile(join(dir, 'vtt-as.txt'), 'utf8')).toBe('WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000 align:start\nwe beginning at 11 <i>beginning</i>\n');
    expect(await readFile(join(dir, 'srt-as.txt'), 'utf8')).toBe('1\n00:00:01,000 --> 00:00:02,000\nat 11 we beginning\n');
  });

  it('refuses a match whose replacement would create `-->`: rules file line:col, file position, exit 1, file untouched', async () => {
    await writeFile(join(dir, 'corrections.tsv'), '# arrows\n(x)\t$1--\tre\n');
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nx> y\n';
    await writeFile(join(dir, 'a.vtt'), vtt);
    const r = await cli('fix', '--rules', 'corrections.tsv', 'a.vtt');
    expect(r.code).toBe(1);
    expect(r.err).toContain('corrections.tsv:2:5: error: replacing "x" with "x--" at a.vtt:4:1 would create markup; not changed');
    expect(await readFile(join(dir, 'a.vtt'), 'utf8')).toBe(vtt);
    await writeFile(join(dir, 'corrections.tsv'), 'y\tz --> w\n');
    const literal = await cli('fix', '--rules', 'corrections.tsv', 'a.vtt');
    expect(literal.code).toBe(1);
    expect(literal.err).toMatch(/^corrections\.tsv:1:5: error: the replacement would write markup \('-->'\)/);
  });

  it('reports a regex rule RE2 cannot run at its line:col and touches nothing', async () => {
    await writeFile(join(dir, 'corrections.tsv'), 'ok\tfine\nrough(?! week)\truff\tre\n');
    const before = await readFile(join(dir, 'episodes/515-temporal.vtt'));
    const r = await cli('fix', '--rules', 'corrections.tsv', 'episodes');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^corrections\.tsv:2:6: error: lookahead '\(\?!' is not supported/);
    expect((await readFile(join(dir, 'episodes/515-temporal.vtt'))).equals(before)).toBe(true);
  });
});
