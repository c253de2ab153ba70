/**
 * Key bindings: a default keymap and presets that feel like the tools people come from
 * (Aegisub, Subtitle Edit, oTranscribe), plus per-action user overrides stored in the
 * settings. Keys use CodeMirror's names (`Mod` is Ctrl, or Cmd on macOS). Play/pause
 * sits on keys that type nothing (Esc, Mod-Space), so it works while typing.
 */
import { Prec, type Extension } from '@codemirror/state';
import { keymap, type KeyBinding } from '@codemirror/view';
import { ACTIONS_BY_ID } from './actions';

export type Bindings = Readonly<Record<string, readonly string[]>>;
export type PresetName = 'cueline' | 'aegisub' | 'subtitle-edit' | 'otranscribe';

const CUELINE: Bindings = {
  'nudge-start-back': ['Alt-ArrowLeft'],
  'nudge-start-forward': ['Alt-ArrowRight'],
  'nudge-end-back': ['Alt-Shift-ArrowLeft'],
  'nudge-end-forward': ['Alt-Shift-ArrowRight'],
  'nudge-start-back-fine': ['Mod-Alt-ArrowLeft'],
  'nudge-start-forward-fine': ['Mod-Alt-ArrowRight'],
  'nudge-end-back-fine': ['Mod-Alt-Shift-ArrowLeft'],
  'nudge-end-forward-fine': ['Mod-Alt-Shift-ArrowRight'],
  'shift-cue-back': ['Alt-,'],
  'shift-cue-forward': ['Alt-.'],
  'ripple-back': ['Alt-Shift-,'],
  'ripple-forward': ['Alt-Shift-.'],
  'start-to-playhead': ['Alt-['],
  'end-to-playhead': ['Alt-]'],
  'end-and-next': ['Alt-Shift-]'],
  'snap-to-silence': ['Alt-s'],
  'fix-overlaps': ['Alt-o'],
  'split-cue': ['Alt-Enter'],
  'merge-next': ['Alt-m'],
  'insert-cue': ['Alt-i'],
  'previous-cue': ['Alt-ArrowUp'],
  'next-cue': ['Alt-ArrowDown'],
  'next-problem': ['F8'],
  'previous-problem': ['Shift-F8'],
  'play-pause': ['Escape', 'Mod-Space'],
  rewind: ['Mod-Alt-j'],
  forward: ['Mod-Alt-l'],
  'rewind-long': ['Mod-Alt-Shift-j'],
  'forward-long': ['Mod-Alt-Shift-l'],
  slower: ['Mod-Alt-,'],
  faster: ['Mod-Alt-.'],
  'play-cue': ['Alt-p'],
  'loop-cue': ['Alt-Shift-p'],
  'play-before-start': ['Alt-q'],
  'play-after-end': ['Alt-w'],
  'seek-to-cue': ['Alt-g'],
};

/** Each preset changes only what differs from the default. */
const PRESET_CHANGES: Record<Exclude<PresetName, 'cueline'>, Bindings> = {
  // Aegisub: Ctrl+3/4 set start/end to the video/audio position, Ctrl+5... play keys in its audio box.
  aegisub: {
    'start-to-playhead': ['Mod-3'],
    'end-to-playhead': ['Mod-4'],
    'previous-cue': ['Mod-ArrowUp', 'Alt-ArrowUp'],
    'next-cue': ['Mod-ArrowDown', 'Alt-ArrowDown'],
    'play-cue': ['Mod-r', 'Alt-p'],
    'play-before-start': ['Mod-q', 'Alt-q'],
    'play-after-end': ['Mod-w', 'Alt-w'],
  },
  // Subtitle Edit: F9..F12 timing keys, Alt+Up/Down lines, Ctrl+Alt+Space toggles playback.
  'subtitle-edit': {
    'end-and-next': ['F10'],
    'start-to-playhead': ['F11'],
    'end-to-playhead': ['F12'],
    'play-pause': ['Escape', 'Mod-Space', 'Mod-Alt-Space'],
  },
  // oTranscribe: Esc play/pause, F1/F2 rewind/forward, F3/F4 speed, Ctrl+J timestamp.
  otranscribe: {
    rewind: ['F1'],
    forward: ['F2'],
    slower: ['F3'],
    faster: ['F4'],
    'insert-cue': ['Mod-j', 'Alt-i'],
  },
};

export const PRESETS: Readonly<Record<PresetName, { label: string; bindings: Bindings }>> = {
  cueline: { label: 'Cueline (default)', bindings: CUELINE },
  aegisub: { label: 'Aegisub-like', bindings: { ...CUELINE, ...PRESET_CHANGES.aegisub } },
  'subtitle-edit': { label: 'Subtitle Edit-like', bindings: { ...CUELINE, ...PRESET_CHANGES['subtitle-edit'] } },
  otranscribe: { label: 'oTranscribe-like', bindings: { ...CUELINE, ...PRESET_CHANGES.otranscribe } },
};

/** The effective bindings: the preset with the user's overrides (an empty list unbinds). */
export function resolveBindings(preset: PresetName, overrides: Bindings = {}): Bindings {
  return { ...PRESETS[preset].bindings, ...overrides };
}

/**
 * Keys bound to more than one action, so the settings can warn about them. Compared
 * case-insensitively on the key name (CodeMirror treats `Alt-M` and `Alt-m` alike
 * unless Shift is named).
 */
export function conflicts(bindings: Bindings): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const [id, keys] of Object.entries(bindings)) {
    for (const key of keys) {
      const norm = normalizeKey(key);
      byKey.set(norm, [...(byKey.get(norm) ?? []), id]);
    }
  }
  return new Map([...byKey].filter(([, ids]) => ids.length > 1));
}

export function normalizeKey(key: string): string {
  const parts = key.split(/-(?!$)/);
  const name = parts.pop()!;
  const mods = parts.map((m) => (m === 'Cmd' || m === 'Meta' || m === 'Ctrl' || m === 'Control' ? 'Mod' : m)).sort();
  return [...mods, name.length === 1 ? name.toLowerCase() : name].join('-');
}

/** The keymap extension for `bindings`, above CodeMirror's defaults (Alt-ArrowUp would move lines). */
export function actionKeymap(bindings: Bindings): Extension {
  const list: KeyBinding[] = [];
  for (const [id, keys] of Object.entries(bindings)) {
    const action = ACTIONS_BY_ID.get(id);
    if (!action) continue;
    for (const key of keys) list.push({ key, run: action.run, preventDefault: true });
  }
  return Prec.high(keymap.of(list));
}

/** A key name for display: `Mod` shown as Ctrl or ⌘. */
export function displayKey(key: string, mac: boolean): string {
  return key
    .split(/-(?!$)/)
    .map((p) => (p === 'Mod' ? (mac ? '⌘' : 'Ctrl') : p === 'Alt' ? (mac ? '⌥' : 'Alt') : p.replace(/^Arrow/, '')))
    .join('+');
}

/** The default keymap as a Markdown table (README's shortcuts section is checked against it). */
export function shortcutsMarkdown(actions: readonly { id: string; label: string; group: string }[]): string {
  const rows = actions.map((a) => {
    const keys = (PRESETS.cueline.bindings[a.id] ?? []).map((k) => `\`${displayKey(k, false)}\``).join(', ');
    return `| ${a.group} | ${a.label} | ${keys || '—'} |`;
  });
  return ['| group | action | keys (Ctrl is Cmd, Alt is Option on macOS) |', '| --- | --- | --- |', ...rows].join('\n');
}
