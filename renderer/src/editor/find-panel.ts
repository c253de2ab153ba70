/**
 * Find and replace for transcripts, as CodeMirror's search panel: regex, whole word,
 * match case; replace one or all (one transaction, so one undo) with a count; and the
 * list of matches, each with the start time of its cue, to jump to. Matches inside
 * timing lines and the header are skipped, so "replace all 00 with 01" can never
 * corrupt timestamps.
 */
import type { EditorState } from '@codemirror/state';
import { EditorSelection } from '@codemirror/state';
import { EditorView, type Panel, type ViewUpdate } from '@codemirror/view';
import {
  SearchQuery,
  closeSearchPanel,
  findNext,
  findPrevious,
  getSearchQuery,
  replaceAll,
  replaceNext,
  search,
  setSearchQuery,
} from '@codemirror/search';
import { formatClock } from '../../../shared/formats/timestamp';
import { cueIndexAt } from '../../../shared/timing/cue-at';
import { vttField } from './cue-field';
import { jumpTo } from './jump';

/** Shown in the list; more are counted but not listed (the list is for jumping, not reading). */
const MAX_LISTED = 500;

/** Whether a match may be found/replaced: not in a timing line, not in the header. */
export function editableMatch(state: EditorState, from: number, to: number): boolean {
  const doc = state.field(vttField);
  if (from < doc.bodyStart) return false;
  const cue = doc.cues[cueIndexAt(doc.cues, from)];
  return !cue || to <= cue.timingRange.from || from >= cue.timingRange.to;
}

const matchTest = (_match: string, state: EditorState, from: number, to: number) => editableMatch(state, from, to);

export interface MatchEntry {
  from: number;
  to: number;
  /** Start of the cue the match is in (null outside cues). */
  time: number | null;
  line: number;
  context: string;
}

