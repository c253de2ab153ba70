/**
 * The in-page menu bar, for where the page has no native menu (preview in a browser):
 * the WAI-ARIA menubar pattern. Alt (pressed and released alone) focuses File; arrow
 * keys move (Left/Right between menus, Up/Down in a menu, Right/Left into and out of
 * Export), Enter or Space runs an item, a letter jumps to the next item starting with it,
 * Esc closes a menu and then gives the focus back to where it was (menu-navigation.ts).
 * Choosing an item runs what the native menu runs for it (menu-model.ts).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import { redo, selectAll, undo } from '@codemirror/commands';
import type { AppCore } from '../app-core';
import { displayKey, resolveBindings } from '../editor/keymaps';
import { useStore } from '../store';
import { MENUS, focusableItems, type MenuEntry, type MenuItem, type MenuRun } from './menu-model';
import { viewModeOf } from '../transcript-view';
import { speakerLaneShown } from '../waveform/speaker-lane';
import { menuMove } from './menu-navigation';

export interface MenuBarProps {
  /** Runs commands and actions as the native menu's events do; its editor serves Undo, Redo and Select All. */
  core: Pick<AppCore, 'runCommand' | 'runAction' | 'timeline' | 'settings' | 'documents'>;
}

/**
 * Electron always gives the window a native menu (the app menu on macOS, the window's
 * menu bar elsewhere); its renderer's user agent names Electron. Anywhere else the page
 * is in a plain browser and must draw its own.
 */
export function hasNativeMenu(): boolean {
  return /\bElectron\//.test(navigator.userAgent);
}

export function MenuBar(props: MenuBarProps) {
  return hasNativeMenu() ? null : <InPageMenuBar {...props} />;
}

const MAC = /Mac/.test(navigator.platform);

/** A CodeMirror key name (`Mod-Shift-s`) as aria-keyshortcuts writes it (`Control+Shift+S`). */
function ariaKeys(key: string): string {
  return key.split(/-(?!$)/).map((p) => (p === 'Mod' ? (MAC ? 'Meta' : 'Control') : p.length === 1 ? p.toUpperCase() : p)).join('+');
}

const pathOf = (el: EventTarget | null) => (el instanceof HTMLElement && el.dataset.path ? el.dataset.path.split('.').map(Number) : null);

