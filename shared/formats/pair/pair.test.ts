import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../model/text-change';
import { toEditorSource } from '../episode';
import { insertCue, parseVtt, removeCue, retimeCue, setCueText } from '../vtt';
import { moveWords, renameSpeaker, setSpeaker } from '../../speakers';
import { diffWords, episodeTxt, exportPairedTxt, pairEpisode, txtOnlyEdits } from '.';

const F = `${__dirname}/../../../../shared/fixtures/`;
const read = (p: string): string => readFileSync(F + p, 'utf8');

function changedLines(a: string, b: string): number[] {
  const x = a.split('\n');
  const y = b.split('\n');
  expect(y.length).toBe(x.length);
  return x.flatMap((l, i) => (l === y[i] ? [] : [i + 1]));
}

function open(name: string) {
  const vtt = read(`${name}.vtt`);
  const txt = read(`${name}.txt`);
  const doc = parseVtt(vtt);
  return { vtt, txt, doc, pairing: pairEpisode(doc.cues, txt) };
}

describe('diffWords', () => {
  it('finds minimal word edits', () => {
    expect(diffWords('a b c d'.split(' '), 'a x c d e'.split(' '))).toEqual([
      { aFrom: 1, aTo: 2, bFrom: 1, bTo: 2 },
      { aFrom: 4, aTo: 4, bFrom: 4, bTo: 5 },
    ]);
    expect(diffWords(['I,', 'I', 'spend'], ['I', 'spend'])).toEqual([{ aFrom: 0, aTo: 1, bFrom: 0, bTo: 0 }]);
    expect(diffWords('a b c d e f'.split(' '), 'f e d c b a'.split(' '), 3)).toBeNull();
  });
});

describe('pairEpisode on the talkpython fixtures', () => {
  for (const name of ['talkpython/515-temporal', 'talkpython/518-django-birthday']) {
    it(`${name}: unchanged pair exports byte for byte`, () => {
      const { txt, doc, pairing } = open(name);
      expect(pairing.diagnostics).toEqual([]);
      expect(pairing.vttOnlyCues).toEqual([]);
      expect(pairing.entries.reduce((n, e) => n + e.cueCount, 0)).toBe(doc.cues.length);
      expect(exportPairedTxt(pairing, doc.cues)).toBe(txt);
    });
  }

  it('515: entry sizes and the TXT-only edits at L23 and L89', () => {
    const { pairing } = open('talkpython/515-temporal');
    const sizes = new Map<number, number>();
    for (const e of pairing.entries) sizes.set(e.cueCount, (sizes.get(e.cueCount) ?? 0) + 1);
    expect(sizes.get(1)).toBe(1014);
    expect(sizes.get(2)).toBe(111);
    expect(Math.max(...sizes.keys())).toBeLessThanOrEqual(6);
    const edited = txtOnlyEdits(pairing).map((e) => e.line);
    expect(edited).toEqual([23, 89]);
    const l89 = pairing.entries.find((e) => e.line === 89)!;
    expect(pairing.cues[l89.firstCue]!.text).toBe('I, I spend a lot of my time educating people about durable execution.');
    expect(l89.txtOnlyEdits).toEqual([{ aFrom: 0, aTo: 1, bFrom: 0, bTo: 0 }]);
  });

  it('snippet with merged cues pairs and round-trips', () => {
    const { txt, doc, pairing } = open('snippets/pair_515_merged_cues');
    expect(pairing.entries.map((e) => e.cueCount)).toEqual([3, 1, 1, 1, 2, 1, 6, 4, 1, 1, 1, 1, 2, 1, 1, 5]);
    expect(exportPairedTxt(pairing, doc.cues)).toBe(txt);
  });
});

