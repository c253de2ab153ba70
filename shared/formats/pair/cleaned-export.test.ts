import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptedByDefault, cleanVtt } from '../../cleaning';
import { applyChanges } from '../../model/text-change';
import { renderExport } from '../episode';
import { parseVtt } from '../vtt/parser';
import { episodeTxt, pairEpisode } from '.';

const TALKPYTHON = join(import.meta.dirname, '../../../../shared/fixtures/talkpython');
const read = (name: string) => readFileSync(join(TALKPYTHON, name), 'utf8');
const entryCount = (txt: string) => txt.split('\n').filter((l) => /^\d\d:\d\d:\d\d /.test(l)).length;

describe('Export cleaned TXT of a paired episode keeps the pair\'s entries', () => {
  for (const episode of ['515-temporal', '518-django-birthday']) {
    it(`${episode}: same entries and lines; only lines whose cues were cleaned change`, () => {
      const vtt = read(`${episode}.vtt`);
      const txt = read(`${episode}.txt`);
      const pairing = pairEpisode(parseVtt(vtt).cues, txt);
      const cleaned = applyChanges(vtt, acceptedByDefault(cleanVtt(vtt, { fillers: true, repetitions: true, case: true, whitespace: true })));
      const out = episodeTxt(cleaned, pairing);

      expect(entryCount(out)).toBe(entryCount(txt));
      // The cues' own rendering regroups them (one line per cue, or other joins).
      expect(entryCount(renderExport(cleaned, { format: 'txt', style: 'talkpython' }))).not.toBe(entryCount(txt));
      const before = txt.split('\n');
      const after = out.split('\n');
      expect(after.length).toBe(before.length);

      const oldCues = parseVtt(vtt).cues;
      const newCues = parseVtt(cleaned).cues;
      expect(newCues.length).toBe(oldCues.length);
      const cleanedLines = new Set(pairing.entries
        .filter((e) => newCues.slice(e.firstCue, e.firstCue + e.cueCount).some((c, k) => c.text !== oldCues[e.firstCue + k]!.text))
        .map((e) => e.line));
      expect(cleanedLines.size).toBeGreaterThan(10);
      const changed = before.flatMap((l, i) => (l === after[i] ? [] : [i + 1]));
      for (const line of changed) expect(cleanedLines.has(line), `TXT line ${line} changed`).toBe(true);
      // A cleaned entry stays as it was only where the TXT had already made that edit itself (515 L89: "I, I").
      const untouched = [...cleanedLines].filter((l) => !changed.includes(l));
      for (const line of untouched) expect(pairing.entries.find((e) => e.line === line)!.txtOnlyEdits.length, `TXT line ${line}`).toBeGreaterThan(0);
      // Each changed line keeps its clock.
      for (const line of changed) expect(after[line - 1]!.slice(0, 9)).toBe(before[line - 1]!.slice(0, 9));
    });
  }

  it('an episode without a pair is written in the asked style from its cues', () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello\n';
    expect(episodeTxt(vtt, null)).toBe(renderExport(vtt, { format: 'txt', style: 'talkpython' }));
    expect(episodeTxt(vtt, null, 'plain')).toBe(renderExport(vtt, { format: 'txt', style: 'plain' }));
  });
});
