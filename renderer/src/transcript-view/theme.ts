/** Looks of the transcript view: chips, speaker labels, notes; light and dark. */
import { EditorView } from '@codemirror/view';

export const transcriptViewTheme = EditorView.baseTheme({
  // Line numbers count hidden lines: meaningless here. CodeMirror's gutter rule is !important.
  '&.cm-transcript-view .cm-lineNumbers': { display: 'none !important' },
  // Prose reads better proportional; the raw view keeps the app's monospace.
  '&.cm-transcript-view .cm-scroller': { fontFamily: 'system-ui, -apple-system, "Segoe UI", sans-serif', fontSize: '15px' },
  '&.cm-transcript-view .cm-line': { paddingTop: '0.35em', lineHeight: '1.55' },
  '.cm-tv-chip': {
    display: 'inline-block',
    marginRight: '0.6em',
    padding: '0 0.45em',
    borderRadius: '0.7em',
    fontSize: '78%',
    fontVariantNumeric: 'tabular-nums',
    color: '#2563a8',
    backgroundColor: '#2563a814',
    border: '1px solid #2563a833',
    cursor: 'pointer',
    userSelect: 'none',
    verticalAlign: '0.08em',
  },
  '.cm-tv-chip-more': { borderStyle: 'dashed' },
  '.cm-tv-chip-warn': { color: '#b03a2e', borderColor: '#c0392b66', backgroundColor: '#c0392b0f' },
  '.cm-tv-chip-error': { color: '#c0392b', borderColor: '#c0392b', fontWeight: '600', textDecoration: 'underline wavy' },
  '.cm-tv-chip-input': { font: 'inherit', fontSize: '100%', border: 'none', background: 'transparent', color: 'inherit', outline: '1px solid currentColor' },
  '.cm-tv-speaker': {
    fontWeight: '600',
    color: 'var(--speaker-colour)',
    marginRight: '0.5em',
  },
  '.cm-tv-note': { color: '#6b7280', fontStyle: 'italic', fontSize: '90%' },
  '.cm-tv-notice': { padding: '0.25em 0.6em', fontSize: '90%', color: '#8a4b00', backgroundColor: '#fff4e0' },
  '&dark .cm-tv-chip': { color: '#7fb0ec', backgroundColor: '#7fb0ec1a', borderColor: '#7fb0ec44' },
  '&dark .cm-tv-chip.cm-tv-chip-warn, &dark .cm-tv-chip.cm-tv-chip-error': { color: '#ff9a8f', borderColor: '#ff9a8f88' },
  '&dark .cm-tv-note': { color: '#9aa3b2' },
  '&dark .cm-tv-notice': { color: '#ffd9a0', backgroundColor: '#3a2a10' },
});
