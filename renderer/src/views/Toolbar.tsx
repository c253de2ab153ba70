/** The toolbar: file and tool buttons, and the document's name with its unsaved mark. */
import type { AppCore } from '../app-core';
import { useStore } from '../store';

export function Toolbar({ core }: { core: AppCore }) {
  const { transcript, dirty } = useStore(core.documents.state);
  const run = core.runCommand;
  return (
    <header className="toolbar">
      <button onClick={() => run('open-transcript')}>Open…</button>
      <button onClick={() => run('open-recent')}>Recent…</button>
      <button onClick={() => run('open-audio')}>Open audio…</button>
      <button onClick={() => run('save')} disabled={!transcript}>Save</button>
      <button onClick={() => run('clean-correct')} disabled={!transcript}>Clean…</button>
      <button onClick={() => run('shortcuts')}>Shortcuts</button>
      <h1 className="toolbar-title" style={{ fontSize: "inherit", margin: "0 0 0 12px" }}>{transcript ? transcript.name : 'No transcript'}{dirty ? ' •' : ''}</h1>
    </header>
  );
}
