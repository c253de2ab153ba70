/**
 * The matches of a folder search or replace preview, grouped by episode and file, each
 * with its cue time and the line around it (a click opens the episode there). In a
 * preview each match is a one-line diff with a tick box, and Apply writes the ticked ones.
 */
import type { FolderFileMatches, FolderMatch } from '../../../shared/ipc/folder-contract';
import { useStore } from '../store';
import { formatClock } from '../time';
import { matchKey, type FolderController, type FolderSearch } from './folder-controller';

/** Match rows drawn at most; the rest are counted (and applied unless unticked). */
const MAX_ROWS = 2000;
/** Characters of the line shown before a match. */
const LEAD = 24;

/** A few words before the match, so the match itself is in view in a narrow sidebar. */
export function leadIn(context: string, at: number): string {
  const lead = context.slice(0, at);
  return lead.length > LEAD ? `…${lead.slice(lead.length - LEAD).replace(/^\S*\s/, '')}` : lead;
}

function MatchRow({ folder, file, match, index, preview, ticked }: { folder: FolderController; file: FolderFileMatches; match: FolderMatch; index: number; preview: boolean; ticked: boolean }) {
  const before = leadIn(match.context, match.contextFrom);
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

export function FolderResults({ folder, search }: { folder: FolderController; search: FolderSearch }) {
  const { listing, busy } = useStore(folder.state);
  const result = search.result;
  const preview = search.mode === 'preview';
  const total = result?.files.reduce((n, f) => n + f.matches.length, 0) ?? 0;
  const ticked = preview ? total - search.excluded.size : 0;
  const episodeName = new Map(listing?.episodes.map((e) => [e.id, e.name]));
  const byEpisode = new Map<string, FolderFileMatches[]>();
  for (const f of result?.files ?? []) if (f.matches.length) byEpisode.set(f.episode, [...(byEpisode.get(f.episode) ?? []), f]);
  const fileCount = [...byEpisode.values()].reduce((n, f) => n + f.length, 0);
  let rows = 0;
  return (
    <>
      {search.progress && (
        <div className="folder-progress" role="status">
          <progress aria-label="Searching the folder" value={search.progress.done} max={Math.max(1, search.progress.total)} />
          <span>{search.progress.done} / {search.progress.total} files</span>
          <button type="button" onClick={() => folder.cancel()}>Cancel</button>
        </div>
      )}
      {result && (
        <div className="folder-search-row">
          <p className="folder-summary" data-testid="folder-summary">
            {total} match{total === 1 ? '' : 'es'} in {fileCount} file{fileCount === 1 ? '' : 's'} ({result.filesSearched} searched)
            {result.truncated ? '; more not listed' : ''}
            {result.files.some((f) => f.refused) ? `; ${result.files.reduce((n, f) => n + f.refused, 0)} left alone (would write markup)` : ''}
          </p>
          {preview && <button type="button" disabled={busy || !ticked} onClick={() => void folder.apply()}>Apply {ticked}</button>}
        </div>
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
                    <MatchRow key={index} folder={folder} file={file} match={match} index={index} preview={preview} ticked={!search.excluded.has(matchKey(file.file, index))} />
                  ) : null))}
                </ul>
              </div>
            ))}
          </li>
        ))}
      </ul>
      {rows > MAX_ROWS && <p className="folder-summary">{rows - MAX_ROWS} more matches not drawn{preview ? ' (they are replaced unless unticked by narrowing the search)' : ''}.</p>}
    </>
  );
}
