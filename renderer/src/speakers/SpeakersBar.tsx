/**
 * The Speakers panel, a strip above the editor: the view toggle (transcript view / raw
 * WebVTT), each speaker of the open transcript with its cue count and talk time, and the
 * speaker commands (set on the selected cues, rename everywhere, merge into another,
 * move words to the previous or next cue). Built from the cues the editor publishes
 * (CueTimeline), so it follows every edit and undo; each command is one editor
 * transaction.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { EditorView } from '@codemirror/view';
import { formatTalkTime, speakerColour, speakerStats, type SpeakerStat } from '../../../shared/speakers';
import type { AppCore } from '../app-core';
import { setViewMode, viewModeOf, VIEW_MODE_EVENT, type EditorViewMode } from '../transcript-view';
import { mergeSpeakerIn, moveWordsToNext, moveWordsToPrevious, renameSpeakerIn, setSpeakerOfSelection } from './commands';

// Inline: the strip's few rules live with it (styles.css holds the app's shared look).
const BAR = { display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', padding: '4px 10px', borderBottom: '1px solid var(--border)', background: 'var(--panel)', fontSize: 13 } as const;
const LIST = { display: 'flex', gap: 14, flexWrap: 'wrap', listStyle: 'none', margin: 0, padding: 0 } as const;
const ITEM = { display: 'flex', gap: 4, alignItems: 'center' } as const;
const SWATCH = { width: 10, height: 10, borderRadius: '50%', display: 'inline-block' } as const;
const MUTED = { color: 'var(--muted)' } as const;
const PRESSED = { background: 'var(--accent)', color: 'var(--accent-fg)', borderColor: 'var(--accent)' } as const;
const MERGE = { maxWidth: '8.5em' } as const;

/** How long after the last edit the speaker figures are recounted, ms. */
const STATS_DELAY_MS = 120;

const sameStats = (a: readonly SpeakerStat[], b: readonly SpeakerStat[]) =>
  a.length === b.length && a.every((s, i) => s.name === b[i]!.name && s.cues === b[i]!.cues && Math.abs(s.talkTime - b[i]!.talkTime) < 0.05);

export function SpeakersBar({ core }: { core: Pick<AppCore, 'timeline'> }) {
  const [stats, setStats] = useState<SpeakerStat[]>([]);
  const [mode, setMode] = useState<EditorViewMode | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);

  useEffect(() => {
    // Counting is kept off the keystroke: the figures follow a moment after typing pauses.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const count = () => {
      const next = speakerStats(core.timeline.snapshot.cues);
      setStats((old) => (sameStats(old, next) ? old : next));
    };
    const read = () => {
      const view = core.timeline.editor;
      setMode(view ? viewModeOf(view.state) : null);
      clearTimeout(timer);
      timer = setTimeout(count, STATS_DELAY_MS);
    };
    count();
    read();
    // The view can change by key too (Ctrl/Cmd+Alt+R), with no document change to publish.
    const view = core.timeline.editor;
    view?.dom.addEventListener(VIEW_MODE_EVENT, read);
    const stop = core.timeline.on('update', read);
    return () => {
      clearTimeout(timer);
      stop();
      view?.dom.removeEventListener(VIEW_MODE_EVENT, read);
    };
  }, [core, core.timeline.editor]);

  const view = core.timeline.editor;
  if (!view || mode === null) return null;
  const run = (fn: (v: EditorView) => unknown) => {
    fn(view);
    view.focus();
  };
  const rename = (from: string) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') setRenaming(null);
    if (e.key !== 'Enter') return;
    const to = e.currentTarget.value;
    setRenaming(null);
    run((v) => renameSpeakerIn(v, from, to));
  };

  return (
    <section className="speakers-bar" aria-label="Speakers" data-testid="speakers" style={BAR}>
      <button
        aria-pressed={mode === 'transcript'}
        style={mode === 'transcript' ? PRESSED : undefined}
        title="Transcript view (off: the raw WebVTT text), Ctrl+Alt+R"
        onClick={() => {
          const next = mode === 'transcript' ? 'raw' : 'transcript';
          setViewMode(view, next);
          setMode(next);
          view.focus();
        }}
      >
        Transcript view
      </button>
      <span className="speakers-title" style={MUTED}>{stats.length ? 'Speakers' : 'No speakers (<v Name> tags)'}</span>
      <ul className="speakers-list" style={LIST}>
        {stats.map((s) => (
          <li key={s.name} data-testid="speaker" data-name={s.name} style={ITEM}>
            <span className="speaker-swatch" style={{ ...SWATCH, background: speakerColour(s.name) }} aria-hidden="true" />
            {renaming === s.name ? (
              <input aria-label={`New name for ${s.name}`} defaultValue={s.name} autoFocus onKeyDown={rename(s.name)} onBlur={() => setRenaming(null)} />
            ) : (
              <span className="speaker-name">{s.name}</span>
            )}
            <span className="speaker-figures" style={MUTED}>{s.cues} cues · {formatTalkTime(s.talkTime)}</span>
            <button title={`Make ${s.name} the speaker of the selected cues`} onClick={() => run((v) => setSpeakerOfSelection(v, s.name))}>Set</button>
            <button title={`Rename ${s.name} everywhere`} onClick={() => setRenaming(s.name)}>Rename</button>
            {stats.length > 1 && (
              <select aria-label={`Merge ${s.name} into`} style={MERGE} value="" onChange={(e) => e.target.value && run((v) => mergeSpeakerIn(v, s.name, e.target.value))}>
                <option value="">Merge into…</option>
                {stats.filter((o) => o.name !== s.name).map((o) => <option key={o.name} value={o.name}>{o.name}</option>)}
              </select>
            )}
          </li>
        ))}
      </ul>
      <button title="Move the words before the cursor to the previous cue (Alt+Shift+Up)" onClick={() => run(moveWordsToPrevious)}>Words to previous</button>
      <button title="Move the words after the cursor to the next cue (Alt+Shift+Down)" onClick={() => run(moveWordsToNext)}>Words to next</button>
    </section>
  );
}
