/**
 * The untimed text of a WebVTT document, as the aligner should cut it: runs of
 * consecutive `NOTE needs timing` blocks (what opening an untimed page gives), each run's
 * bodies joined and segmented as ONE text. The importer cut the prose into blocks of at
 * most ~300 characters, often mid-sentence ("…QML for machine" / "learning, QGraph…"), and
 * joined the page's chrome lines with the speech after them; segmenting block by block
 * would keep those cuts and miss the chrome.
 */
import { NEEDS_TIMING } from '../formats/txt/to-vtt';
import type { VttDocument } from '../formats/vtt/types';
import { segmentProse, type ProseSegment, type SegmentProfile } from './segment';

export interface UntimedRun {
  /** From the first block's start to the last block's end: the text these segments replace. */
  from: number;
  to: number;
  segments: ProseSegment[];
}

const MARKER = `NOTE ${NEEDS_TIMING}`;

/** The body of a `NOTE needs timing` block (as `readUntimedNotes` reads it), or null for another block. */
function untimedBody(doc: VttDocument, block: VttDocument['blocks'][number]): string | null {
  if (block.kind !== 'note') return null;
  const raw = doc.text.slice(block.range.from, block.range.to);
  if (!raw.startsWith(MARKER)) return null;
  return raw.slice(MARKER.length).replace(/^\r?\n/, '').replaceAll('--&gt;', '-->');
}

export function segmentUntimedNotes(doc: VttDocument, profile: SegmentProfile): UntimedRun[] {
  const out: UntimedRun[] = [];
  let run: { from: number; to: number; bodies: string[] } | null = null;
  const flush = () => {
    if (run) out.push({ from: run.from, to: run.to, segments: segmentProse(run.bodies.join('\n'), profile) });
    run = null;
  };
  for (const block of doc.blocks) {
    const body = untimedBody(doc, block);
    if (body === null) {
      flush();
      continue;
    }
    if (run) {
      run.to = block.range.to;
      run.bodies.push(body);
    } else run = { from: block.range.from, to: block.range.to, bodies: [body] };
  }
  flush();
  return out;
}
