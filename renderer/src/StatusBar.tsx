/** The status bar: cursor position, the QA figures of the cue under the cursor, problems, speed. */
import { useSyncExternalStore } from 'react';
import { formatVttTimestamp } from '../../shared/formats/timestamp';
import { QaProfileSelect } from './chrome/QaProfileSelect';
import { qaRulesFor } from './chrome/qa-profile';
import type { AppCore } from './app-core';
import { shownFigures } from './editor/cue-figures';
import { useStore } from './store';

export function StatusBar({ core }: { core: AppCore }) {
  const status = useStore(core.status);
  const { transcript, dirty } = useStore(core.documents.state);
  const settings = useStore(core.settings);
  const rate = useSyncExternalStore((l) => core.player.on('rate', l), () => core.player.rate);
  const rules = qaRulesFor(settings, transcript);
  const cue = status.cue;
  const f = cue ? shownFigures(cue, rules) : null;
  const over = (value: number, max: number | null) => (max !== null && value > max ? 'status-warn' : undefined);
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span>{transcript?.name ?? '—'}{dirty ? ' (modified)' : ''}</span>
      <span>Ln {status.line}, Col {status.column}</span>
      {cue && f ? (
        <>
          <span data-testid="status-cue">Cue {status.cueIndex + 1}/{status.cueCount}</span>
          <span>Start {formatVttTimestamp(cue.start)}</span>
          <span data-testid="status-duration" className={f.error ? 'status-warn status-error' : rules.minDuration !== null && f.duration < rules.minDuration ? 'status-warn' : over(f.duration, rules.maxDuration)}>
            Dur {f.error ? `−${(-f.duration).toFixed(3)} s (ends before it starts)` : `${f.duration.toFixed(3)} s`}
          </span>
          {!f.error && <span className={over(f.cps, rules.maxCps)} data-testid="status-cps">CPS {Number.isFinite(f.cps) ? f.cps.toFixed(1) : '∞'}</span>}
          <span className={over(f.longestLine, rules.maxLineLength)}>Line {f.longestLine} ch</span>
        </>
      ) : (
        <span>{status.cueCount} cues</span>
      )}
      <span data-testid="status-problems">{status.problems} problem{status.problems === 1 ? '' : 's'} (F8)</span>
      <QaProfileSelect core={core} />
      {rate !== 1 && <span>Speed {rate.toFixed(1)}×</span>}
    </footer>
  );
}
