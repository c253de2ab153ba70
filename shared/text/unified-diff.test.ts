import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, type TextChange } from '../model/text-change';
import { unifiedDiff } from './unified-diff';

/** Applies a diff with GNU patch (strict: no fuzz) to a file holding `before`; returns the result. */
function patched(before: string, diff: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cueline-diff-'));
  try {
    writeFileSync(join(dir, 'x.txt'), before);
    writeFileSync(join(dir, 'x.diff'), diff);
    execFileSync('patch', ['--fuzz=0', '--quiet', '--batch', join(dir, 'x.txt'), join(dir, 'x.diff')], { stdio: 'pipe' });
    return readFileSync(join(dir, 'x.txt'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}


describe('unifiedDiff', () => {
  const text = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
  const at = (n: number) => text.indexOf(`line ${n}\n`);

  it('prints hunks with three lines of context, merged when close, and marks a last line without newline', () => {
    const diff = unifiedDiff(text, [
      { from: at(5) + 5, to: at(5) + 6, insert: 'five' },
      { from: at(8) + 5, to: at(8) + 6, insert: 'eight' },
      { from: at(18), to: at(19), insert: '' },
    ], { from: 'a/x.txt', to: 'b/x.txt' });
    expect(diff).toBe([
      '--- a/x.txt', '+++ b/x.txt',
      '@@ -2,10 +2,10 @@', ' line 2', ' line 3', ' line 4', '-line 5', '+line five', ' line 6', ' line 7', '-line 8', '+line eight', ' line 9', ' line 10', ' line 11',
      '@@ -15,6 +15,5 @@', ' line 15', ' line 16', ' line 17', '-line 18', ' line 19', ' line 20', '\\ No newline at end of file', '',
    ].join('\n'));
  });

  it('is empty without changes', () => {
    expect(unifiedDiff(text, [], { from: 'a', to: 'b' })).toBe('');
    expect(unifiedDiff(text, [{ from: 3, to: 3, insert: '' }], { from: 'a', to: 'b' })).toBe('');
  });

  it('patch turns the text into the changed text (edge cases)', () => {
    const cases: [string, TextChange[]][] = [
      ['one\ntwo Langchain', [{ from: 8, to: 17, insert: 'LangChain' }]],
      ['a\nb\n', [{ from: 4, to: 4, insert: 'c\n' }]],
      ['a\nb\n', [{ from: 3, to: 4, insert: '' }]],
      ['a\nb', [{ from: 3, to: 3, insert: '\n' }]],
      ['', [{ from: 0, to: 0, insert: 'new\n' }]],
      ['a\r\nb\r\nc\r\n', [{ from: 3, to: 4, insert: 'B' }]],
    ];
    for (const [before, changes] of cases) {
      expect(patched(before, unifiedDiff(before, changes, { from: 'a/x.txt', to: 'b/x.txt' })), JSON.stringify(before)).toBe(applyChanges(before, changes));
    }
  });

  it('patch turns the text into the changed text (random texts and changes)', () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'x'), maxLength: 6 });
    const doc = fc.tuple(fc.array(line, { minLength: 0, maxLength: 30 }), fc.boolean()).map(([lines, nl]) => lines.join('\n') + (nl && lines.length ? '\n' : ''));
    const edit = fc.tuple(fc.nat(), fc.nat(4), fc.constantFrom('', 'Z', 'Y\n', '\nW'));
    fc.assert(fc.property(doc, fc.array(edit, { maxLength: 5 }), (before, edits) => {
      // Non-overlapping changes: sorted cut points, each change from its point.
      const changes: TextChange[] = [];
      let floor = 0;
      for (const [p, len, insert] of edits.map(([p, len, ins]) => [p % (before.length + 1), len, ins] as const).sort((x, y) => x[0] - y[0])) {
        const from = Math.max(p, floor);
        const to = Math.min(before.length, from + len);
        if (from > before.length) break;
        changes.push({ from, to, insert });
        floor = to + 1;
      }
      const diff = unifiedDiff(before, changes, { from: 'a/x.txt', to: 'b/x.txt' });
      const after = applyChanges(before, changes);
      if (after === before && diff === '') return;
      expect(patched(before, diff)).toBe(after);
    }), { numRuns: 60, seed: 7 });
  });
});
