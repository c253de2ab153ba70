/**
 * The folder sidebar (File ▸ Open Folder): the episodes with their files grouped (VTT,
 * TXT, audio), duration, cue and problem counts, git status, and the open episode's
 * unsaved / changed-on-disk marks; a name filter; and the search and replace panel. A
 * click opens the episode as File ▸ Open would (asking about unsaved work first).
 */
import { useEffect, useState } from 'react';
import type { FolderEpisode, GitFileStatus } from '../../../shared/ipc/folder-contract';
import type { AppCore } from '../app-core';
import { useStore } from '../store';
import { FolderCorrectionsPanel } from './FolderCorrectionsPanel';
import { FolderSearchPanel } from './FolderSearchPanel';
import './folder.css';

const GIT_MARK: Record<GitFileStatus, string> = { modified: 'M', added: 'A', deleted: 'D', renamed: 'R', untracked: 'U', conflicted: '!' };

function duration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}` : `${m}:${String(s % 60).padStart(2, '0')}`;
}

function fileLabel(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1).toLowerCase();
}

function EpisodeRow({ core, episode }: { core: AppCore; episode: FolderEpisode }) {
  const folder = core.folder;
  const { stats } = useStore(folder.state);
  const docs = useStore(core.documents.state);
  const figures = stats.get(episode.id);
  const open = folder.isOpen(episode.id);
  const marks: string[] = [];
  if (open && docs.dirty) marks.push('unsaved');
  if (open && docs.external) marks.push(docs.external.kind === 'deleted' ? 'deleted on disk' : 'changed on disk');
  const git = episode.files.filter((f) => f.git);
  return (
    <li className={`folder-episode${open ? ' folder-episode-open' : ''}`} data-testid="folder-episode" data-episode={episode.name}>
      <button type="button" onClick={() => void folder.openEpisode(episode.id)} aria-current={open ? 'true' : undefined} title={`Open ${episode.name}`}>
        <span className="folder-episode-name">{episode.name}{marks.includes('unsaved') ? ' •' : ''}</span>
        <span className="folder-episode-files">
          {episode.files.map((f) => (
            <span key={f.id} className={`folder-file${f.git ? ` folder-git-${f.git}` : ''}`} title={`${f.name}${f.git ? ` (git: ${f.git})` : ''}`} data-testid="folder-file" data-git={f.git ?? ''}>
              {fileLabel(f.name)}{f.git ? ` ${GIT_MARK[f.git]}` : ''}
            </span>
          ))}
        </span>
        <span className="folder-episode-figures" data-testid="folder-figures">
          {figures ? [
            figures.duration !== null ? duration(figures.duration) : null,
            figures.cues !== null ? `${figures.cues} cues` : null,
            figures.problems !== null ? `${figures.problems} problem${figures.problems === 1 ? '' : 's'}` : null,
          ].filter(Boolean).join(' · ') : '…'}
        </span>
        {(marks.length > 0 || git.length > 0) && (
          <span className="folder-episode-marks" data-testid="folder-marks">
            {[...marks, ...git.map((f) => `${fileLabel(f.name)} ${f.git}`)].join(', ')}
          </span>
        )}
      </button>
    </li>
  );
}

export function FolderPanel({ core }: { core: AppCore }) {
  const folder = core.folder;
  const { listing, tab, offer } = useStore(folder.state);
  const [filter, setFilter] = useState('');
  // Edits are learned from only while a folder is open (the offer is about the folder).
  useEffect(() => folder.start(), [folder]);
  if (!listing) return null;
  const setTab = (t: typeof tab) => folder.setTab(t);
  const needle = filter.trim().toLowerCase();
  const shown = needle ? listing.episodes.filter((e) => e.name.toLowerCase().includes(needle)) : listing.episodes;
  return (
    <aside className="folder-panel" aria-label="Episodes folder" data-testid="folder-panel">
      <header className="folder-header">
        <h2 title={listing.name}>{listing.name}</h2>
        {listing.git && <span className="folder-branch" title="git branch">{listing.git.branch ?? 'detached'}</span>}
        <button type="button" aria-label="Refresh folder" title="List the folder again" onClick={() => void folder.loadCurrent().catch(core.fail)}>↻</button>
        <button type="button" aria-label="Close folder" onClick={() => folder.close()}>×</button>
      </header>
      {offer && (
        <div className="folder-offer" role="status" data-testid="folder-offer">
          <p>
            Add “{offer.edit.from} → {offer.edit.to}” to corrections.tsv, and fix {offer.inEpisode} more in this episode
            and {offer.inFolder === null ? '… (counting)' : offer.inFolder} in the folder
            {offer.limited ? ` — only ${offer.limited} “${offer.edit[offer.limited]}”: ${offer.otherSense} other use${offer.otherSense === 1 ? '' : 's'} look like another sense` : ''}.
          </p>
          <button type="button" onClick={() => void folder.acceptOffer().catch(core.fail)}>Add and preview</button>
          <button type="button" onClick={() => folder.dismissOffer()}>Not now</button>
        </div>
      )}
      <div className="folder-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'episodes'} onClick={() => setTab('episodes')}>Episodes ({listing.episodes.length})</button>
        <button type="button" role="tab" aria-selected={tab === 'search'} onClick={() => setTab('search')}>Search</button>
        <button type="button" role="tab" aria-selected={tab === 'corrections'} onClick={() => setTab('corrections')}>Corrections</button>
      </div>
      {tab === 'episodes' ? (
        <>
          <input className="folder-filter" type="search" aria-label="Filter episodes" placeholder="Filter by name" value={filter} onChange={(e) => setFilter(e.target.value)} />
          <ul className="folder-episodes" aria-label="Episodes">
            {shown.map((episode) => <EpisodeRow key={episode.id} core={core} episode={episode} />)}
          </ul>
        </>
      ) : tab === 'search' ? (
        <FolderSearchPanel folder={folder} />
      ) : (
        <FolderCorrectionsPanel core={core} />
      )}
    </aside>
  );
}
