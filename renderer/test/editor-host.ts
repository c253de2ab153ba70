/**
 * What editor commands use of an EditorView, for Node-level tests of the editor's
 * extensions: real CodeMirror state and transactions, `dispatch` applying them, every
 * transaction kept for inspection. (No DOM: plugins are absent, `focus` does nothing.)
 */
import { EditorState, type Extension, type Transaction, type TransactionSpec } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';

export interface TestHost {
  state: EditorState;
  transactions: Transaction[];
  dispatch(...specs: (TransactionSpec | Transaction)[]): void;
  plugin(): null;
  focus(): void;
  /** The host as the EditorView commands take. */
  view: EditorView;
}

export function editorHost(doc: string, extensions: Extension = []): TestHost {
  const host: TestHost = {
    state: EditorState.create({ doc, extensions }),
    transactions: [],
    dispatch(...specs) {
      const tr = specs.length === 1 && 'startState' in specs[0]! ? (specs[0] as Transaction) : host.state.update(...(specs as TransactionSpec[]));
      host.transactions.push(tr);
      host.state = tr.state;
    },
    plugin: () => null,
    focus: () => {},
    get view() {
      return host as unknown as EditorView;
    },
  };
  return host;
}
