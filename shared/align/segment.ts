/**
 * The text side of alignment: untimed prose and coarse chunks (Otter blocks, `MM:SS`
 * 5-second chunks cut mid-sentence) become cue-sized segments, each a sentence within
 * the QA profile's limits, and page chrome is set apart so it is never forced onto the
 * audio. Every word of the input is in exactly one segment, in order.
 */
import { isChromeLine } from '../cleaning/chrome';
import { pageChrome } from './page-chrome';
import { cutToLimits, endsSentence, fits, groupSentences, joinedLength, sentencesOf, wordsOf, wrapWords, type PieceLimits, type Word } from './sentences';

export type SegmentProfile = 'subtitles' | 'transcript';

export interface ProseSegment {
  /** Words joined by single spaces; for subtitles wrapped into at most two lines with `\n`. */
  text: string;
  kind: 'speech' | 'chrome';
  /** anchor time in seconds if the source gave one */
  start?: number;
  /** True when `start` is estimated inside a chunk (proportional to characters), not given by the source. */
  startEstimated?: boolean;
  /** The chunk's speaker (Otter blocks), when the input had one. */
  speaker?: string;
}

export interface TimedChunk {
  text: string;
  start: number;
  speaker?: string;
}

interface ProfileLimits extends PieceLimits {
  /** Whole sentences are joined up to this many characters (1: never). */
  groupChars: number;
}

/** Speech pace used to turn the subtitle duration limit into characters. */
export const CHARS_PER_SECOND = 15;

export const PROFILE_LIMITS: Readonly<Record<SegmentProfile, Readonly<ProfileLimits>>> = {
  // 2 lines of 42, and at most 7 s at 15 chars/s (105 chars): the lines are the tighter limit.
  subtitles: { maxChars: Math.min(2 * 42, 7 * CHARS_PER_SECOND), lineChars: 42, maxLines: 2, groupChars: 1 },
  // Sentences up to a paragraph: short ones are joined, one longer than ~25 s is cut at a clause.
  transcript: { maxChars: 25 * CHARS_PER_SECOND, lineChars: null, maxLines: 1, groupChars: 16 * CHARS_PER_SECOND },
};

/** Sound descriptions a caption file or page puts in brackets: `[MUSIC]`, `(laughs)`, `♪`. */
const SOUND_TAG = /\[[^\]\n]{1,40}\]|\((?:laughs?|laughter|music|applause|inaudible|crosstalk|silence)\)|♪+/giu;

/** A stretch of words that is either speech or chrome; `breakBefore` starts a new paragraph. */
interface Run {
  kind: 'speech' | 'chrome';
  words: Word[];
  breakBefore: boolean;
}

/** Splits one piece of text around sound tags, which are chrome. */
function runsOfText(text: string, piece: number, breakBefore: boolean): Run[] {
  const out: Run[] = [];
  let from = 0;
  const push = (kind: Run['kind'], to: number) => {
    const words = wordsOf(text.slice(from, to), piece).map((w) => ({ ...w, offset: w.offset + from }));
    if (words.length) out.push({ kind, words, breakBefore: breakBefore || kind === 'chrome' || out.at(-1)?.kind === 'chrome' });
    from = to;
  };
  for (const m of text.matchAll(SOUND_TAG)) {
    push('speech', m.index);
    push('chrome', m.index + m[0].length);
  }
  push('speech', text.length);
  return out;
}

/** Cuts the speech of one paragraph into segment-sized word lists. */
function piecesOf(words: readonly Word[], limits: ProfileLimits): Word[][] {
  const whole: Word[][] = [];
  const out: Word[][] = [];
  const flush = () => {
    out.push(...groupSentences(whole, limits.groupChars));
    whole.length = 0;
  };
  for (const sentence of sentencesOf(words)) {
    if (fits(sentence, limits)) whole.push(sentence);
    else {
      flush();
      out.push(...cutToLimits(sentence, limits));
    }
  }
  flush();
  return out;
}

function textOf(words: readonly Word[], limits: ProfileLimits): string {
  if (limits.lineChars !== null) {
    const lines = wrapWords(words, limits.lineChars, limits.maxLines);
    if (lines) return lines.join('\n');
  }
  return words.map((w) => w.text).join(' ');
}

