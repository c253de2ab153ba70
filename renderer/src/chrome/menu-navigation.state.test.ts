import { describe, expect, it } from 'vitest';
import { EDITOR_ACTION_INFO } from '../../../shared/editor-actions';
import { MENUS, focusableItems } from './menu-model';
import { menuMove } from './menu-navigation';

const FILE = 0;
const HELP = MENUS.length - 1;
const fileItems = focusableItems(MENUS[FILE]!.items);
const EXPORT = fileItems.findIndex((i) => i.label === 'Export');

describe('menu bar keys', () => {
  it('moves along the bar, wrapping, and opens a menu with Down, Enter, Space or Up', () => {
    expect(menuMove([FILE], 'ArrowRight', false)).toEqual({ to: 'focus', path: [1] });
    expect(menuMove([FILE], 'ArrowLeft', false)).toEqual({ to: 'focus', path: [HELP] });
    expect(menuMove([HELP], 'ArrowRight', false)).toEqual({ to: 'focus', path: [FILE] });
    for (const key of ['ArrowDown', 'Enter', ' ']) expect(menuMove([2], key, false)).toEqual({ to: 'open', top: 2, focus: 'first' });
    expect(menuMove([2], 'ArrowUp', false)).toEqual({ to: 'open', top: 2, focus: 'last' });
    // With a menu open, Left/Right open the neighbour's menu.
    expect(menuMove([FILE], 'ArrowRight', true)).toEqual({ to: 'open', top: 1, focus: 'first' });
    expect(menuMove([FILE], 'End', false)).toEqual({ to: 'focus', path: [HELP] });
    expect(menuMove([HELP], 'Home', false)).toEqual({ to: 'focus', path: [0] });
    expect(menuMove([FILE], 't', false)).toEqual({ to: 'focus', path: [MENUS.findIndex((m) => m.label === 'Timing')] });
  });

  it('Esc closes the open menu first, then leaves the bar', () => {
    expect(menuMove([FILE], 'Escape', true)).toEqual({ to: 'close', focusTop: true });
    expect(menuMove([FILE], 'Escape', false)).toEqual({ to: 'leave' });
    expect(menuMove([FILE, 2], 'Escape', true)).toEqual({ to: 'close', focusTop: true });
    expect(menuMove([FILE, EXPORT, 0], 'Escape', true)).toEqual({ to: 'focus', path: [FILE, EXPORT], closeSub: true });
  });

  it('moves in a menu, wrapping, jumps by letter, and enters and leaves Export', () => {
    expect(menuMove([FILE, 0], 'ArrowUp', true)).toEqual({ to: 'focus', path: [FILE, fileItems.length - 1], closeSub: true });
    expect(menuMove([FILE, fileItems.length - 1], 'ArrowDown', true)).toEqual({ to: 'focus', path: [FILE, 0], closeSub: true });
    expect(menuMove([FILE, 0], 'e', true)).toEqual({ to: 'focus', path: [FILE, EXPORT], closeSub: true });
    // Letters with Ctrl, Cmd or Alt are shortcuts, not jumps.
    expect(menuMove([FILE, 0], 'e', true, true)).toBeNull();
    expect(menuMove([FILE, EXPORT], 'ArrowRight', true)).toEqual({ to: 'sub', top: FILE, item: EXPORT });
    expect(menuMove([FILE, EXPORT], 'Enter', true)).toEqual({ to: 'sub', top: FILE, item: EXPORT });
    expect(menuMove([FILE, EXPORT, 1], 'ArrowLeft', true)).toEqual({ to: 'focus', path: [FILE, EXPORT], closeSub: true });
    // Right on a plain item, or from the submenu, goes on to the next menu.
    expect(menuMove([FILE, 0], 'ArrowRight', true)).toEqual({ to: 'open', top: 1, focus: 'first' });
    expect(menuMove([FILE, EXPORT, 0], 'ArrowRight', true)).toEqual({ to: 'open', top: 1, focus: 'first' });
    expect(menuMove([1, 0], 'ArrowLeft', true)).toEqual({ to: 'open', top: FILE, focus: 'first' });
  });

  it('runs leaf items with Enter or Space; Tab closes and lets the focus go', () => {
    const webvtt = focusableItems(fileItems[EXPORT]!.items!)[0]!;
    expect(menuMove([FILE, EXPORT, 0], 'Enter', true)).toEqual({ to: 'run', item: webvtt });
    expect(webvtt.run).toEqual({ command: 'export-vtt' });
    expect(menuMove([FILE, 0], ' ', true)).toEqual({ to: 'run', item: fileItems[0] });
    expect(menuMove([FILE, 0], 'Tab', true)).toEqual({ to: 'tab' });
    expect(menuMove([FILE, 0], 'F5', true)).toBeNull();
  });

  it('has every editor action in Timing, Cues and Playback, and every export in File \u25b8 Export', () => {
    const inMenus = MENUS.flatMap((m) => focusableItems(m.items)).flatMap((i) => (i.items ? focusableItems(i.items) : [i]));
    const actions = inMenus.flatMap((i) => (i.run && 'action' in i.run ? [i.run.action] : []));
    expect(actions.sort()).toEqual(EDITOR_ACTION_INFO.map((a) => a.id).sort());
    const commands = new Set(inMenus.flatMap((i) => (i.run && 'command' in i.run ? [i.run.command] : [])));
    for (const c of ['export-vtt', 'export-srt', 'export-txt-talkpython', 'export-txt-paragraphs', 'export-txt-plain', 'export-txt-speakers', 'export-pair', 'clean-correct'] as const) expect(commands.has(c)).toBe(true);
  });
});
