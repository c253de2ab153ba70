/**
 * Search and replace across the open folder, as VS Code's search view: regex, whole word
 * and match case; results grouped by episode and file with the cue time and the line
 * around each match (a click opens the episode there). "Preview replace" shows each
 * match as a one-line diff with a tick box; Apply writes the ticked ones, file by file.
 */
import type { KeyboardEvent } from 'react';
import { useStore } from '../store';
import type { FolderController, SearchOptions } from './folder-controller';
import { FolderResults } from './FolderResults';

function Toggle({ label, title, on, onChange }: { label: string; title: string; on: boolean; onChange(on: boolean): void }) {
  return <button type="button" className="folder-toggle" title={title} aria-label={title} aria-pressed={on} onClick={() => onChange(!on)}>{label}</button>;
}

export function FolderSearchPanel({ folder }: { folder: FolderController }) {
  const { options, search } = useStore(folder.state);
  const set = (change: Partial<SearchOptions>) => folder.setOptions(change);
  const onKey = (mode: 'search' | 'preview') => (e: KeyboardEvent) => { if (e.key === 'Enter') void folder.run(mode); };
  const mine = search?.source === 'query' ? search : null;
  return (
    <section className="folder-search" aria-label="Search in folder">
      <div className="folder-search-row">
        <input type="search" aria-label="Search in folder" placeholder="Search" value={options.text} onChange={(e) => set({ text: e.target.value })} onKeyDown={onKey('search')} />
        <Toggle label=".*" title="Use regular expression" on={options.regex} onChange={(regex) => set({ regex })} />
        <Toggle label="ab" title="Match whole word" on={options.wholeWord} onChange={(wholeWord) => set({ wholeWord })} />
        <Toggle label="Aa" title="Match case" on={options.caseSensitive} onChange={(caseSensitive) => set({ caseSensitive })} />
      </div>
      <div className="folder-search-row">
        <input type="text" aria-label="Replace with" placeholder="Replace" value={options.replace} onChange={(e) => set({ replace: e.target.value })} onKeyDown={onKey('preview')} />
      </div>
      <div className="folder-search-row">
        <button type="button" disabled={!options.text} onClick={() => void folder.run('search')}>Search</button>
        <button type="button" disabled={!options.text} onClick={() => void folder.run('preview')}>Preview replace</button>
      </div>
      {mine && <FolderResults folder={folder} search={mine} />}
    </section>
  );
}