/** Turns runs into segments: speech runs are joined into paragraphs, then cut into sentences. */
function segmentRuns(runs: readonly Run[], profile: SegmentProfile, anchor: (w: Word) => Partial<ProseSegment>, speakerOf: (w: Word) => string | undefined): ProseSegment[] {
  const limits = PROFILE_LIMITS[profile];
  const out: ProseSegment[] = [];
  const make = (words: Word[], kind: ProseSegment['kind']): ProseSegment => {
    const seg: ProseSegment = { text: kind === 'speech' ? textOf(words, limits) : words.map((w) => w.text).join(' '), kind, ...anchor(words[0]!) };
    const speaker = speakerOf(words[0]!);
    if (speaker !== undefined) seg.speaker = speaker;
    return seg;
  };
  let paragraph: Word[] = [];
  const flush = () => {
    for (const piece of piecesOf(paragraph, limits)) out.push(make(piece, 'speech'));
    paragraph = [];
  };
  for (const run of runs) {
    if (run.kind === 'chrome') {
      flush();
      out.push(make(run.words, 'chrome'));
      continue;
    }
    const last = paragraph.at(-1);
    // Across a line or chunk boundary a full stop ends the sentence even before a
    // lower-case word: speech-recognition pages start turns in lower case.
    if (run.breakBefore || (last && endsSentence(last.text, undefined))) flush();
    paragraph.push(...run.words);
  }
  flush();
  return out;
}

/**
 * Segments untimed prose. Lines are joined into paragraphs unless the line before ended a
 * sentence (pages wrap speech at arbitrary points, often with blank lines between), so a
 * sentence cut by the page's line breaks becomes whole again.
 */
export function segmentProse(text: string, profile: SegmentProfile): ProseSegment[] {
  const lines = text.split(/\r\n|\r|\n/);
  const chrome = pageChrome(lines);
  const runs: Run[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const words = wordsOf(line, i);
    let k = 0;
    for (const count of chrome.get(i) ?? []) {
      runs.push({ kind: 'chrome', words: words.slice(k, k + count), breakBefore: true });
      k += count;
    }
    if (k === 0) runs.push(...runsOfText(line, i, false));
    else if (k < words.length) {
      const from = words[k]!.offset;
      runs.push(...runsOfText(line.slice(from), i, true).map((r) => ({ ...r, words: r.words.map((w) => ({ ...w, offset: w.offset + from })) })));
    }
  });
  return segmentRuns(runs, profile, () => ({}), () => undefined);
}

/**
 * Re-cuts coarse timed chunks into sentences. A chunk boundary is not a sentence end
 * (`MM:SS` pages cut every 5 s), except where the speaker changes. Each segment takes the
 * anchor of the chunk its first word is in: the chunk's own time when it starts the chunk,
 * otherwise a character-proportional estimate inside the chunk (`startEstimated`).
 */
export function resegmentTimed(chunks: readonly TimedChunk[], profile: SegmentProfile): ProseSegment[] {
  const runs: Run[] = [];
  chunks.forEach((chunk, i) => {
    const speakerChange = chunk.speaker !== undefined && chunk.speaker !== chunks[i - 1]?.speaker;
    if (isChromeLine(chunk.text)) runs.push({ kind: 'chrome', words: wordsOf(chunk.text, i), breakBefore: true });
    else runs.push(...runsOfText(chunk.text, i, speakerChange || i === 0));
  });
  const anchor = (w: Word): Partial<ProseSegment> => {
    const chunk = chunks[w.piece]!;
    const leading = chunk.text.length - chunk.text.trimStart().length;
    if (w.offset <= leading) return { start: chunk.start };
    const next = chunks[w.piece + 1]?.start;
    const length = joinedLength(wordsOf(chunk.text));
    const duration = next !== undefined && next > chunk.start ? next - chunk.start : length / CHARS_PER_SECOND;
    const at = chunk.start + (duration * (w.offset - leading)) / Math.max(1, chunk.text.trim().length);
    return { start: Math.round(at * 1000) / 1000, startEstimated: true };
  };
  return segmentRuns(runs, profile, anchor, (w) => chunks[w.piece]!.speaker);
}
