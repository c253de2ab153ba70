/**
 * Speaker edits as text changes on the WebVTT text: each touches only the `<v …>` tags
 * involved, so the editor applies them as one transaction (one undo step) and the rest
 * of the file keeps its bytes.
 */
import type { TextChange } from '../model/text-change';
import type { VttDocument } from '../formats/vtt/types';
import { leadingVoice, voiceTags, voiceTagText } from './voices';

/** Every `<v from>` becomes `<v to>` (classes kept). Merging two speakers is renaming one into the other. */
export function renameSpeaker(doc: VttDocument, from: string, to: string): TextChange[] {
  const changes: TextChange[] = [];
  if (!to.trim() || from === to) return changes;
  for (const cue of doc.cues) {
    const at = cue.textRange.from;
    const raw = doc.text.slice(at, cue.textRange.to);
    for (const tag of voiceTags(raw)) {
      if (tag.name === from) changes.push({ from: at + tag.from, to: at + tag.to, insert: voiceTagText(to, tag.classes) });
    }
  }
  return changes;
}

/**
 * Cues `first..last` open with `<v name>`: their leading voice tag is rewritten, or one is
 * added before their text. `name` null removes the leading tag (and a closing `</v>` at the end).
 */
export function setSpeaker(doc: VttDocument, first: number, last: number, name: string | null): TextChange[] {
  const changes: TextChange[] = [];
  for (let i = Math.max(0, first); i <= Math.min(last, doc.cues.length - 1); i++) {
    const cue = doc.cues[i]!;
    const at = cue.textRange.from;
    const raw = doc.text.slice(at, cue.textRange.to);
    if (!raw) continue;
    const lead = leadingVoice(raw);
    if (name === null || !name.trim()) {
      if (!lead) continue;
      changes.push({ from: at + lead.from, to: at + lead.to, insert: '' });
      if (raw.endsWith('</v>') && raw.length - 4 >= lead.to) changes.push({ from: cue.textRange.to - 4, to: cue.textRange.to, insert: '' });
      continue;
    }
    if (lead?.name === name) continue;
    const tag = voiceTagText(name, lead?.classes);
    changes.push(lead ? { from: at + lead.from, to: at + lead.to, insert: tag } : { from: at, to: at, insert: tag });
  }
  return changes;
}
