/**
 * A piece of text the transcript view draws in place of markup: a speaker label, a
 * decoded character, a note. One widget class, told apart by its CSS class; `colour`
 * sets `--speaker-colour` for labels.
 */
import { WidgetType } from '@codemirror/view';

export class TextWidget extends WidgetType {
  constructor(readonly className: string, readonly text: string, readonly colour: string | null = null, readonly title: string | null = null) {
    super();
  }
  override eq(other: TextWidget): boolean {
    return other.className === this.className && other.text === this.text && other.colour === this.colour && other.title === this.title;
  }
  toDOM(): HTMLElement {
    const span = document.createElement('span');
    span.className = this.className;
    span.textContent = this.text;
    if (this.colour) span.style.setProperty('--speaker-colour', this.colour);
    if (this.title) span.title = this.title;
    return span;
  }
}
