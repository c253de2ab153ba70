/**
 * Help ▸ Keyboard Shortcuts: every action with its keys, the preset picker, and
 * rebinding (click a key cell, press the new keys; Backspace alone unbinds; Reset goes
 * back to the preset). Changes are saved in the settings file by the main process.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { FollowPlayback } from './editor/follow-playback';
import { useModal } from './use-modal';
import { EDITOR_ACTION_INFO, type EditorActionGroup } from '../../shared/editor-actions';
import type { AppSettings } from '../../shared/settings';
import { conflicts, displayKey, PRESETS, resolveBindings, type PresetName } from './editor/keymaps';

const MAC = /Mac/.test(navigator.platform);

/** App keys that are not editor actions (handled by the window or the menu). */
export const APP_KEYS: readonly [string, string][] = [
  ['Open…', 'Mod-o'],
  ['Save', 'Mod-s'],
  ['Save As…', 'Mod-Shift-s'],
  ['Find / replace', 'Mod-f'],
  ['Undo / redo', 'Mod-z / Mod-Shift-z'],
  ['Fold / unfold cue', 'Mod-Shift-[ / Mod-Shift-]'],
];

/** CodeMirror key name of a keydown event, or null while only modifiers are down. */
export function keyName(e: KeyboardEvent): string | null {
  if (['Control', 'Shift', 'Alt', 'Meta'].includes(e.key)) return null;
  let name = e.key === ' ' ? 'Space' : e.key;
  // With Alt (Option on macOS) e.key is the typed symbol; the physical key is stabler.
  if (e.altKey && /^Key[A-Z]$/.test(e.code)) name = e.code.slice(3).toLowerCase();
  else if (e.altKey && /^Digit\d$/.test(e.code)) name = e.code.slice(5);
  else if (name.length === 1) name = name.toLowerCase();
  const mods = [];
  if (MAC ? e.metaKey : e.ctrlKey) mods.push('Mod');
  if (MAC && e.ctrlKey) mods.push('Ctrl');
  if (e.altKey) mods.push('Alt');
  if (e.shiftKey) mods.push('Shift');
  return [...mods, name].join('-');
}

interface Props {
  settings: AppSettings;
  onChange(next: AppSettings): void;
  onClose(): void;
  /** The follow-playback toggle and the play-from-cursor choice. */
  follow: FollowPlayback;
}

/** The playback choices beside the keys: they decide what Esc (play) does. */
function PlaybackChoices({ follow }: { follow: FollowPlayback }) {
  const state = useSyncExternalStore((l) => follow.on('change', l), () => `${follow.enabled}|${follow.playFromCursor}`);
  const [following, fromCursor] = state.split('|').map((v) => v === 'true');
  return (
    <fieldset className="shortcuts-playback">
      <legend>Playback</legend>
      <label><input type="checkbox" checked={following} onChange={(e) => follow.set(e.target.checked)} /> Follow playback (pauses for a few seconds while you type)</label>{' '}
      <label><input type="checkbox" checked={fromCursor} onChange={(e) => follow.setPlayFromCursor(e.target.checked)} /> Play from the cursor's cue when the cursor moved since the last pause</label>
    </fieldset>
  );
}

export function ShortcutsDialog({ settings, onChange, onClose, follow }: Props) {
  const [recording, setRecording] = useState<string | null>(null);
  const modal = useModal();
  const bindings = resolveBindings(settings.keymapPreset, settings.keyOverrides);
  const clash = conflicts(bindings);
  const clashing = new Set([...clash.values()].flat());

  useEffect(() => {
    if (!recording) return;
    const onKey = (e: KeyboardEvent) => {
      e.preventDefault();
      e.stopPropagation();
      if (e.key === 'Escape' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey) return setRecording(null);
      const name = e.key === 'Backspace' && !e.ctrlKey && !e.metaKey && !e.altKey ? '' : keyName(e);
      if (name === null) return;
      onChange({ ...settings, keyOverrides: { ...settings.keyOverrides, [recording]: name ? [name] : [] } });
      setRecording(null);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [recording, settings, onChange]);

  const groups: EditorActionGroup[] = ['Timing', 'Cues', 'Navigation', 'Playback'];
  return (
    <dialog {...modal.props} className="shortcuts" data-testid="shortcuts" onClose={onClose} onCancel={(e) => { if (recording) e.preventDefault(); }}>
      <header className="shortcuts-head">
        <h2 id={modal.titleId}>Keyboard shortcuts</h2>
        <label>
          Preset{' '}
          <select
            value={settings.keymapPreset}
            onChange={(e) => onChange({ ...settings, keymapPreset: e.target.value as PresetName })}
            data-testid="keymap-preset"
          >
            {Object.entries(PRESETS).map(([id, p]) => <option key={id} value={id}>{p.label}</option>)}
          </select>
        </label>
        <button onClick={() => onChange({ ...settings, keyOverrides: {} })} disabled={!Object.keys(settings.keyOverrides).length}>Reset to preset</button>
        <button onClick={modal.close}>Close</button>
      </header>
      <div className="shortcuts-body">
        {groups.map((group) => (
          <table key={group}>
            <caption>{group}</caption>
            <tbody>
              {EDITOR_ACTION_INFO.filter((a) => a.group === group).map((a) => {
                const keys = bindings[a.id] ?? [];
                return (
                  <tr key={a.id} data-action={a.id} className={clashing.has(a.id) ? 'shortcut-clash' : undefined}>
                    <td>{a.label}</td>
                    <td>
                      <button className="shortcut-keys" onClick={() => setRecording(a.id)} title="Click, then press the new keys (Backspace: none)">
                        {recording === a.id ? 'Press keys…' : keys.length ? keys.map((k) => displayKey(k, MAC)).join(', ') : '—'}
                      </button>
                      {a.id in settings.keyOverrides ? ' (changed)' : ''}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ))}
        <table>
          <caption>App</caption>
          <tbody>
            {APP_KEYS.map(([label, keys]) => (
              <tr key={label}><td>{label}</td><td>{keys.split(' / ').map((k) => displayKey(k, MAC)).join(' / ')}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <PlaybackChoices follow={follow} />
      {clash.size > 0 && (
        <p className="shortcuts-clash">Keys bound twice: {[...clash.keys()].map((k) => displayKey(k, MAC)).join(', ')}. The first action listed wins.</p>
      )}
    </dialog>
  );
}
