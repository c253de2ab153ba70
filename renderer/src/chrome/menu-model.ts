/**
 * The in-page menu bar's menus: the same table the native menu is built from
 * (shared/ipc/menus.ts), and the pure helpers the menu bar's keyboard navigation uses.
 */
import type { MenuEntry, MenuItem } from '../../../shared/ipc/menus';

// The table itself is shared with the native menu (one source for both).
export { MENUS, type Menu, type MenuEntry, type MenuItem, type MenuRun } from '../../../shared/ipc/menus';

/** The items of a menu that can take focus (separators skipped), in order. */
export function focusableItems(entries: readonly MenuEntry[]): MenuItem[] {
  return entries.filter((e): e is MenuItem => e !== 'separator');
}

/**
 * The next index from `from` in `count` items, moving `step` (wrapping), or the first
 * item after `from` whose label starts with `letter` when one is given.
 */
export function nextIndex(labels: readonly string[], from: number, step: 1 | -1, letter?: string): number {
  const count = labels.length;
  if (!count) return -1;
  for (let k = 1; k <= count; k++) {
    const i = (((from + step * k) % count) + count) % count;
    if (letter === undefined || labels[i]!.toLowerCase().startsWith(letter.toLowerCase())) return i;
  }
  return from;
}
