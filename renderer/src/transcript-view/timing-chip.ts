/**
 * A cue's timing line as a compact chip (`01:22.16 · 28.3 s`): the id and settings sit
 * behind it (its tooltip). A click turns it into an input holding the timing text;
 * Enter applies the new times as one transaction (retimeCue: only timestamp bytes
 * change), Escape or leaving the field cancels. The keyboard timing commands keep
 * working on the document, and the chip follows.
 */
import type { Text } from '@codemirror/state';
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

/**
 * Rules equal in value: the settings hand the editor a new rules object on every change
 * (and when they first load), and equal chips must stay equal then, or every chip of the
 * file would count as changed and CodeMirror would measure the whole document again.
 */
export function sameRules(a: Readonly<QaRules>, b: Readonly<QaRules>): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof QaRules)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** The chip each element shows now. */
const DRAWN = new WeakMap<HTMLElement, TimingChip>();

export class TimingChip extends WidgetType {
  private shown: { text: string; details: string; level: 'ok' | 'warn' | 'error'; more: boolean } | null = null;

  /**
   * Keeps what the chip is drawn from; the figures are worked out when it is first drawn
   * (or read), so a file's chips cost nothing until they scroll into view: a transcript
   * opens as fast as its raw text.
   */
  private source: { timing: string; id: string } | null = null;

  private constructor(
    readonly cue: VttCue,
    /** The document the cue is in (its timing line and id are read from it when needed). */
    readonly doc: Text,
    readonly rules: Readonly<QaRules>,
  ) {
    super();
  }

  /** The chip of `cue` in `doc`; its QA figures (duration, characters per second) go in its tooltip and colour. */
  static of(cue: VttCue, doc: Text, rules: Readonly<QaRules>): TimingChip {
    return new TimingChip(cue, doc, rules);
  }

  /** The timing line as written. */
  get timing(): string {
    return this.read().timing;
  }
  get id(): string {
    return this.read().id;
  }
  private read(): { timing: string; id: string } {
    const { cue, doc } = this;
    return (this.source ??= { timing: doc.sliceString(cue.timingRange.from, cue.timingRange.to), id: cue.idRange ? doc.sliceString(cue.idRange.from, cue.idRange.to) : '' });
  }

  private get figures() {
    if (this.shown) return this.shown;
    const { cue, timing, id } = this;
    const settings = timing.slice(cue.settingsRange.from - cue.timingRange.from).trim();
    const figures = shownFigures(cue, this.rules);
    const details = [figures.text, id && `id ${id}`, settings && `settings ${settings}`].filter(Boolean).join(' · ');
    return (this.shown = { text: chipText(cue.start, cue.end), details, level: figures.error ? 'error' : figures.warn ? 'warn' : 'ok', more: !!(id || settings) });
  }

  get text(): string {
    return this.figures.text;
  }
  /** Figures, id and settings, for the tooltip. */
  get details(): string {
    return this.figures.details;
  }
  get level(): 'ok' | 'warn' | 'error' {
    return this.figures.level;
  }
  /** The cue has an id or settings behind the chip (drawn dashed). */
  get more(): boolean {
    return this.figures.more;
  }

  /** Same inputs, same chip: the figures follow from the cue's times and text, the timing line, the id and the rules. */
  override eq(other: TimingChip): boolean {
    if (!sameRules(other.rules, this.rules) || other.cue.text !== this.cue.text || other.cue.start !== this.cue.start || other.cue.end !== this.cue.end) return false;
    // The same document and place hold the same timing line and id (new settings rebuild every chip on the same text).
    const a = this.cue;
    const b = other.cue;
    if (other.doc === this.doc && a.timingRange.from === b.timingRange.from && a.timingRange.to === b.timingRange.to && a.idRange?.from === b.idRange?.from && a.idRange?.to === b.idRange?.to) return true;
    return other.timing === this.timing && other.id === this.id;
  }

  toDOM(view: EditorView): HTMLElement {
    const chip = document.createElement('span');
    chip.setAttribute('role', 'button');
    this.draw(chip);
    chip.addEventListener('mousedown', (e) => {
      if (chip.querySelector('input')) return;
      e.preventDefault();
      // The chip drawn here now: a redraw in place (updateDOM) gives the element a newer one.
      (DRAWN.get(chip) ?? this).edit(view, chip);
    });
    return chip;
  }

  /**
   * Typing in a cue changes its characters per second (tooltip, colour) but not its times:
   * the chip is redrawn in place, so the line being typed in keeps its elements.
   */
  override updateDOM(dom: HTMLElement): boolean {
    if (dom.querySelector('input')) return false;
    this.draw(dom);
    return true;
  }

  private draw(chip: HTMLElement): void {
    DRAWN.set(chip, this);
    // Each keystroke in the cue redraws its chip (the tooltip's characters per second): only
    // what differs is written, so its text node and class stay and the line is not laid out again.
    const className = 'cm-tv-chip' + (this.level !== 'ok' ? ` cm-tv-chip-${this.level}` : '') + (this.more ? ' cm-tv-chip-more' : '');
    if (chip.className !== className) chip.className = className;
    if (chip.textContent !== this.text) chip.textContent = this.text;
    chip.title = `${this.timing}\n${this.details}\nClick to edit the times`;
    const label = `Cue times ${this.timing}. Edit`;
    if (chip.getAttribute('aria-label') !== label) chip.setAttribute('aria-label', label);
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
