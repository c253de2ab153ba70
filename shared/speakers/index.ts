export { voiceTags, leadingVoice, voiceTagText, escapeSpeakerName, type VoiceTag } from './voices';
export { speakerStats, formatTalkTime, type SpeakerStat } from './stats';
export { renameSpeaker, setSpeaker } from './edits';
export { moveWords, type MoveDirection, type TimedWord, type WordMove } from './word-move';
export { exportSpeakerParagraphs } from './paragraph-export';
export { speakerColour, SPEAKER_PALETTE } from './colour';