export function listMatches(state: EditorState, query: SearchQuery, limit = MAX_LISTED): { total: number; entries: MatchEntry[] } {
  const entries: MatchEntry[] = [];
  let total = 0;
  if (!query.valid) return { total, entries };
  const cues = state.field(vttField).cues;
  const cursor = query.getCursor(state) as Iterator<{ from: number; to: number }>;
  for (let r = cursor.next(); !r.done; r = cursor.next()) {
    total++;
    if (entries.length >= limit) continue;
    const { from, to } = r.value;
    const line = state.doc.lineAt(from);
    const cue = cues[cueIndexAt(cues, from)];
    const inCue = cue && from <= cue.range.to;
    entries.push({
      from,
      to,
      time: inCue ? cue.start : null,
      line: line.number,
      context: line.text.slice(Math.max(0, from - line.from - 30), to - line.from + 30),
    });
  }
  return { total, entries };
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

class FindPanel implements Panel {
  readonly dom: HTMLElement;
  readonly top = true;
  private readonly searchInput: HTMLInputElement;
  private readonly replaceInput: HTMLInputElement;
  private readonly caseBox: HTMLInputElement;
  private readonly regexBox: HTMLInputElement;
  private readonly wordBox: HTMLInputElement;
  private readonly count: HTMLElement;
  private readonly list: HTMLOListElement;
  private query: SearchQuery;
  private pending = 0;
  /** "Replaced N", shown until the query changes (the count after typing would hide it). */
  private note: string | null = null;

  constructor(private readonly view: EditorView) {
    this.query = getSearchQuery(view.state);
    const keydown = (e: KeyboardEvent) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        if (e.target === this.replaceInput) replaceNext(view);
        else (e.shiftKey ? findPrevious : findNext)(view);
      }
    };
    this.searchInput = el('input', { type: 'text', value: this.query.search, placeholder: 'Find', className: 'cm-textfield', onkeydown: keydown, oninput: () => this.commit() });
    this.searchInput.setAttribute('main-field', 'true');
    this.searchInput.setAttribute('aria-label', 'Find');
    this.replaceInput = el('input', { type: 'text', value: this.query.replace, placeholder: 'Replace', className: 'cm-textfield', onkeydown: keydown, oninput: () => this.commit() });
    this.replaceInput.setAttribute('aria-label', 'Replace');
    const box = (label: string, checked: boolean) => {
      const input = el('input', { type: 'checkbox', checked, onchange: () => this.commit() });
      return [input, el('label', {}, input, ` ${label}`)] as const;
    };
    const [caseBox, caseLabel] = box('Match case', this.query.caseSensitive);
    const [regexBox, regexLabel] = box('Regex', this.query.regexp);
    const [wordBox, wordLabel] = box('Whole word', this.query.wholeWord);
    this.caseBox = caseBox;
    this.regexBox = regexBox;
    this.wordBox = wordBox;
    const button = (label: string, run: () => void, name: string) => el('button', { type: 'button', className: 'cm-button', name, onclick: run }, label);
    this.count = el('span', { className: 'cue-find-count' });
    this.count.setAttribute('data-testid', 'find-count');
    this.list = el('ol', { className: 'cue-find-list' });
    this.list.setAttribute('data-testid', 'find-list');
    this.dom = el(
      'div',
      { className: 'cue-find' },
      el('div', { className: 'cue-find-row' }, this.searchInput, button('Next', () => findNext(view), 'next'), button('Previous', () => findPrevious(view), 'prev'), caseLabel, regexLabel, wordLabel, this.count),
      el('div', { className: 'cue-find-row' }, this.replaceInput, button('Replace', () => replaceNext(view), 'replace'), button('Replace all', () => this.replaceAll(), 'replaceAll'), button('Close', () => closeSearchPanel(view), 'close')),
      this.list,
    );
    this.dom.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        closeSearchPanel(view);
        view.focus();
      }
    });
    this.refresh();
    // The query CodeMirror opens with (the selected word) lacks the timing-line filter.
    queueMicrotask(() => this.commit());
  }

  /** Opened (Ctrl/Cmd+F): the query field takes the focus, its text (the selection) selected. */
  mount() {
    this.searchInput.focus();
    this.searchInput.select();
  }

  private commit() {
    const query = new SearchQuery({
      search: this.searchInput.value,
      replace: this.replaceInput.value,
      caseSensitive: this.caseBox.checked,
      regexp: this.regexBox.checked,
      wholeWord: this.wordBox.checked,
      test: matchTest,
    });
    if (!query.eq(this.query)) this.view.dispatch({ effects: setSearchQuery.of(query) });
  }

  private replaceAll() {
    const { total } = listMatches(this.view.state, this.query, 0);
    if (total && replaceAll(this.view)) {
      this.note = `Replaced ${total}`;
      this.count.textContent = this.note;
    }
  }

  update(u: ViewUpdate) {
    const query = getSearchQuery(u.state);
    if (!query.eq(this.query)) {
      this.query = query;
      this.note = null;
      if (this.searchInput.value !== query.search) this.searchInput.value = query.search;
      if (this.replaceInput.value !== query.replace) this.replaceInput.value = query.replace;
      this.caseBox.checked = query.caseSensitive;
      this.regexBox.checked = query.regexp;
      this.wordBox.checked = query.wholeWord;
      this.refresh();
    } else if (u.docChanged) {
      // Typing in a long file: list again once typing pauses.
      clearTimeout(this.pending);
      this.pending = window.setTimeout(() => this.refresh(), 150);
    }
  }

  private refresh() {
    const { total, entries } = listMatches(this.view.state, this.query);
    const invalid = this.query.search !== '' && !this.query.valid;
    this.count.textContent = this.note ?? (invalid ? 'Invalid pattern' : this.query.search ? `${total} match${total === 1 ? '' : 'es'}` : '');
    const items = entries.map((m) => {
      const time = el('span', { className: 'cue-find-time' }, m.time === null ? `line ${m.line}` : formatClock(m.time, { hours: 'auto' }));
      const item = el('li', { className: 'cue-find-item', tabIndex: 0 }, time, el('span', { className: 'cue-find-context' }, m.context));
      const go = () => {
        jumpTo(this.view, EditorSelection.range(m.from, m.to), 'select.search');
        this.view.focus();
      };
      item.onclick = go;
      item.onkeydown = (e) => { if (e.key === 'Enter') go(); };
      return item;
    });
    if (total > entries.length) items.push(el('li', { className: 'cue-find-more' }, `${total - entries.length} more not listed`));
    this.list.replaceChildren(...items);
  }

  destroy() {
    clearTimeout(this.pending);
  }
}

/** The search extension with the transcript find panel. */
export function transcriptSearch() {
  return search({
    top: true,
    createPanel: (view) => new FindPanel(view),
    // Next / Previous put the match in the middle of the view, not at its edge.
    scrollToMatch: (range) => EditorView.scrollIntoView(range, { y: 'center' }),
  });
}
