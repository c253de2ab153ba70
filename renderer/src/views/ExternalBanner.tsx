/** The open file changed on disk (or a save found it changed): Reload, Keep mine, or Overwrite. */
import type { AppCore } from '../app-core';
import { useStore } from '../store';

export function ExternalBanner({ core }: { core: AppCore }) {
  const { external, dirty } = useStore(core.documents.state);
  const d = core.documents;
  if (!external) return null;
  return (
    <div className="external-banner" role="alert" data-testid="external-banner">
      {external.kind === 'conflict'
        ? `${external.name} changed on disk since you opened it. Overwrite it with your version, or reload it?`
        : external.kind === 'changed'
          ? `${external.name} changed on disk.${dirty ? ' You have unsaved changes.' : ''}`
          : `${external.name} was deleted or moved on disk. Saving writes it again.`}
      {external.kind === 'conflict' && <button onClick={() => { d.dismissExternal(); d.save(false, true).catch(core.fail); }}>Overwrite</button>}
      {external.kind !== 'deleted' && <button onClick={() => { d.reload().catch(core.fail); }}>Reload</button>}
      <button onClick={() => d.dismissExternal()}>{external.kind === 'conflict' ? 'Cancel' : 'Keep mine'}</button>
    </div>
  );
}