describe('exportPairedTxt after edits', () => {
  it('fixing a word in one cue changes exactly one VTT line and one TXT line', () => {
    const { vtt, txt, doc, pairing } = open('talkpython/515-temporal');
    const cue = doc.cues.find((c) => c.text.startsWith('Talk Python.fm slash YouTube'))!;
    const vtt2 = applyChanges(vtt, setCueText(doc, cue, cue.text.replace('upcoming', 'forthcoming')));
    expect(changedLines(vtt, vtt2)).toHaveLength(1);
    const txt2 = exportPairedTxt(pairing, parseVtt(vtt2).cues);
    expect(changedLines(txt, txt2)).toEqual([23]);
    // The TXT's own normalised URL survives the edit.
    expect(txt2.split('\n')[22]).toBe('00:01:15 talkpython.fm/youtube and get notified about forthcoming shows. This episode is sponsored by');
  });

  it('a change inside a merged entry edits only its words; the L89 stutter fix survives', () => {
    const { txt, doc, pairing } = open('talkpython/515-temporal');
    const cues = doc.cues.map((c) => ({ ...c }));
    const i = cues.findIndex((c) => c.text.startsWith('I, I spend'));
    cues[i] = { ...cues[i]!, text: 'I, I spend a lot of my time teaching people about durable execution.' };
    const out = exportPairedTxt(pairing, cues);
    expect(changedLines(txt, out)).toEqual([89]);
    expect(out.split('\n')[88]).toBe('00:03:46 I spend a lot of my time teaching people about durable execution.');
    const two = pairing.entries.find((e) => e.cueCount === 2)!;
    const second = cues[two.firstCue + 1]!;
    cues[two.firstCue + 1] = { ...second, text: second.text + ' Indeed.' };
    const out2 = exportPairedTxt(pairing, cues);
    expect(changedLines(txt, out2)).toEqual([two.line, 89].sort((a, b) => a - b));
    expect(out2.split('\n')[two.line - 1]).toBe(txt.split('\n')[two.line - 1] + ' Indeed.');
  });

  it('a retime across a second boundary updates only that entry clock; within the second, nothing', () => {
    const { vtt, txt, doc, pairing } = open('talkpython/515-temporal');
    const cue = doc.cues[1]!; // 00:00:05.260, entry line 3
    const later = parseVtt(applyChanges(vtt, retimeCue(doc, cue, { start: 6.1 }))).cues;
    const out = exportPairedTxt(pairing, later);
    expect(changedLines(txt, out)).toEqual([3]);
    expect(out.split('\n')[2]).toBe('00:00:06 Temporal is a durable execution platform that enables developers to build');
    const same = parseVtt(applyChanges(vtt, retimeCue(doc, cue, { start: 5.9 }))).cues;
    expect(exportPairedTxt(pairing, same)).toBe(txt);
  });

  it('new cues get the talkpython layout; removing a whole entry removes its line and blank line', () => {
    const { vtt, txt, doc, pairing } = open('talkpython/515-temporal');
    const inserted = parseVtt(applyChanges(vtt, insertCue(doc, 0, { start: 4.8, end: 5.1, text: 'Brand new words.' }))).cues;
    const out = exportPairedTxt(pairing, inserted);
    const lines = txt.split('\n');
    lines.splice(2, 0, '00:00:04 Brand new words.', '');
    expect(out).toBe(lines.join('\n'));
    const removed = parseVtt(applyChanges(vtt, removeCue(doc, doc.cues[1]!))).cues;
    const out2 = exportPairedTxt(pairing, removed);
    const lines2 = txt.split('\n');
    lines2.splice(2, 2);
    expect(out2).toBe(lines2.join('\n'));
    const last = parseVtt(applyChanges(vtt, removeCue(doc, doc.cues.at(-1)!))).cues;
    expect(exportPairedTxt(pairing, last)).toBe(txt.slice(0, txt.lastIndexOf('01:10:21')));
  });

  it('snippet: a cue inserted inside a merged entry, or before all cues, becomes its own entry', () => {
    const { vtt, txt, doc, pairing } = open('snippets/pair_515_merged_cues');
    // After the 2nd cue of the 6-cue entry "00:17:08 Now, I came across this ...": after the whole entry.
    const six = pairing.entries.find((e) => e.cueCount === 6)!;
    const mid = parseVtt(applyChanges(vtt, insertCue(doc, six.firstCue + 1, { start: 1029.5, end: 1029.6, text: 'Hmm.' }))).cues;
    const lines = txt.split('\n');
    lines.splice(six.line + 1, 0, '00:17:09 Hmm.', '');
    expect(exportPairedTxt(pairing, mid)).toBe(lines.join('\n'));
    const cues = [{ id: '', start: 1000.2, end: 1000.9, text: 'Intro &amp; <i>more</i>', speaker: null }, ...doc.cues];
    expect(exportPairedTxt(pairing, cues)).toBe('00:16:40 Intro & more\n\n' + txt);
  });

  it('CRLF pair round-trips; a new entry uses CRLF too', () => {
    const { doc } = open('talkpython/518-django-birthday');
    const txt = read('talkpython/518-django-birthday.txt').replaceAll('\n', '\r\n');
    const pairing = pairEpisode(doc.cues, txt);
    expect(pairing.eol).toBe('\r\n');
    expect(exportPairedTxt(pairing, doc.cues)).toBe(txt);
    const more = [...doc.cues, { id: '', start: 7000.5, end: 7001, text: 'Bye.', speaker: null }];
    expect(exportPairedTxt(pairing, more)).toBe(txt + '01:56:40 Bye.\r\n\r\n');
  });

  it('any one-cue word change touches only that entry line, and undoing it restores the file', () => {
    const { txt, doc, pairing } = open('talkpython/515-temporal');
    const entryLineOfCue = new Map<number, number>();
    for (const e of pairing.entries) for (let c = e.firstCue; c < e.firstCue + e.cueCount; c++) entryLineOfCue.set(c, e.line);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: doc.cues.length - 1 }), fc.nat(), fc.constantFrom('ruff', 'Claude', 'x', ''), (i, w, word) => {
        const cues = doc.cues.map((c) => ({ ...c }));
        const words = cues[i]!.text.split(' ');
        words[w % words.length] = word;
        cues[i]!.text = words.filter(Boolean).join(' ');
        const out = exportPairedTxt(pairing, cues);
        const changed = out === txt ? [] : changedLines(txt, out);
        expect(changed.every((l) => l === entryLineOfCue.get(i))).toBe(true);
        expect(exportPairedTxt(pairing, doc.cues)).toBe(txt);
      }),
      { numRuns: 200 },
    );
  });

  it('TXT entries without cues and lines without clocks are kept and reported', () => {
    const doc = parseVtt('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello\n');
    const p = pairEpisode(doc.cues, 'Title line\n00:00:01 hello\n\n00:00:09 orphan\n');
    expect(p.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [1, 'line without a leading HH:MM:SS clock: kept as it is'],
      [4, 'no cue starts at 00:00:09: entry kept as TXT-only'],
    ]);
    expect(exportPairedTxt(p, doc.cues)).toBe('Title line\n00:00:01 hello\n\n00:00:09 orphan\n');
  });
});

