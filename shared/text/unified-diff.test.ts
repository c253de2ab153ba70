import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './unified-diff';

describe('unifiedDiff', () => {
  const text = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
  const at = (n: number) => text.indexOf(`line ${n}\n`);

  it('prints hunks with three lines of context, merged when close', () => {
    const diff = unifiedDiff(text, [
      { from: at(5) + 5, to: at(5) + 6, insert: 'five' },
      { from: at(8) + 5, to: at(8) + 6, insert: 'eight' },
      { from: at(18), to: at(19), insert: '' },
    ], { from: 'a/x.txt', to: 'b/x.txt' });
    expect(diff).toBe([
      '--- a/x.txt', '+++ b/x.txt',
      '@@ -2,10 +2,10 @@', ' line 2', ' line 3', ' line 4', '-line 5', '+line five', ' line 6', ' line 7', '-line 8', '+line eight', ' line 9', ' line 10', ' line 11',
      '@@ -15,6 +15,5 @@', ' line 15', ' line 16', ' line 17', '-line 18', '-line 19', '+line 19', ' line 20', '',
    ].join('\n'));
  });

  it('is empty without changes', () => {
    expect(unifiedDiff(text, [], { from: 'a', to: 'b' })).toBe('');
  });
});
