import { readFileSync } from 'node:fs';
import { replaceAll, SearchQuery, search, setSearchQuery } from '@codemirror/search';
import { describe, expect, it } from 'vitest';
import { cuesOf, vttField } from './cue-field';
import { editableMatch, listMatches } from './find-panel';
import { editorHost } from '../../test/editor-host';
import { fixture } from '../../test/fixtures';

const text = readFileSync(fixture.vtt515, 'utf8');
const query = (search: string, replace = '') => new SearchQuery({ search, replace, test: (_m, state, from, to) => editableMatch(state, from, to) });

describe('find panel logic', () => {
  it('never matches in timing lines or the header', () => {
    const h = editorHost(text, [vttField]);
    const cue = cuesOf(h.state)[0]!;
    expect(editableMatch(h.state, 0, 6)).toBe(false);
    expect(editableMatch(h.state, cue.timingRange.from, cue.timingRange.from + 2)).toBe(false);
    expect(editableMatch(h.state, cue.textRange.from, cue.textRange.from + 2)).toBe(true);
    const { total, entries } = listMatches(h.state, query('00'));
    // "00" is in every timestamp; none of those count.
    expect(entries.every((m) => editableMatch(h.state, m.from, m.to))).toBe(true);
    expect(total).toBe(text.split('\n').filter((l) => !l.includes('-->')).join('\n').split('00').length - 1);
  });

  it('lists each match with the start time of its cue and its line', () => {
    const h = editorHost(text, [vttField]);
    const { entries } = listMatches(h.state, query('Temporal'));
    const cues = cuesOf(h.state);
    for (const m of entries.slice(0, 20)) {
      const cue = cues.find((c) => c.textRange.from <= m.from && m.to <= c.textRange.to)!;
      expect(m.time).toBe(cue.start);
      expect(m.line).toBe(h.state.doc.lineAt(m.from).number);
      expect(m.context.toLowerCase()).toContain('temporal');
    }
  });

  it('Replace all is one transaction and leaves every timing line as it was', () => {
    const h = editorHost(text, [vttField, search()]);
    h.dispatch({ effects: setSearchQuery.of(query('00', '11')) });
    expect(replaceAll(h.view)).toBe(true);
    const changes = h.transactions.filter((tr) => tr.docChanged);
    expect(changes).toHaveLength(1);
    const timing = (t: string) => t.split('\n').filter((l) => l.includes('-->'));
    expect(timing(h.state.doc.toString())).toEqual(timing(text));
    expect(h.state.doc.toString()).not.toBe(text);
  });
});
