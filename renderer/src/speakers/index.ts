export { speakerCommands, renameSpeakerIn, mergeSpeakerIn, setSpeakerOfSelection, moveWordsToPrevious, moveWordsToNext, moveWordsOfCue } from './commands';
export { SpeakersBar } from './SpeakersBar';
