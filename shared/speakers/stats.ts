/** Who speaks how much: per speaker, the cues they open and the time those cues last. */
import type { Cue } from '../model/cue';

export interface SpeakerStat {
  name: string;
  /** Cues whose first voice is this speaker. */
  cues: number;
  /** Seconds: the sum of those cues' durations (timed cues only). */
  talkTime: number;
  /** Index of the speaker's first cue (the list is in order of first appearance). */
  firstCue: number;
}

export function speakerStats(cues: readonly Cue[]): SpeakerStat[] {
  const byName = new Map<string, SpeakerStat>();
  cues.forEach((cue, i) => {
    if (!cue.speaker) return;
    let stat = byName.get(cue.speaker);
    if (!stat) byName.set(cue.speaker, (stat = { name: cue.speaker, cues: 0, talkTime: 0, firstCue: i }));
    stat.cues++;
    if (cue.start !== null && cue.end !== null && cue.end > cue.start) stat.talkTime += cue.end - cue.start;
  });
  return [...byName.values()];
}

/** `1:02:03` / `4:05` for talk times. */
export function formatTalkTime(seconds: number): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
