export { speakerCommands, renameSpeakerIn, mergeSpeakerIn, setSpeakerOfSelection, moveWordsToPrevious, moveWordsToNext } from './commands';
export { SpeakersBar } from './SpeakersBar';
