/**
 * Regex rules on RE2 (re2js) against the native engine, in the same run:
 * - ordinary rules (groups, classes, alternation, case folding) on 515: the cost of
 *   linear time where backtracking would not have hurt;
 * - `(\w+\s?)+;`, which took 16 s on one 42-character cue natively, over 515 made into
 *   a 3.5-hour episode (three copies, times shifted). Goal: ≤ 2 s. Its baseline is the
 *   native engine on ONE 26-letter word (a longer one would stall the bench).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { correctTranscript, parseRules, type CorrectionRule } from '../shared/corrections';
import { nativeMatcher, wholeWordPattern } from '../shared/corrections/matcher';
import { formatVttTimestamp } from '../shared/formats/timestamp';
import { parseVtt } from '../shared/formats/vtt/parser';
import { timeMedian, type BenchResult } from './report';

const EPISODE = join(import.meta.dirname, '../../shared/fixtures/talkpython/515-temporal.vtt');
const ORDINARY = ['py(\\d)\tPython $1', 'Matt\\s+McKay\tMatt Makai', '[Ll]ang[Cc]hain\tLangChain', 'temporal\\.io\tTemporal.io\tre,i', '(durable|reliable) execution\t$1 workflows'];
const TRAP = '(\\w+\\s?)+;\tX';

/** The same rules on the native engine: the whole-word wrapper the rules used before RE2. */
function native(rules: readonly CorrectionRule[]): CorrectionRule[] {
  return rules.map((r) => ({ ...r, matcher: nativeMatcher(wholeWordPattern(r.find, 'a', 'a', r.ignoreCase ? 'giu' : 'gu')) }));
}

function compile(lines: readonly string[]): CorrectionRule[] {
  const { rules, diagnostics } = parseRules(lines.map((l) => (l.split('\t').length === 2 ? `${l}\tre` : l)).join('\n'));
  if (diagnostics.length) throw new Error(diagnostics.map((d) => d.message).join('; '));
  return rules;
}

/**
 * 515 three times over, each copy's cues shifted past the one before: 3.5 hours of cues.
 * 515 has no `;`, so every fifth cue gets its commas turned into semicolons: the trap
 * rule then matches (and captures) instead of failing fast.
 */
function threeHours(vtt: string): { text: string; hours: number } {
  const doc = parseVtt(vtt);
  const span = doc.cues[doc.cues.length - 1]!.end;
  let text = 'WEBVTT\n';
  for (let copy = 0; copy < 3; copy++) {
    doc.cues.forEach((c, i) => {
      const words = i % 5 === 0 ? c.text.replaceAll(',', ';') : c.text;
      text += `\n${formatVttTimestamp(c.start + copy * span)} --> ${formatVttTimestamp(c.end + copy * span)}\n${words}\n`;
    });
  }
  return { text, hours: (3 * span) / 3600 };
}

export function regexResults(): BenchResult[] {
  const vtt = readFileSync(EPISODE, 'utf8');
  const ordinary = compile(ORDINARY);
  const re2 = timeMedian(() => correctTranscript(vtt, ordinary, 'vtt'), 7);
  const js = timeMedian(() => correctTranscript(vtt, native(ordinary), 'vtt'), 7);
  const changes = correctTranscript(vtt, ordinary, 'vtt').changes.length;
  if (correctTranscript(vtt, native(ordinary), 'vtt').changes.length !== changes) throw new Error('RE2 and the native engine disagree on 515');

  const long = threeHours(vtt);
  const trap = compile([TRAP]);
  const trapMs = timeMedian(() => correctTranscript(long.text, trap, 'vtt'), 3, 1);
  const result = correctTranscript(long.text, trap, 'vtt');
  if (result.overBudget.length) throw new Error('the trap rule ran over its budget');
  const word = 'Supercalifragilisticexpialidocious'.slice(0, 26);
  const nativeTrap = timeMedian(() => correctTranscript(`WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n${word}\n`, native(trap), 'vtt'), 1, 0);
  return [
    {
      name: `5 ordinary regex rules on 515 (RE2, ${changes} changes)`,
      value: re2,
      unit: 'ms',
      baseline: { name: 'the same rules on the native engine', value: js },
    },
    {
      name: `regex ${TRAP.split('\t')[0]} over a ${long.hours.toFixed(1)}-hour episode (RE2, ${result.changes.length} changes)`,
      value: trapMs,
      unit: 'ms',
      baseline: { name: `native engine on one ${word.length}-letter word`, value: nativeTrap },
      goal: { op: '<=', value: 2000, on: 'value' },
    },
  ];
}
