/** The Align dialog's preview: counts, then each kind of change in a list the user can open. */
import { formatClock as clock } from '../time';
import { formatDelta, type AlignPreview, type PreviewCue } from './preview';

/** Longest list shown in full; the rest is counted ("… and 120 more"). */
const LIST_LIMIT = 200;

function CueList<T extends PreviewCue>({ items, detail }: { items: readonly T[]; detail: (item: T) => string }) {
  return (
    <ul className="align-list">
      {items.slice(0, LIST_LIMIT).map((item) => (
        <li key={item.cue}>
          <span className="align-time">{clock(item.start)}</span> <span className="align-detail">{detail(item)}</span> <span className="align-excerpt">{item.excerpt}</span>
        </li>
      ))}
      {items.length > LIST_LIMIT && <li>… and {items.length - LIST_LIMIT} more</li>}
    </ul>
  );
}

function Section<T extends PreviewCue>({ title, items, detail, open }: { title: string; items: readonly T[]; detail: (item: T) => string; open?: boolean }) {
  if (items.length === 0) return null;
  return (
    <details open={open} data-testid={`align-${title.toLowerCase().replace(/\W+/g, '-')}`}>
      <summary>
        {title} ({items.length})
      </summary>
      <CueList items={items} detail={detail} />
    </details>
  );
}

export function AlignPreviewView({ preview }: { preview: AlignPreview }) {
  const { newlyTimed, moved, unchanged, notFound, lowConfidence, largestMove } = preview;
  return (
    // Long previews scroll inside the dialog (set through the CSSOM, which the page's CSP allows).
    <div className="align-preview" data-testid="align-preview" style={{ maxHeight: '55vh', overflowY: 'auto' }}>
      <p>
        {newlyTimed.length} cues newly timed, {moved.length} moved{moved.length ? ` (up to ${largestMove.toFixed(2)} s)` : ''}, {unchanged} unchanged.
        {lowConfidence.length ? ` ${lowConfidence.length} low confidence: they get a warning (F8 walks them).` : ''}
      </p>
      <Section title="Newly timed" items={newlyTimed} detail={(c) => `→ ${clock(c.end)}`} />
      <Section title="Moved" items={moved} detail={(c) => `start ${formatDelta(c.deltaStart)}, end ${formatDelta(c.deltaEnd)}`} />
      <Section title="Words not found" items={notFound} detail={(c) => c.words.join(' ')} open />
      <Section title="Low confidence" items={lowConfidence} detail={(c) => `${Math.round(c.confidence * 100)} %`} open />
    </div>
  );
}
