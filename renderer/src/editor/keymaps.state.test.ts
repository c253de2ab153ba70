import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDITOR_ACTION_INFO } from '../../../shared/editor-actions';
import { conflicts, normalizeKey, PRESETS, resolveBindings, shortcutsMarkdown } from './keymaps';

describe('keymaps', () => {
  it('binds every action in the default keymap, without a key bound twice, in every preset', () => {
    for (const [name, preset] of Object.entries(PRESETS)) {
      for (const a of EDITOR_ACTION_INFO) expect(preset.bindings[a.id]?.length ?? 0, `${name}: ${a.id}`).toBeGreaterThan(0);
      expect([...conflicts(preset.bindings).keys()], name).toEqual([]);
    }
  });

  it('puts play/pause on keys that type nothing', () => {
    expect(PRESETS.cueline.bindings['play-pause']).toEqual(['Escape', 'Mod-Space']);
  });

  it('applies user overrides over a preset and reports clashes', () => {
    const b = resolveBindings('subtitle-edit', { 'split-cue': ['Mod-Shift-k'], 'merge-next': ['F10'] });
    expect(b['split-cue']).toEqual(['Mod-Shift-k']);
    expect(b['end-and-next']).toEqual(['F10']);
    expect(conflicts(b).get('F10')).toEqual(['end-and-next', 'merge-next']);
    expect(normalizeKey('Ctrl-Alt-M')).toBe('Alt-Mod-m');
  });

  it('README lists the default keymap as it is', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');
    const table = shortcutsMarkdown(EDITOR_ACTION_INFO);
    expect(readme.includes(table), `README.md must contain the shortcuts table:\n${table}`).toBe(true);
  });
});