function InPageMenuBar({ core }: MenuBarProps) {
  // Edit ▸ Undo / Redo / Select All act on whichever document is open, a corrections list too.
  const editor = useCallback(() => core.documents.editor, [core]);
  const settings = useStore(core.settings);
  const hasAudio = useStore(core.documents.state).audio !== null;
  /** Items that need the episode's audio stay in the menu (focusable, as ARIA advises) but do nothing without it. */
  const disabled = (item: MenuItem) => !!item.needsAudio && !hasAudio;
  const bindings = useMemo(() => resolveBindings(settings.keymapPreset, settings.keyOverrides), [settings.keymapPreset, settings.keyOverrides]);
  /** The key shown beside an item: its command's, or the first its action is bound to now. */
  const keysOf = (item: MenuItem) => item.keys ?? (item.run && 'action' in item.run ? bindings[item.run.action]?.[0] : undefined);
  /** A checkbox item's state, read when the menu is drawn (it is drawn again each time it opens). */
  const isChecked = (item: MenuItem) => {
    const view = core.timeline.editor;
    if (item.checked === 'speaker-lane') return speakerLaneShown(settings);
    return item.checked === 'transcript-view' && !!view && viewModeOf(view.state) === 'transcript';
  };
  const nav = useRef<HTMLElement>(null);
  /** The top menu shown, and the submenu shown in it (its index among the menu's items). */
  const [open, setOpen] = useState<number | null>(null);
  const [sub, setSub] = useState<number | null>(null);
  /** The top item in the tab order (roving tabindex). */
  const [active, setActive] = useState(0);
  /** The item to focus once the menus it lives in are rendered. */
  const focusNext = useRef<string | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  /** Where the focus was before it entered the menu bar; it goes back there. */
  const returnFocus = useRef<HTMLElement | null>(null);

  useLayoutEffect(() => {
    const path = focusNext.current;
    if (path === null) return;
    focusNext.current = null;
    nav.current?.querySelector<HTMLElement>(`[data-path="${path}"]`)?.focus();
  });

  const focusPath = (path: string) => {
    focusNext.current = path;
    setActive(Number(path.split('.')[0]));
    // Render even when nothing else changed, so the layout effect moves the focus.
    rerender();
  };
  const openMenu = (top: number, focus: 'first' | 'last' | 'none') => {
    setOpen(top);
    setSub(null);
    const count = focusableItems(MENUS[top]!.items).length;
    focusPath(focus === 'none' ? `${top}` : `${top}.${focus === 'first' ? 0 : count - 1}`);
  };
  const openSub = (top: number, item: number) => {
    setSub(item);
    focusPath(`${top}.${item}.0`);
  };
  const closeMenus = (focusTop: boolean) => {
    setOpen(null);
    setSub(null);
    if (focusTop) focusPath(`${active}`);
  };
  const restoreFocus = useCallback(() => {
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target?.isConnected) target.focus();
    else editor()?.focus();
  }, [editor]);

  const run = (what: MenuRun) => {
    if ('command' in what) core.runCommand(what.command);
    else if ('action' in what) core.runAction(what.action);
    else {
      const view = editor();
      if (!view) return;
      ({ undo, redo, selectAll })[what.edit](view);
      view.focus();
    }
  };
  const activate = (item: MenuItem) => {
    if (!item.run || disabled(item)) return;
    setOpen(null);
    setSub(null);
    restoreFocus();
    run(item.run);
  };

  // Alt pressed and released on its own focuses the bar (or leaves it); any other key or
  // a click in between cancels, so Alt+key editor shortcuts never reach the menu.
  useEffect(() => {
    let armed = false;
    const down = (e: globalThis.KeyboardEvent) => { armed = e.key === 'Alt' && !e.ctrlKey && !e.metaKey && !e.shiftKey; };
    const up = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Alt' || !armed) return;
      armed = false;
      e.preventDefault();
      if (nav.current?.contains(document.activeElement)) {
        setOpen(null);
        setSub(null);
        restoreFocus();
      } else {
        returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        setActive(0);
        nav.current?.querySelector<HTMLElement>('[data-path="0"]')?.focus();
      }
    };
    const cancel = () => { armed = false; };
    window.addEventListener('keydown', down, true);
    window.addEventListener('keyup', up, true);
    window.addEventListener('pointerdown', cancel, true);
    window.addEventListener('blur', cancel);
    return () => {
      window.removeEventListener('keydown', down, true);
      window.removeEventListener('keyup', up, true);
      window.removeEventListener('pointerdown', cancel, true);
      window.removeEventListener('blur', cancel);
    };
  }, [restoreFocus]);

  // A click elsewhere closes the menus.
  useEffect(() => {
    if (open === null) return;
    const away = (e: PointerEvent) => {
      if (!nav.current?.contains(e.target as Node)) {
        setOpen(null);
        setSub(null);
      }
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent) => {
    const path = pathOf(e.target);
    const move = path && menuMove(path, e.key, open !== null, e.ctrlKey || e.metaKey || e.altKey);
    if (!move) return;
    switch (move.to) {
      case 'focus':
        if (move.closeSub) setSub(null);
        focusPath(move.path.join('.'));
        break;
      case 'open': openMenu(move.top, move.focus); break;
      case 'sub': openSub(move.top, move.item); break;
      case 'run': activate(move.item); break;
      case 'close': closeMenus(move.focusTop); break;
      case 'leave': restoreFocus(); break;
      case 'tab': closeMenus(false); return;
    }
    // Handled here: Esc must not also play or pause behind the menu.
    e.preventDefault();
    e.stopPropagation();
  };

  const renderItems = (entries: readonly MenuEntry[], prefix: string, label: string, nested: boolean) => {
    let k = -1;
    return (
      <div role="menu" aria-label={label} className={nested ? 'menu menu-nested' : 'menu'}>
        {entries.map((entry, i) => {
          if (entry === 'separator') return <div key={`s${i}`} role="separator" className="menu-separator" />;
          const index = ++k;
          const path = `${prefix}.${index}`;
          if (entry.items) {
            const expanded = !nested && sub === index;
            return (
              <div key={entry.label} role="none" className="menu-parent">
                <button
                  type="button" role="menuitem" tabIndex={-1} data-path={path} aria-haspopup="menu" aria-expanded={expanded}
                  onClick={() => (expanded ? setSub(null) : openSub(open!, index))}
                  onMouseEnter={() => setSub(index)}
                >
                  {entry.label}<span aria-hidden="true" className="menu-arrow">▸</span>
                </button>
                {expanded && renderItems(entry.items, path, entry.label, true)}
              </div>
            );
          }
          const keys = keysOf(entry);
          return (
            <button
              key={entry.label} type="button" role={entry.checked ? 'menuitemcheckbox' : 'menuitem'} tabIndex={-1} data-path={path}
              aria-checked={entry.checked ? isChecked(entry) : undefined}
              aria-keyshortcuts={keys ? ariaKeys(keys) : undefined}
              aria-disabled={disabled(entry) || undefined}
              onClick={() => activate(entry)}
              onMouseEnter={nested ? undefined : () => setSub(null)}
            >
              {entry.checked && <span className="menu-check" aria-hidden="true" style={{ position: 'absolute', left: '3px' }}>{isChecked(entry) ? '✓' : ''}</span>}
              {entry.label}
              {keys && <span className="menu-keys" aria-hidden="true">{displayKey(keys, MAC)}</span>}
            </button>
          );
        })}
      </div>
    );
  };

  return (
    <nav
      ref={nav}
      className="menubar-nav"
      aria-label="Menu"
      onFocus={(e) => {
        if (!nav.current?.contains(e.relatedTarget as Node | null) && !returnFocus.current) {
          returnFocus.current = e.relatedTarget instanceof HTMLElement ? e.relatedTarget : null;
        }
      }}
      onBlur={(e) => {
        if (!nav.current?.contains(e.relatedTarget as Node | null)) {
          setOpen(null);
          setSub(null);
        }
      }}
    >
      <div role="menubar" aria-label="Cueline" className="menubar" onKeyDown={onKeyDown} data-testid="menubar">
        {MENUS.map((menu, i) => (
          <div key={menu.label} role="none" className="menubar-entry">
            <button
              type="button" role="menuitem" data-path={String(i)} tabIndex={i === active ? 0 : -1}
              aria-haspopup="menu" aria-expanded={open === i}
              onClick={() => (open === i ? closeMenus(true) : openMenu(i, 'none'))}
              onMouseEnter={() => { if (open !== null && open !== i) openMenu(i, 'none'); }}
            >
              {menu.label}
            </button>
            {open === i && renderItems(menu.items, String(i), menu.label, false)}
          </div>
        ))}
      </div>
    </nav>
  );
}
