/** Whichever dialog is open: the one asked for (shortcuts, recent, clean), crash recovery, and the unsaved-changes question on top. */
import type { AppCore } from '../app-core';
import { CleanPanel } from '../CleanPanel';
import { RecentDialog } from '../RecentDialog';
import { RecoveryDialog } from '../RecoveryDialog';
import { ShortcutsDialog } from '../ShortcutsDialog';
import { UnsavedDialog } from '../UnsavedDialog';
import { api } from '../api';
import { useStore } from '../store';
import { AlignDialog } from '../align/AlignDialog';
import { alignOverIpc, alignProfileFor, type AlignInvoke } from '../align/client';
import { mediaTokenOf } from '../waveform/peaks-stream';
import { qaProfileName } from '../chrome/qa-profile';
import type { EditorView } from '@codemirror/view';
import type { QaProfileName } from '../../../shared/timing/qa';

export function Dialogs({ core }: { core: AppCore }) {
  const dialog = useStore(core.dialog);
  const recovery = useStore(core.recovery);
  const settings = useStore(core.settings);
  const { transcript, audio, unsaved } = useStore(core.documents.state);
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
      {dialog?.kind === 'align' && view && transcript && audio && <Align core={core} view={view} documentId={transcript.id} audioUrl={audio.url} qa={qaProfileName(settings, transcript)} onClose={() => { close(); core.timeline.editor?.focus(); }} />}
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

/** Timing ▸ Align to Audio… over the open document and its audio (the align:* channels). */
function Align({ core, view, documentId, audioUrl, qa, onClose }: { core: AppCore; view: EditorView; documentId: string; audioUrl: string; qa: QaProfileName; onClose: () => void }) {
  const media = mediaTokenOf(audioUrl);
  if (!media) return null;
  return (
    <AlignDialog
      view={view}
      align={alignOverIpc(api().invoke as unknown as AlignInvoke, documentId, media)}
      profile={alignProfileFor(qa)}
      onApplied={(text) => core.messages.add([{ level: 'info', text }])}
      onClose={onClose}
    />
  );
}
