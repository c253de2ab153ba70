/** What the recovery dialog shows of a journal entry: how it differs from the file on disk. */
import { diffBy } from '../../shared/formats/pair/word-diff';

export interface RecoverySample {
  line: number;
  disk: string | null;
  recovered: string | null;
}

/** Changed lines (Myers diff on lines, bounded) and the first few, for a preview. */
export function summarizeRecovery(diskText: string | null, text: string, samples = 5): { changedLines: number; samples: RecoverySample[] } {
  const b = text.split('\n');
  if (diskText === null) return { changedLines: b.length, samples: b.slice(0, samples).map((l, i) => ({ line: i + 1, disk: null, recovered: l })) };
  const a = diskText.split('\n');
  const edits = diffBy(a.length, b.length, (i, j) => a[i] === b[j], 5000);
  if (!edits) return { changedLines: Math.max(a.length, b.length), samples: [] };
  let changedLines = 0;
  const out: RecoverySample[] = [];
  for (const e of edits) {
    changedLines += Math.max(e.aTo - e.aFrom, e.bTo - e.bFrom);
    for (let k = 0; k < Math.max(e.aTo - e.aFrom, e.bTo - e.bFrom) && out.length < samples; k++) {
      out.push({ line: e.bFrom + k + 1, disk: a[e.aFrom + k] ?? null, recovered: b[e.bFrom + k] ?? null });
    }
  }
  return { changedLines, samples: out };
}
