/**
 * Search and replace across the open folder, as VS Code's search view: regex, whole word
 * and match case; results grouped by episode and file with the cue time and the line
 * around each match (a click opens the episode there). "Preview replace" shows each
 * match as a one-line diff with a tick box; Apply writes the ticked ones, file by file.
 */
import type { KeyboardEvent } from 'react';
import type { FolderFileMatches, FolderMatch } from '../../../shared/ipc/folder-contract';
import { useStore } from '../store';
import { formatClock } from '../time';
import { matchKey, type FolderController, type SearchOptions } from './folder-controller';

/** Match rows drawn at most; the rest are counted (and applied unless unticked). */
const MAX_ROWS = 2000;
/** Characters of the line shown before a match. */
const LEAD = 24;

function Toggle({ label, title, on, onChange }: { label: string; title: string; on: boolean; onChange(on: boolean): void }) {
  return <button type="button" className="folder-toggle" title={title} aria-label={title} aria-pressed={on} onClick={() => onChange(!on)}>{label}</button>;
}

function MatchRow({ folder, file, match, index, preview, ticked }: { folder: FolderController; file: FolderFileMatches; match: FolderMatch; index: number; preview: boolean; ticked: boolean }) {
  // A few words before the match, so the match itself is in view in a narrow sidebar.
  const lead = match.context.slice(0, match.contextFrom);
  const before = lead.length > LEAD ? `…${lead.slice(lead.length - LEAD).replace(/^\S*\s/, '')}` : lead;
  const found = match.context.slice(match.contextFrom, match.contextTo);
  const after = match.context.slice(match.contextTo);
  const replacement = match.replaced.slice(match.contextFrom, match.replaced.length - after.length);
  const where = `${file.name}:${match.line}:${match.column}`;
  const open = () => void folder.openEpisode(file.episode, { kind: file.kind, match });
  return (
    <li className={`folder-match${preview && !ticked ? ' folder-match-off' : ''}`} data-testid="folder-match">
      {preview && <input type="checkbox" checked={ticked} aria-label={`Replace at ${where}`} onChange={() => folder.toggle(file.file, index)} />}
      <button type="button" className="folder-match-open" title={`Open at ${where}`} onClick={open}>
        <span className="folder-match-time">{match.time === null ? `L${match.line}` : formatClock(match.time)}</span>
        {preview ? (
          <span className="folder-match-text">{before}<del>{found}</del><ins>{replacement}</ins>{after}</span>
        ) : (
          <span className="folder-match-text">{before}<mark>{found}</mark>{after}</span>
        )}
      </button>
    </li>
  );
}

export function FolderSearchPanel({ folder }: { folder: FolderController }) {
  const { options, search, busy, listing } = useStore(folder.state);
  const set = (change: Partial<SearchOptions>) => folder.setOptions(change);
  const onKey = (mode: 'search' | 'preview') => (e: KeyboardEvent) => { if (e.key === 'Enter') void folder.run(mode); };
  const result = search?.result ?? null;
  const preview = search?.mode === 'preview';
  const total = result?.files.reduce((n, f) => n + f.matches.length, 0) ?? 0;
  const ticked = preview ? total - (search?.excluded.size ?? 0) : 0;
  const episodeName = new Map(listing?.episodes.map((e) => [e.id, e.name]));
  const byEpisode = new Map<string, FolderFileMatches[]>();
  for (const f of result?.files ?? []) byEpisode.set(f.episode, [...(byEpisode.get(f.episode) ?? []), f]);
  let rows = 0;
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
        {preview && result && <button type="button" disabled={busy || !ticked} onClick={() => void folder.apply()}>Apply {ticked}</button>}
      </div>
      {search?.progress && (
        <div className="folder-progress" role="status">
          <progress aria-label="Searching the folder" value={search.progress.done} max={Math.max(1, search.progress.total)} />
          <span>{search.progress.done} / {search.progress.total} files</span>
          <button type="button" onClick={() => folder.cancel()}>Cancel</button>
        </div>
      )}
      {result && (
        <p className="folder-summary" data-testid="folder-summary">
          {total} match{total === 1 ? '' : 'es'} in {result.files.length} file{result.files.length === 1 ? '' : 's'} ({result.filesSearched} searched)
          {result.truncated ? '; more not listed' : ''}
          {result.files.some((f) => f.refused) ? `; ${result.files.reduce((n, f) => n + f.refused, 0)} left alone (would write markup)` : ''}
        </p>
      )}
      <ul className="folder-results" aria-label="Results">
        {[...byEpisode].map(([episode, files]) => (
          <li key={episode} className="folder-result-episode" data-testid="folder-result-episode">
            <div className="folder-result-title">{episodeName.get(episode) ?? episode}</div>
            {files.map((file) => (
              <div key={file.file} className="folder-result-file">
                <div className="folder-result-name">{file.name} <span className="folder-count">{file.matches.length}</span></div>
                <ul>
                  {file.matches.map((match, index) => (rows++ < MAX_ROWS ? (
                    <MatchRow key={index} folder={folder} file={file} match={match} index={index} preview={preview} ticked={!search?.excluded.has(matchKey(file.file, index))} />
                  ) : null))}
                </ul>
              </div>
            ))}
          </li>
        ))}
      </ul>
      {rows > MAX_ROWS && <p className="folder-summary">{rows - MAX_ROWS} more matches not drawn{preview ? ' (they are replaced unless the search is narrowed)' : ''}.</p>}
    </section>
  );
}
