/**
 * A modal dialog: `<dialog>` opened with showModal (the rest of the page is inert),
 * announced as `role="dialog"` with `aria-modal`, titled by its heading, and keeping
 * Tab / Shift+Tab inside it (from the last control back to the first). Esc closes it
 * (the browser's own cancel); the window's Esc handler leaves the key alone while a
 * dialog is open, so Esc never plays or pauses behind one.
 */
import { useCallback, useEffect, useId, useRef, type KeyboardEvent } from 'react';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), a[href]';

export function useModal() {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const close = useCallback(() => ref.current?.close(), []);
  const onKeyDown = useCallback((e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab' || e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey) return;
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    } else if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    }
  }, []);
  return { ref, close, titleId, props: { ref, role: 'dialog', 'aria-modal': true, 'aria-labelledby': titleId, onKeyDown } as const };
}
