/**
 * Page chrome around untimed prose, found for alignment: the chrome lines of
 * shared/cleaning/chrome.ts anywhere, and at the page's top and bottom the sponsor
 * furniture (`This episode is sponsored by …` and the promotion line after it).
 *
 * At the top, chrome may also have been joined into one line with what follows (the
 * untimed importer joins lines up to a sentence end: `← Back to Show Notes Transcript:
 * Django and Rust Tooling - Lily Foote This episode is sponsored by …`). Such a line is
 * taken apart into chrome phrases: a phrase counts only where the next one is chrome
 * too, or the line ends, so an open pattern like `Transcript: …` stops where the next
 * chrome starts instead of swallowing the line.
 */
import { isChromeLine } from '../cleaning/chrome';

/** Sponsor furniture a page adds around the transcript, and the promotion line after it. */
const SPONSOR_LINE = /^This episode (?:is|was) (?:sponsored|brought to you|supported) by\b/i;
const PROMO_LINE = /\b(?:their services|learn more|in the description|more on)\b/i;
const SENTENCE_END = /[.?!…]["'”’)\]]*$/u;
/** Longest chrome phrase looked for inside a joined line, in words. */
const MAX_PHRASE_WORDS = 30;

/** Whether `text` (whole words) is one chrome phrase; `afterSponsor`: the phrase before was a sponsor line. */
function isChromePhrase(text: string, edge: boolean, afterSponsor: boolean): boolean {
  if (isChromeLine(text)) return true;
  if (!edge || !SENTENCE_END.test(text)) return false;
  return SPONSOR_LINE.test(text) || (afterSponsor && PROMO_LINE.test(text));
}

const isSponsor = (text: string) => SPONSOR_LINE.test(text);

/**
 * Word counts of the chrome phrases at the start of `words` (they may cover all of it).
 * `afterSponsor` carries over from the line before.
 */
function leadingPhrases(words: readonly string[], afterSponsor: boolean): number[] {
  const phrase = (p: number, k: number) => words.slice(p, p + k).join(' ');
  const startsChrome = (p: number, sponsorBefore: boolean) => {
    for (let k = 1; k <= Math.min(MAX_PHRASE_WORDS, words.length - p); k++) if (isChromePhrase(phrase(p, k), true, sponsorBefore)) return true;
    return false;
  };
  // The whole line first: a chrome line as `cleaning` knows it.
  if (isChromePhrase(words.join(' '), true, afterSponsor)) return [words.length];
  const out: number[] = [];
  let p = 0;
  let sponsor = afterSponsor;
  while (p < words.length) {
    let taken = 0;
    for (let k = 1; k <= Math.min(MAX_PHRASE_WORDS, words.length - p); k++) {
      const text = phrase(p, k);
      if (isChromePhrase(text, true, sponsor) && (p + k === words.length || startsChrome(p + k, isSponsor(text)))) {
        taken = k;
        break;
      }
    }
    if (!taken) break;
    sponsor = isSponsor(phrase(p, taken));
    out.push(taken);
    p += taken;
  }
  return out;
}

/**
 * For each line with chrome, the word counts of its chrome phrases from its start: one
 * count covering all its words for a whole chrome line. Lines not listed are speech.
 */
export function pageChrome(lines: readonly string[]): Map<number, number[]> {
  const words = lines.map((l) => l.split(/\s+/).filter(Boolean));
  const out = new Map<number, number[]>();
  lines.forEach((l, i) => {
    if (isChromeLine(l)) out.set(i, [words[i]!.length]);
  });
  const nonBlank = words.map((w, i) => (w.length ? i : -1)).filter((i) => i >= 0);
  // From the top: whole chrome lines, or chrome phrases joined at the start of a line.
  let sponsor = false;
  for (const i of nonBlank) {
    const phrases = leadingPhrases(words[i]!, sponsor);
    if (!phrases.length) break;
    out.set(i, phrases);
    const covered = phrases.reduce((a, b) => a + b, 0);
    if (covered < words[i]!.length) break;
    sponsor = isSponsor(words[i]!.slice(covered - phrases.at(-1)!).join(' '));
  }
  // From the bottom, line by line: chrome, a sponsor line and the promotion line after it.
  for (let k = nonBlank.length - 1; k >= 0; k--) {
    const i = nonBlank[k]!;
    const text = words[i]!.join(' ');
    const above = k > 0 ? words[nonBlank[k - 1]!]!.join(' ') : '';
    if (out.get(i)?.[0] === words[i]!.length || isChromePhrase(text, true, isSponsor(above))) out.set(i, [words[i]!.length]);
    else break;
  }
  return out;
}
