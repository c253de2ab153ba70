/**
 * `<v Name>` tags of a cue's text, with their offsets: what speaker statistics, renames
 * and the transcript view's labels read. Built on the spec tokenizer (cue-text.ts), so a
 * name is what a browser would take as the annotation (trimmed, whitespace collapsed,
 * character references decoded).
 */
import { tokenizeCueText } from '../formats/vtt/cue-text';

export interface VoiceTag {
  /** Offsets of the whole `<v …>` tag in the cue text. */
  from: number;
  to: number;
  name: string;
  classes: readonly string[];
}

/** Every voice start tag of `raw` (cue text), in order. Cheap when there is none. */
export function voiceTags(raw: string): VoiceTag[] {
  if (raw.indexOf('<v') === -1) return [];
  const out: VoiceTag[] = [];
  for (const t of tokenizeCueText(raw)) {
    if (t.type === 'start' && t.name === 'v') out.push({ from: t.from, to: t.to, name: t.annotation, classes: t.classes });
  }
  return out;
}

/** The voice tag the text opens with (nothing before it but whitespace), or null. */
export function leadingVoice(raw: string): VoiceTag | null {
  const first = voiceTags(raw)[0];
  return first && raw.slice(0, first.from).trim() === '' ? first : null;
}

/** A name as annotation text: `&` and `>` would end or change it, so they are escaped. */
export function escapeSpeakerName(name: string): string {
  return name.replaceAll('&', '&amp;').replaceAll('>', '&gt;').replace(/[\r\n]+/g, ' ').trim();
}

/** A voice tag for `name`, keeping the classes of the tag it replaces. */
export function voiceTagText(name: string, classes: readonly string[] = []): string {
  return `<v${classes.map((c) => '.' + c).join('')} ${escapeSpeakerName(name)}>`;
}
