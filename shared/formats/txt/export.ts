/**
 * Writes cues as plain text in one of three styles:
 * - `talkpython`: the talk-python-transcripts repo format, `HH:MM:SS text` per cue, the
 *   start floored to the second, hours always shown, a blank line after each entry (so the
 *   file ends with "\n\n"). Untimed cues are written without a clock: a made-up time would
 *   read as real.
 * - `paragraphs`: consecutive cues of one speaker joined into a paragraph under a
 *   `Name M:SS` heading (the Otter shape, which `importTxt` reads back as speaker blocks).
 *   Without speakers a paragraph ends at a sentence end once it is long enough.
 * - `plain`: the same paragraphs without headings.
 */
import type { Cue } from '../../model/cue';
import { cueTextToPlain } from '../vtt/cue-text';
import { formatClock } from '../timestamp';

export type TxtStyle = 'talkpython' | 'paragraphs' | 'plain';
export const TXT_STYLES: readonly TxtStyle[] = ['talkpython', 'paragraphs', 'plain'];

/** A speakerless paragraph closes at the first sentence end after this many characters. */
const PARAGRAPH_CHARS = 400;
const SENTENCE_END = /[.?!…]["'”’)\]]*$/;

/** Cue text as one plain line: markup removed, line breaks become spaces. */
export function cueLine(cue: Cue): string {
  return cueTextToPlain(cue.text).split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean).join(' ');
}

interface Paragraph {
  speaker: string | null;
  start: number | null;
  text: string;
}

function paragraphs(cues: readonly Cue[]): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | null = null;
  for (const cue of cues) {
    const line = cueLine(cue);
    const speaker = cue.speaker;
    const closes = current !== null && current.speaker === null && current.text.length >= PARAGRAPH_CHARS && SENTENCE_END.test(current.text);
    if (current === null || current.speaker !== speaker || closes) {
      current = { speaker, start: cue.start, text: line };
      out.push(current);
    } else {
      if (current.start === null) current.start = cue.start;
      current.text = current.text && line ? `${current.text} ${line}` : current.text + line;
    }
  }
  return out;
}

export function exportTxt(cues: readonly Cue[], style: TxtStyle, eol = '\n'): string {
  if (style === 'talkpython') {
    let out = '';
    for (const cue of cues) {
      const line = cueLine(cue);
      out += (cue.start === null ? line : `${formatClock(cue.start, { hours: 'always' })} ${line}`) + eol + eol;
    }
    return out;
  }
  const paras = paragraphs(cues);
  const blocks = paras.map((p) => {
    if (style === 'plain') return p.text;
    const heading = [p.speaker, p.start === null ? null : formatClock(p.start, { hours: 'auto' })].filter((x) => x !== null).join(' ');
    return heading ? `${heading}${eol}${p.text}` : p.text;
  });
  return blocks.length ? blocks.join(eol + eol) + eol : '';
}