describe('a VTT paired with an Otter TXT (speaker blocks)', () => {
  const txt = read('pages/djangochat-dev-environments-otter.txt');
  const vtt = toEditorSource(txt, 'otter.txt').vtt;
  const doc = parseVtt(vtt);
  const pairing = pairEpisode(doc.cues, txt);
  const saved = (changes: Parameters<typeof applyChanges>[1]) => exportPairedTxt(pairing, parseVtt(applyChanges(vtt, changes)).cues);
  const lines = txt.split('\n');
  const diff = (out: string) => out.split('\n').flatMap((l, i) => (l === lines[i] ? [] : [[i + 1, l] as const]));

  it('pairs every block with its cue and saves the unedited pair byte for byte', () => {
    expect(pairing.layout).toBe('speaker-blocks');
    expect(pairing.diagnostics).toEqual([]);
    expect(pairing.entries).toHaveLength(129);
    expect(pairing.entries.every((e) => e.cueCount === 1)).toBe(true);
    expect(pairing.vttOnlyCues).toEqual([]);
    expect(exportPairedTxt(pairing, doc.cues)).toBe(txt);
    expect(episodeTxt(vtt, pairing)).toBe(txt);
  });

  it('renaming Will Vincent changes exactly the names of his 37 headings', () => {
    const out = saved(renameSpeaker(doc, 'Will Vincent', 'William Vincent'));
    const changed = diff(out);
    expect(out.split('\n')).toHaveLength(lines.length);
    expect(changed).toHaveLength(37);
    for (const [n, line] of changed) expect(line).toBe(lines[n - 1]!.replace(/^Will Vincent /, 'William Vincent '));
    // Renaming back gives the file back.
    const back = parseVtt(applyChanges(vtt, renameSpeaker(doc, 'Will Vincent', 'William Vincent')));
    expect(exportPairedTxt(pairing, parseVtt(applyChanges(back.text, renameSpeaker(back, 'William Vincent', 'Will Vincent'))).cues)).toBe(txt);
  });

  it('a name the TXT spells its own way is kept until the speaker changes in the VTT', () => {
    const own = txt.replace('Carlton Gibson 0:12', 'Carlton J. Gibson 0:12');
    const p = pairEpisode(doc.cues, own);
    expect(exportPairedTxt(p, doc.cues)).toBe(own);
    const renamed = exportPairedTxt(p, parseVtt(applyChanges(vtt, renameSpeaker(doc, 'Carlton Gibson', 'Carlton'))).cues);
    expect(renamed.split('\n').filter((l, i) => l !== own.split('\n')[i]).every((l) => /^Carlton \d+:\d\d$/.test(l))).toBe(true);
    expect(renamed).toContain('\nCarlton 0:12\nHello Will.');
  });

  it('a word fixed in a cue changes only its paragraph line; setting a speaker changes only that heading', () => {
    const cue = doc.cues.find((c) => c.text.includes('Django chat podcast'))!;
    expect(diff(saved(setCueText(doc, cue, cue.text.replace('Django chat', 'Django Chat'))))).toEqual([[18, 'Hi, welcome to another episode of Django Chat podcast on the Django web framework. I\'m Will Vincent joined by Carlton Gibson. Hi, Carlton']]);
    const i = doc.cues.findIndex((c) => c.text.endsWith('Hello Will.'));
    expect(diff(saved(setSpeaker(doc, i, i, 'Calvin Hendryx-Parker')))).toEqual([[20, 'Calvin Hendryx-Parker 0:12']]);
    // Without a speaker the heading is its clock alone, as the Otter writer writes it.
    expect(diff(saved(setSpeaker(doc, i, i, null)))).toEqual([[20, '0:12']]);
  });

  it('moving "Hey, well, hey, Carlton," to Calvin changes both paragraphs and the clock of his heading', () => {
    const cut = vtt.indexOf('Hey, well, hey, Carlton,');
    const out = saved(moveWords(doc, 2, cut, 'next').changes);
    expect(diff(out)).toEqual([
      [24, "And we're very pleased to welcome Calvin Hendryx-Parker back on to the show. Welcome, Calvin."],
      [26, 'Calvin Hendryx-Parker 0:17'],
      [27, "Hey, well, hey, Carlton, how's it going?"],
    ]);
  });

  it('a new cue becomes a Name M:SS block after its neighbour; at the end, the file still ends without a line break', () => {
    const last = doc.cues.at(-1)!;
    const end = saved(insertCue(doc, doc.cues.length - 1, { start: last.end + 1, end: last.end + 3, text: '<v Will Vincent>Bye &amp; thanks.' }));
    const clock = `${Math.floor((last.end + 1) / 60)}:${String(Math.floor(last.end + 1) % 60).padStart(2, '0')}`;
    expect(end).toBe(`${txt}\n\nWill Vincent ${clock}\nBye & thanks.`);
    const mid = saved(insertCue(doc, 0, { start: 10, end: 11, text: '<v Carlton Gibson>Hi.' }));
    expect(mid).toBe(txt.replace('\n\nCarlton Gibson 0:12', '\n\nCarlton Gibson 0:10\nHi.\n\nCarlton Gibson 0:12'));
  });

  it('a block left without words is its heading alone; a block given words gets them on the next line', () => {
    const i = doc.cues.findIndex((c) => c.text.endsWith('Hello Will.'));
    const emptied = saved(setCueText(doc, doc.cues[i]!, '<v Carlton Gibson>'));
    expect(emptied).toBe(txt.replace('Carlton Gibson 0:12\nHello Will.', 'Carlton Gibson 0:12'));
    const p = pairEpisode(parseVtt(applyChanges(vtt, setCueText(doc, doc.cues[i]!, '<v Carlton Gibson>'))).cues, emptied);
    expect(exportPairedTxt(p, doc.cues)).toBe(txt);
  });

  it('exports in other styles are written from the cues; the Otter style keeps the pair', () => {
    expect(episodeTxt(vtt, pairing, 'speakers')).toBe(txt);
    expect(episodeTxt(vtt, pairing, 'talkpython').startsWith('00:00:06 Hi, welcome')).toBe(true);
  });
});
