/** The IPC handlers of File ▸ Open Folder (shared/ipc/folder-contract.ts) over a FolderService. */
import type { FolderChannel } from '../../../shared/ipc/folder-contract';
import type { IpcHandlers } from '../ipc-router';
import type { FolderService } from './folder-service';

export function createFolderHandlers(folders: FolderService): Pick<IpcHandlers, FolderChannel> {
  return {
    'folder:open-dialog': () => folders.openDialog(),
    'folder:current': () => folders.currentListing(),
    'folder:stats': async () => ({ job: folders.startStats() }),
    'folder:search': async ({ query }) => ({ job: folders.startSearch(query) }),
    'folder:corrections': async ({ text }) => ({ job: await folders.startCorrections(text) }),
    'folder:corrections-read': () => folders.readCorrections(),
    'folder:corrections-save': ({ text }) => folders.saveCorrections(text),
    'folder:job': ({ job }) => folders.jobs.status(job),
    'folder:cancel': async ({ job }) => { folders.jobs.cancel(job); return {}; },
    'folder:apply': ({ job, exclude, unsaved }) => folders.apply(job, exclude, unsaved),
    'folder:open-episode': ({ episode }) => folders.openEpisode(episode),
    'folder:open-corrections': () => folders.openCorrections(),
  };
}
