import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';
import { menuTemplate } from './menu-template';

describe('native View menu', () => {
  const build = (isChecked?: () => boolean) => {
    const sent: MenuCommand[] = [];
    const template = menuTemplate({ send: (c) => sent.push(c), runAction: () => {}, platform: 'linux', ...(isChecked ? { isChecked } : {}) });
    const views = template.filter((m) => m.label === 'View' || m.role === 'viewMenu');
    const item = (views[0]!.submenu as MenuItemConstructorOptions[]).find((i) => i.label === 'Transcript View')!;
    return { views, item, sent };
  };

  it('is one menu: Transcript View (a checkbox showing the editor key, which stays the editor\u2019s) over the reload and zoom roles', () => {
    const { views, item, sent } = build();
    expect(views).toHaveLength(1);
    expect(item).toMatchObject({ type: 'checkbox', checked: true, accelerator: 'CmdOrCtrl+Alt+R', registerAccelerator: false });
    (item.click as () => void)();
    expect(sent).toEqual(['toggle-transcript-view']);
    const roles = (views[0]!.submenu as MenuItemConstructorOptions[]).map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['reload', 'toggleDevTools', 'zoomIn', 'togglefullscreen']));
  });

  it('is checked as the main process is told', () => {
    expect(build(() => false).item.checked).toBe(false);
    expect(build(() => true).item.checked).toBe(true);
  });
});

describe('native Timing menu', () => {
  const align = (hasAudio?: () => boolean) => {
    const template = menuTemplate({ send: () => {}, runAction: () => {}, platform: 'linux', ...(hasAudio ? { hasAudio } : {}) });
    const timing = template.find((m) => m.label === 'Timing')!;
    return (timing.submenu as MenuItemConstructorOptions[]).find((i) => i.label === 'Align to Audio…')!;
  };

  it('greys Align to Audio… while no audio is open, as the in-page menu does', () => {
    expect(align(() => false).enabled).toBe(false);
    expect(align(() => true).enabled).toBe(true);
    // Other commands are never greyed by it.
    const file = menuTemplate({ send: () => {}, runAction: () => {}, platform: 'linux', hasAudio: () => false }).find((m) => m.label === 'File')!;
    expect((file.submenu as MenuItemConstructorOptions[]).filter((i) => i.enabled === false)).toEqual([]);
  });
});
