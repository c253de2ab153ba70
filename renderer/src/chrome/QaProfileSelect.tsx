/**
 * The status bar's QA profile switch: auto (the open file's cues decide, and the choice
 * shows what they decided), subtitles or transcript. The choice is a setting, saved
 * through the settings IPC like every other.
 */
import type { AppCore } from '../app-core';
import { useStore } from '../store';
import type { AppSettings } from '../../../shared/settings';
import { fileQaProfile } from './qa-profile';

const NAMES = { subtitle: 'subtitles', transcript: 'transcript' } as const;

export function QaProfileSelect({ core }: { core: Pick<AppCore, 'settings' | 'changeSettings' | 'documents'> }) {
  const settings = useStore(core.settings);
  const { transcript } = useStore(core.documents.state);
  const fromFile = NAMES[transcript ? fileQaProfile(transcript) : 'subtitle'];
  return (
    <label title="Timing QA rules: subtitle limits, or none for long-form transcripts; auto follows the file">
      QA{' '}
      <select
        value={settings.qaProfile}
        onChange={(e) => core.changeSettings({ ...core.settings.get(), qaProfile: e.target.value as AppSettings['qaProfile'] })}
        data-testid="qa-profile"
      >
        <option value="auto">auto: {fromFile}</option>
        <option value="subtitle">{NAMES.subtitle}</option>
        <option value="transcript">{NAMES.transcript}</option>
      </select>
    </label>
  );
}
