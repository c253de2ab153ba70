/** Whichever dialog is open: the one asked for (shortcuts, recent, clean), crash recovery, and the unsaved-changes question on top. */
import type { AppCore } from '../app-core';
import { CleanPanel } from '../CleanPanel';
import { RecentDialog } from '../RecentDialog';
import { RecoveryDialog } from '../RecoveryDialog';
import { ShortcutsDialog } from '../ShortcutsDialog';
import { UnsavedDialog } from '../UnsavedDialog';
import { api } from '../api';
import { useStore } from '../store';

export function Dialogs({ core }: { core: AppCore }) {
  const dialog = useStore(core.dialog);
  const recovery = useStore(core.recovery);
  const settings = useStore(core.settings);
  const { transcript, unsaved } = useStore(core.documents.state);
  const close = () => core.dialog.set(null);
  const view = core.timeline.editor;
  return (
    <>
      {dialog?.kind === 'clean' && view && (
        <CleanPanel
          view={view}
          corrections={dialog.corrections}
          onExport={(text, format) => core.documents.exportAs(format, format === 'txt' ? 'talkpython' : undefined, text).catch(core.fail)}
          onClose={(message) => {
            close();
            if (message) core.messages.add([{ level: 'info', text: message }]);
            core.timeline.editor?.focus();
          }}
        />
      )}
      {dialog?.kind === 'recent' && (
        <RecentDialog items={dialog.items} onOpen={(index) => { core.documents.openWith(() => api().invoke('recent:open', { index })).catch(core.fail); }} onClose={close} />
      )}
      {dialog?.kind === 'shortcuts' && <ShortcutsDialog settings={settings} follow={core.follow} onChange={core.changeSettings} onClose={() => { close(); core.timeline.editor?.focus(); }} />}
      {recovery && !unsaved && (
        <RecoveryDialog
          list={recovery}
          onRecover={(key) => { core.recover(key).catch(core.fail); }}
          onDiscard={(key) => { core.discardRecovery(key).catch(core.fail); }}
          onLater={() => core.recovery.set(null)}
        />
      )}
      {unsaved && transcript && <UnsavedDialog name={transcript.name} onChoice={unsaved} />}
    </>
  );
}
