/**
 * What a window has open, and the IPC handlers that act on it. Plain Node: Electron
 * (dialogs, windows) reaches it only through the `DialogPort` it is given, so the same
 * class runs under Electron, in the preview server and in tests.
 */
import { stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { OpenedAudio, OpenedSession, OpenedTranscript, SaveResult, TranscriptFormat } from '../../shared/ipc/contract';
import type { IpcHandlers } from './ipc-router';
import { findCompanions, isAudioPath } from './companions';
import type { MediaRegistry } from './media-registry';
import type { PathGuard } from './path-guard';
import { readTranscriptFile, writeTranscriptFile } from './transcript-file';
import { SessionPeaks } from './audio/session-peaks';

/** The native dialogs, as the session needs them. Electron and tests provide their own. */
export interface DialogPort {
  chooseOpen(kind: 'transcript' | 'audio'): Promise<string | null>;
  chooseSave(suggestedName: string): Promise<string | null>;
}

export interface SessionOptions {
  guard: PathGuard;
  media: MediaRegistry;
  dialogs: DialogPort;
  /** Files named on the command line (transcript and/or audio). */
  launchPaths: string[];
  /** Folder of the bundled demo episode, opened when no file was named. */
  demoDir: string;
  /** Base of audio URLs, e.g. `app://cueline` or `http://127.0.0.1:PORT`. */
  mediaBase: string;
  /** Folder for the waveform peaks cache (Electron: `app.getPath('userData')`); none when omitted. */
  peaksCacheDir?: string | null;
  log(message: string): void;
}

interface OpenDocument {
  path: string;
  encoding: string;
  format: TranscriptFormat;
}

type Message = OpenedSession['messages'][number];

export class Session {
  private readonly documents = new Map<string, OpenDocument>();
  private nextId = 1;
  private readonly peaks: SessionPeaks;

  constructor(private readonly options: SessionOptions) {
    this.peaks = new SessionPeaks({
      cacheDir: options.peaksCacheDir ? join(options.peaksCacheDir, 'peaks-cache') : null,
      log: options.log,
    });
  }

  /** Stops background work (peaks decoding); call when the window closes. */
  dispose(): void {
    this.peaks.dispose();
  }

  handlers(): IpcHandlers {
    return {
      'session:initial': () => this.initial(),
      'session:open-dialog': ({ kind }) => this.openDialog(kind),
      'document:save': ({ id, text }) => this.save(id, text),
      'document:save-as': ({ id, text }) => this.saveAs(id, text),
      'audio:peaks': ({ media, from }) => this.peaks.read(media, from),
    };
  }

  async initial(): Promise<OpenedSession> {
    const paths = this.options.launchPaths.length
      ? this.options.launchPaths
      : [join(this.options.demoDir, 'demo.vtt'), join(this.options.demoDir, 'demo.mp3')];
    return this.openPaths(paths);
  }

  async openDialog(kind: 'transcript' | 'audio'): Promise<OpenedSession> {
    const path = await this.options.dialogs.chooseOpen(kind);
    if (!path) return { transcript: null, audio: null, messages: [] };
    return this.openPaths([path]);
  }

  /**
   * Opens files the user named (argv, dialog, drop): the first transcript and the first
   * audio; when only a transcript is named, its audio and partner are looked up beside it.
   */
  async openPaths(paths: string[]): Promise<OpenedSession> {
    const messages: Message[] = [];
    const audioPath = paths.find(isAudioPath) ?? null;
    const transcriptPath = paths.find((p) => !isAudioPath(p)) ?? null;
    let transcript: OpenedTranscript | null = null;
    let audio: OpenedAudio | null = null;
    let companionAudio: string | null = null;
    if (transcriptPath) {
      const companions = await findCompanions(transcriptPath);
      companionAudio = companions.audio;
      transcript = await this.openTranscript(transcriptPath, messages);
      if (transcript && companions.partner) {
        await this.options.guard.allow(companions.partner);
        messages.push({ level: 'info', text: `Paired ${basename(transcriptPath)} with ${basename(companions.partner)}.` });
      }
    }
    const chosenAudio = audioPath ?? companionAudio;
    if (chosenAudio) {
      audio = await this.openAudio(chosenAudio, messages);
      if (audio && !audioPath) messages.push({ level: 'info', text: `Found audio ${audio.name} beside the transcript.` });
    }
    return { transcript, audio, messages };
  }

  private async openTranscript(path: string, messages: Message[]): Promise<OpenedTranscript | null> {
    const real = await this.options.guard.allow(path);
    const read = await readTranscriptFile(real);
    if (!read.ok) {
      messages.push({ level: 'error', text: read.message });
      return null;
    }
    const id = `doc-${this.nextId++}`;
    const format = formatOf(real, read.text);
    this.documents.set(id, { path: real, encoding: read.encoding, format });
    if (read.notice) messages.push({ level: 'warning', text: read.notice });
    return { id, name: basename(real), text: read.text, format, encoding: read.encoding, notice: read.notice };
  }

  private async openAudio(path: string, messages: Message[]): Promise<OpenedAudio | null> {
    const real = await this.options.guard.allow(path);
    try {
      const info = await stat(real);
      if (!info.isFile()) throw new Error('not a file');
      const token = this.options.media.register(real);
      this.peaks.openAudio(token, real);
      return { name: basename(real), url: `${this.options.mediaBase}/media/${token}`, size: info.size };
    } catch (error) {
      messages.push({ level: 'error', text: `${basename(path)}: cannot open audio (${describe(error)}). The transcript stays editable without a waveform.` });
      return null;
    }
  }

  async save(id: string, text: string): Promise<SaveResult> {
    const doc = this.documents.get(id);
    if (!doc) return { ok: false, canceled: false, message: `No open document ${id}.` };
    const path = await this.options.guard.check(doc.path, 'save');
    return this.write(path, text, doc.encoding);
  }

  async saveAs(id: string, text: string): Promise<SaveResult> {
    const doc = this.documents.get(id);
    if (!doc) return { ok: false, canceled: false, message: `No open document ${id}.` };
    const chosen = await this.options.dialogs.chooseSave(basename(doc.path));
    if (!chosen) return { ok: false, canceled: true, message: 'Save canceled.' };
    const path = await this.options.guard.allow(chosen);
    const result = await this.write(path, text, doc.encoding);
    if (result.ok) this.documents.set(id, { ...doc, path });
    return result;
  }

  private async write(path: string, text: string, encoding: string): Promise<SaveResult> {
    try {
      await writeTranscriptFile(path, text, encoding as Parameters<typeof writeTranscriptFile>[2]);
      return { ok: true, name: basename(path) };
    } catch (error) {
      return { ok: false, canceled: false, message: `${basename(path)}: could not save (${describe(error)}). Your text is still in the editor.` };
    }
  }
}

function formatOf(path: string, text: string): TranscriptFormat {
  const ext = extname(path).toLowerCase();
  if (/^\uFEFF?WEBVTT(?:[ \t\r\n]|$)/.test(text)) return 'vtt';
  if (ext === '.srt') return 'srt';
  return ext === '.vtt' ? 'vtt' : 'txt';
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'file not found';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
