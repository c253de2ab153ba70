/**
 * The menu bar's keyboard behaviour as a pure function (the WAI-ARIA menubar pattern):
 * which move a key makes from the focused item. An item is named by its path of indices
 * among focusable items: `[top]` on the bar, `[top, item]` in a menu, `[top, item, sub]`
 * in a submenu (Export).
 */
import { MENUS, focusableItems, nextIndex, type Menu, type MenuItem } from './menu-model';

export type MenuMove =
  /** Focus the item at `path` (closing an open submenu when `closeSub`). */
  | { to: 'focus'; path: number[]; closeSub?: boolean }
  /** Open a top menu and focus its first or last item, or only the bar item. */
  | { to: 'open'; top: number; focus: 'first' | 'last' | 'none' }
  /** Open the submenu of `[top, item]` and focus its first item. */
  | { to: 'sub'; top: number; item: number }
  | { to: 'run'; item: MenuItem }
  /** Close the menus; the focus goes to the bar item when `focusTop`. */
  | { to: 'close'; focusTop: boolean }
  /** Leave the bar: the focus goes back where it was. */
  | { to: 'leave' }
  /** Tab: close the menus and let the browser move the focus. */
  | { to: 'tab' };

/**
 * The move `key` makes from `path`; `menuOpen` tells whether a menu is shown, `modified`
 * whether Ctrl, Cmd or Alt is held (a letter then jumps nowhere). Null: not a menu key.
 */
export function menuMove(path: readonly number[], key: string, menuOpen: boolean, modified = false, menus: readonly Menu[] = MENUS): MenuMove | null {
  const [top, item, sub] = path as [number, number?, number?];
  const letter = key.length === 1 && key !== ' ' && !modified ? key : undefined;
  const tops = menus.map((m) => m.label);
  const next = (step: 1 | -1) => nextIndex(tops, top, step);
  const items = focusableItems(menus[top]!.items);
  if (item === undefined) {
    switch (key) {
      case 'ArrowRight': case 'ArrowLeft': {
        const to = next(key === 'ArrowRight' ? 1 : -1);
        return menuOpen ? { to: 'open', top: to, focus: 'first' } : { to: 'focus', path: [to] };
      }
      case 'ArrowDown': case 'Enter': case ' ': return { to: 'open', top, focus: 'first' };
      case 'ArrowUp': return { to: 'open', top, focus: 'last' };
      case 'Home': return { to: 'focus', path: [0] };
      case 'End': return { to: 'focus', path: [menus.length - 1] };
      case 'Escape': return menuOpen ? { to: 'close', focusTop: true } : { to: 'leave' };
      default: return letter ? { to: 'focus', path: [nextIndex(tops, top, 1, letter)] } : null;
    }
  }
  const current = items[item]!;
  if (sub === undefined) {
    const labels = items.map((i) => i.label);
    switch (key) {
      case 'ArrowDown': case 'ArrowUp': return { to: 'focus', path: [top, nextIndex(labels, item, key === 'ArrowDown' ? 1 : -1)], closeSub: true };
      case 'Home': return { to: 'focus', path: [top, 0], closeSub: true };
      case 'End': return { to: 'focus', path: [top, items.length - 1], closeSub: true };
      case 'Enter': case ' ': return current.items ? { to: 'sub', top, item } : { to: 'run', item: current };
      case 'ArrowRight': return current.items ? { to: 'sub', top, item } : { to: 'open', top: next(1), focus: 'first' };
      case 'ArrowLeft': return { to: 'open', top: next(-1), focus: 'first' };
      case 'Escape': return { to: 'close', focusTop: true };
      case 'Tab': return { to: 'tab' };
      default: return letter ? { to: 'focus', path: [top, nextIndex(labels, item, 1, letter)], closeSub: true } : null;
    }
  }
  const subItems = focusableItems(current.items ?? []);
  const labels = subItems.map((i) => i.label);
  switch (key) {
    case 'ArrowDown': case 'ArrowUp': return { to: 'focus', path: [top, item, nextIndex(labels, sub, key === 'ArrowDown' ? 1 : -1)] };
    case 'Home': return { to: 'focus', path: [top, item, 0] };
    case 'End': return { to: 'focus', path: [top, item, subItems.length - 1] };
    case 'Enter': case ' ': return { to: 'run', item: subItems[sub]! };
    case 'ArrowLeft': case 'Escape': return { to: 'focus', path: [top, item], closeSub: true };
    case 'ArrowRight': return { to: 'open', top: next(1), focus: 'first' };
    case 'Tab': return { to: 'tab' };
    default: return letter ? { to: 'focus', path: [top, item, nextIndex(labels, sub, 1, letter)] } : null;
  }
}
