/**
 * A cue's timing line as a compact chip (`01:22.16 · 28.3 s`): the id and settings sit
 * behind it (its tooltip). A click turns it into an input holding the timing text;
 * Enter applies the new times as one transaction (retimeCue: only timestamp bytes
 * change), Escape or leaving the field cancels. The keyboard timing commands keep
 * working on the document, and the chip follows.
 */
import { WidgetType, type EditorView } from '@codemirror/view';
import { retimeCue } from '../../../shared/formats/vtt/edit';
import { parseVttTimestamp } from '../../../shared/formats/timestamp';
import type { VttCue } from '../../../shared/formats/vtt/types';
import type { QaRules } from '../../../shared/timing/qa';
import { cuesOf, vttOf } from '../editor/cue-field';
import { shownFigures } from '../editor/cue-figures';

/** `01:22.16` under an hour, `1:01:22.16` from one on (centiseconds, as the eye reads them). */
export function chipClock(seconds: number): string {
  const cs = Math.round(Math.max(0, seconds) * 100);
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = ((cs % 6000) / 100).toFixed(2).padStart(5, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${String(m).padStart(2, '0')}:${s}`;
}

export function chipText(start: number, end: number): string {
  const d = end - start;
  return `${chipClock(start)} · ${d < 0 ? '−' : ''}${Math.abs(d).toFixed(1)} s`;
}

/** The cue a chip stands for: the first cue starting at or after the widget's position. */
function cueOfChip(view: EditorView, dom: HTMLElement): VttCue | null {
  const pos = view.posAtDOM(dom);
  return cuesOf(view.state).find((c) => c.range.from >= pos) ?? null;
}

export class TimingChip extends WidgetType {
  constructor(
    readonly text: string,
    /** Figures, id and settings, for the tooltip. */
    readonly details: string,
    readonly timing: string,
    readonly level: 'ok' | 'warn' | 'error',
    /** The cue has an id or settings behind the chip (drawn dashed). */
    readonly more: boolean,
  ) {
    super();
  }

  /** The chip of `cue`; its QA figures (duration, characters per second) go in its tooltip and colour. */
  static of(cue: VttCue, timing: string, id: string, rules: Readonly<QaRules>): TimingChip {
    const settings = timing.slice(cue.settingsRange.from - cue.timingRange.from).trim();
    const figures = shownFigures(cue, rules);
    const details = [figures.text, id && `id ${id}`, settings && `settings ${settings}`].filter(Boolean).join(' · ');
    return new TimingChip(chipText(cue.start, cue.end), details, timing, figures.error ? 'error' : figures.warn ? 'warn' : 'ok', !!(id || settings));
  }

  override eq(other: TimingChip): boolean {
    return other.text === this.text && other.details === this.details && other.timing === this.timing && other.level === this.level && other.more === this.more;
  }

  toDOM(view: EditorView): HTMLElement {
    const chip = document.createElement('span');
    chip.className = 'cm-tv-chip' + (this.level !== 'ok' ? ` cm-tv-chip-${this.level}` : '') + (this.more ? ' cm-tv-chip-more' : '');
    chip.textContent = this.text;
    chip.title = `${this.timing}\n${this.details}\nClick to edit the times`;
    chip.setAttribute('role', 'button');
    chip.setAttribute('aria-label', `Cue times ${this.timing}. Edit`);
    chip.addEventListener('mousedown', (e) => {
      if (chip.querySelector('input')) return;
      e.preventDefault();
      this.edit(view, chip);
    });
    return chip;
  }

  private edit(view: EditorView, chip: HTMLElement): void {
    const input = document.createElement('input');
    input.className = 'cm-tv-chip-input';
    input.value = this.timing.split(/\s+/).slice(0, 3).join(' ');
    input.setAttribute('aria-label', 'Cue times (start --> end)');
    input.size = Math.max(20, input.value.length);
    chip.textContent = '';
    chip.appendChild(input);
    const restore = () => {
      chip.textContent = this.text;
    };
    input.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Escape') {
        e.preventDefault();
        restore();
        view.focus();
      } else if (e.key === 'Enter') {
        e.preventDefault();
        const problem = this.apply(view, chip, input.value);
        if (problem) {
          input.setAttribute('aria-invalid', 'true');
          input.title = problem;
        } else view.focus();
      }
    });
    input.addEventListener('blur', () => {
      if (chip.contains(input)) restore();
    });
    input.focus();
    input.select();
  }

  /** Applies `value` (`start --> end`) to the chip's cue; returns why not, or null. */
  private apply(view: EditorView, chip: HTMLElement, value: string): string | null {
    const m = /^\s*(\S+)\s*-->\s*(\S+)\s*$/.exec(value);
    const start = m ? parseVttTimestamp(m[1]!) : null;
    const end = m ? parseVttTimestamp(m[2]!) : null;
    if (start === null || end === null) return 'Write the times as 00:01:02.500 --> 00:01:05.000';
    if (end < start) return 'The end is before the start';
    const cue = cueOfChip(view, chip);
    if (!cue) return 'This cue is gone';
    const changes = retimeCue(vttOf(view.state), cue, { start, end });
    chip.textContent = this.text;
    if (changes.length) view.dispatch({ changes, userEvent: 'input.timing.edit' });
    return null;
  }

  override ignoreEvent(): boolean {
    return true;
  }
}
