/** The status bar: cursor position, and the QA figures of the cue under the cursor. */
import type { VttCue } from '../../shared/formats/vtt/types';
import { formatVttTimestamp } from '../../shared/formats/timestamp';
import type { QaRules } from '../../shared/timing/qa';
import { cueFigures } from '../../shared/timing/qa';

export interface CursorInfo {
  line: number;
  column: number;
  lines: number;
  /** Index of the cue under the cursor (-1 when none) and the number of cues. */
  cueIndex: number;
  cueCount: number;
  cue: VttCue | null;
}

export interface StatusBarProps {
  cursor: CursorInfo;
  dirty: boolean;
  name: string | null;
  rules: QaRules;
  rate: number;
  problems: number;
  profile: 'subtitle' | 'transcript';
  onProfile(profile: 'subtitle' | 'transcript'): void;
}

export function StatusBar({ cursor, dirty, name, rules, rate, problems, profile, onProfile }: StatusBarProps) {
  const cue = cursor.cue;
  const f = cue ? cueFigures(cue) : null;
  const over = (value: number, max: number | null) => (max !== null && value > max ? 'status-warn' : undefined);
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span>{name ?? '—'}{dirty ? ' (modified)' : ''}</span>
      <span>Ln {cursor.line}, Col {cursor.column}</span>
      {cue && f ? (
        <>
          <span data-testid="status-cue">Cue {cursor.cueIndex + 1}/{cursor.cueCount}</span>
          <span>Start {formatVttTimestamp(cue.start)}</span>
          <span className={rules.minDuration !== null && f.duration < rules.minDuration ? 'status-warn' : over(f.duration, rules.maxDuration)}>Dur {f.duration.toFixed(3)} s</span>
          <span className={over(f.cps, rules.maxCps)} data-testid="status-cps">CPS {Number.isFinite(f.cps) ? f.cps.toFixed(1) : '∞'}</span>
          <span className={over(f.longestLine, rules.maxLineLength)}>Line {f.longestLine} ch</span>
        </>
      ) : (
        <span>{cursor.cueCount} cues</span>
      )}
      <span data-testid="status-problems">{problems} problem{problems === 1 ? '' : 's'} (F8)</span>
      <label title="Timing QA rules: subtitle limits, or none for long-form transcripts">
        QA{' '}
        <select value={profile} onChange={(e) => onProfile(e.target.value as 'subtitle' | 'transcript')} data-testid="qa-profile">
          <option value="subtitle">subtitles</option>
          <option value="transcript">transcript</option>
        </select>
      </label>
      {rate !== 1 && <span>Speed {rate.toFixed(1)}×</span>}
    </footer>
  );
}
