/**
 * Opening files the user named (command line, dialog, drop, recent list, second launch):
 * the transcript, its TXT/VTT partner and its audio found beside it. Every path is
 * resolved (realpath) and checked to be a regular file in its folder BEFORE its name or
 * extension is looked at, so a `.vtt` or `.mp3` symlink to `/etc/passwd`, or a FIFO, is
 * refused with a message naming it. A `.tsv` of plain text opens as a corrections list
 * (shared/folders/corrections-document.ts), alone.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import { parseRules } from '../../shared/corrections';
import { isCorrectionsList } from '../../shared/folders/corrections-document';
import { formatDiagnostic } from '../../shared/model/diagnostic';
import type { OpenedAudio, OpenedSession, OpenedTranscript } from '../../shared/ipc/contract';
import { detectFormat } from '../../shared/formats/detect';
import { toEditorSource } from '../../shared/formats/episode';
import { pairEpisode, txtOnlyEdits } from '../../shared/formats/pair';
import { parseVtt } from '../../shared/formats/vtt';
import type { IpcHandlers } from './ipc-router';
import { findCompanions, isAudioPath, TRANSCRIPT_EXTENSIONS } from './companions';
import type { DocumentStore, PairState } from './document-store';
import { textHash } from './file-watcher';
import type { MediaRegistry } from './media-registry';
import type { PathGuard } from './path-guard';
import { recentLabel, type RecentFiles } from './recent-files';
import type { SessionPeaks } from './audio/session-peaks';
import { readTranscriptFile } from './transcript-file';
import { resolveRegularFile } from './user-file';

export type Message = OpenedSession['messages'][number];

/** The native dialogs, as the session needs them. Electron and tests provide their own. */
export interface DialogPort {
  chooseOpen(kind: 'transcript' | 'audio'): Promise<string | null>;
  chooseSave(suggestedName: string): Promise<string | null>;
  /** File ▸ Open Folder: a folder of episodes (none where the host has no folder dialog). */
  chooseFolder?(): Promise<string | null>;
}

export interface OpenerOptions {
  store: DocumentStore;
  guard: PathGuard;
  media: MediaRegistry;
  peaks: SessionPeaks;
  dialogs: DialogPort;
  launchPaths: string[];
  demoDir: string;
  mediaBase: string;
  recent?: RecentFiles;
  onOpened?(path: string): void;
  log(message: string): void;
}

/** How a path reached the app: a drop must also carry a transcript or audio extension (on its real name). */
export type PathOrigin = 'named' | 'dropped';

const nothing = (messages: Message[] = []): OpenedSession => ({ transcript: null, audio: null, messages });

export class DocumentOpener {
  constructor(private readonly options: OpenerOptions) {}

  handlers(): Pick<IpcHandlers, 'session:initial' | 'session:open-dialog' | 'session:open-dropped' | 'document:reload' | 'recent:list' | 'recent:open'> {
    return {
      'session:initial': () => this.initial(),
      'session:open-dialog': ({ kind }) => this.openDialog(kind),
      'session:open-dropped': ({ paths }) => this.openPaths(paths, 'dropped'),
      'document:reload': ({ id }) => this.reload(id),
      'recent:list': () => this.recentList(),
      'recent:open': ({ index }) => this.openRecent(index),
    };
  }

  async initial(): Promise<OpenedSession> {
    const { launchPaths, demoDir } = this.options;
    return this.openPaths(launchPaths.length ? launchPaths : [join(demoDir, 'demo.vtt'), join(demoDir, 'demo.mp3')]);
  }

  async openDialog(kind: 'transcript' | 'audio'): Promise<OpenedSession> {
    const path = await this.options.dialogs.chooseOpen(kind);
    return path ? this.openPaths([path]) : nothing();
  }

  /** Reads the document's file (and partner) again, as a new document; the old one is closed. */
  async reload(id: string): Promise<OpenedSession> {
    const doc = this.options.store.get(id);
    if (!doc?.path) return nothing([{ level: 'error', text: 'This document has no file to reload.' }]);
    this.options.store.close(id);
    const session = await this.openPaths([doc.path]);
    // The audio stays as it is in the window.
    return { ...session, audio: null, messages: session.transcript ? [{ level: 'info', text: `Reloaded ${session.transcript.name} from disk.` }] : session.messages };
  }

  async recentList(): Promise<{ name: string; folder: string }[]> {
    return (await this.options.recent?.list() ?? []).map((e) => recentLabel(e.path));
  }

  /** Opens entry `index` of the recent list (the renderer names entries by position, never by path). */
  async openRecent(index: number): Promise<OpenedSession> {
    const entry = (await this.options.recent?.list() ?? [])[index];
    return entry ? this.openPaths([entry.path]) : nothing([{ level: 'error', text: 'That recent file is no longer there.' }]);
  }

  /**
   * Opens files the user named: the first transcript and the first audio; when only a
   * transcript is named, its audio and partner are looked up beside it. A TXT with a VTT
   * partner opens as that episode (the VTT holds the times). Dropped paths (from the
   * preload) must also be absolute and have a transcript or audio extension.
   */
  async openPaths(paths: readonly string[], origin: PathOrigin = 'named'): Promise<OpenedSession> {
    const messages: Message[] = [];
    const reals: string[] = [];
    for (const path of paths) {
      const real = await this.resolve(path, origin, messages);
      if (real) reals.push(real);
    }
    if (!reals.length) return nothing(messages);
    const audioPath = reals.find(isAudioPath) ?? null;
    let transcriptPath = reals.find((p) => !isAudioPath(p)) ?? null;
    let transcript: OpenedTranscript | null = null;
    let companionAudio: string | null = null;
    // A corrections list opens alone: it has no audio or partner beside it.
    if (transcriptPath && extname(transcriptPath).toLowerCase() === '.tsv') {
      const list = await this.openCorrectionsList(transcriptPath, messages);
      if (list !== 'transcript') return { transcript: list, audio: null, messages };
    }
    if (transcriptPath) {
      const companions = await this.companions(transcriptPath, messages);
      companionAudio = companions.audio;
      let partner = companions.partner;
      if (partner && extname(transcriptPath).toLowerCase() === '.txt') [transcriptPath, partner] = [partner, transcriptPath];
      transcript = await this.openTranscript(transcriptPath, partner, messages);
    }
    const chosenAudio = audioPath ?? companionAudio;
    const audio = chosenAudio ? await this.openAudio(chosenAudio, messages) : null;
    if (audio && !audioPath) messages.push({ level: 'info', text: `Found audio ${audio.name} beside the transcript.` });
    return { transcript, audio, messages };
  }

  /** The real path of a named file, or null with the reason in `messages` and the log. */
  private async resolve(path: string, origin: PathOrigin, messages: Message[]): Promise<string | null> {
    const refuse = (text: string) => {
      this.options.log(`refused ${origin === 'dropped' ? 'dropped ' : ''}path ${path}: ${text}`);
      messages.push({ level: origin === 'dropped' ? 'warning' : 'error', text });
      return null;
    };
    if (origin === 'dropped' && !isAbsolute(path)) return refuse(`${basename(path)}: not a transcript or audio file; not opened.`);
    const resolved = await resolveRegularFile(path, { kind: isAudioPath(path) ? 'audio file' : 'transcript file' });
    if (!resolved.ok) return refuse(resolved.message);
    const ext = extname(resolved.real).toLowerCase();
    if (origin === 'dropped' && !(TRANSCRIPT_EXTENSIONS as readonly string[]).includes(ext) && ext !== '.tsv' && !isAudioPath(resolved.real)) {
      return refuse(`${basename(path)}: not a transcript or audio file; not opened.`);
    }
    return this.options.guard.allow(resolved.real);
  }

  /**
   * The audio and partner beside a transcript, each resolved like the transcript itself:
   * a companion that is really elsewhere (a symlink out of the folder) or is not a regular
   * file with the right extension is left out, and the user is told.
   */
  private async companions(transcriptPath: string, messages: Message[]): Promise<{ audio: string | null; partner: string | null }> {
    const found = await findCompanions(transcriptPath);
    const folder = dirname(transcriptPath);
    const check = async (path: string | null, fits: (real: string) => boolean, what: string) => {
      if (!path) return null;
      const resolved = await resolveRegularFile(path, { folder, kind: what });
      const message = !resolved.ok ? resolved.message : fits(resolved.real) ? null : `${basename(path)}: is a link to a file that is not ${what === 'audio file' ? 'audio' : 'a transcript'}; refused.`;
      if (message || !resolved.ok) {
        this.options.log(`refused companion ${path}: ${message}`);
        messages.push({ level: 'warning', text: `${message} Not opened with ${basename(transcriptPath)}.` });
        return null;
      }
      return this.options.guard.allow(resolved.real);
    };
    const partnerExt = extname(found.partner ?? '').toLowerCase();
    return {
      audio: await check(found.audio, isAudioPath, 'audio file'),
      partner: await check(found.partner, (real) => extname(real).toLowerCase() === partnerExt, 'transcript file'),
    };
  }

  /**
   * A `.tsv` as a corrections list: the text as it is (an empty file is an empty list),
   * saved back in its own encoding like any document. 'transcript' when its content is a
   * WebVTT or SRT after all (the content decides, as shared/formats/detect.ts says).
   */
  private async openCorrectionsList(real: string, messages: Message[]): Promise<OpenedTranscript | null | 'transcript'> {
    const { store } = this.options;
    const empty = (await stat(real).catch(() => null))?.size === 0;
    const read = empty ? null : await readTranscriptFile(real);
    if (read && !read.ok) {
      messages.push({ level: 'error', text: read.message });
      return null;
    }
    const text = read?.text ?? '';
    const encoding = read?.encoding ?? 'utf-8';
    if (!isCorrectionsList(text, basename(real))) return 'transcript';
    if (read?.notice) messages.push({ level: 'warning', text: `${basename(real)}: ${read.notice}` });
    const { rules, diagnostics } = parseRules(text);
    messages.push({ level: diagnostics.length ? 'warning' : 'info', text: `${basename(real)}: a corrections list of ${rules.length} rule${rules.length === 1 ? '' : 's'}${diagnostics.length ? `; ${diagnostics.length} line${diagnostics.length === 1 ? '' : 's'} with errors (first ${formatDiagnostic(basename(real), diagnostics[0]!)})` : ''}.` });
    const id = store.add({ path: real, suggestedName: basename(real), encoding, pair: null, folder: dirname(real), diskHash: empty ? null : textHash(text) }, text);
    await this.options.recent?.add(real);
    this.options.onOpened?.(real);
    return { id, name: basename(real), text, format: 'txt', encoding, notice: read?.notice };
  }

  private async openTranscript(real: string, partnerPath: string | null, messages: Message[]): Promise<OpenedTranscript | null> {
    const { store } = this.options;
    const read = await readTranscriptFile(real);
    if (!read.ok) {
      messages.push({ level: 'error', text: read.message });
      return null;
    }
    if (read.notice) messages.push({ level: 'warning', text: `${basename(real)}: ${read.notice}` });
    const source = toEditorSource(read.text, basename(real));
    if (source.from !== 'vtt') {
      // Converted input is never written back over its source: Save asks where the .vtt goes.
      if (source.message) messages.push({ level: 'info', text: source.message });
      const suggestedName = `${basename(real, extname(real))}.vtt`;
      const id = store.add({ path: null, suggestedName, encoding: 'utf-8', pair: null, folder: dirname(real), diskHash: null });
      return { id, name: suggestedName, text: source.vtt, format: 'vtt', encoding: 'utf-8', notice: read.notice };
    }
    const pair = partnerPath ? await this.openPair(read.text, partnerPath, basename(real), messages) : null;
    const id = store.add({ path: real, suggestedName: basename(real), encoding: read.encoding, pair, folder: dirname(real), diskHash: textHash(read.text) }, read.text);
    await this.options.recent?.add(real);
    this.options.onOpened?.(real);
    return { id, name: basename(real), text: read.text, format: 'vtt', encoding: read.encoding, notice: read.notice };
  }

  /** Reads the TXT partner of a VTT and infers which cues make each of its entries. */
  private async openPair(vttText: string, real: string, vttName: string, messages: Message[]): Promise<PairState | null> {
    const read = await readTranscriptFile(real);
    if (!read.ok) {
      messages.push({ level: 'warning', text: `${read.message} The VTT opens without its TXT partner.` });
      return null;
    }
    if (detectFormat(read.text, real) !== 'txt') return null;
    const pairing = pairEpisode(parseVtt(vttText).cues, read.text);
    const edits = txtOnlyEdits(pairing).length;
    messages.push({
      level: 'info',
      text: `Paired ${vttName} with ${basename(real)}: ${pairing.entries.length} TXT entries from ${pairing.cues.length} cues` +
        (edits ? `; ${edits} TXT lines carry edits the VTT lacks and are kept.` : '.') + ' Saving writes both.',
    });
    if (pairing.diagnostics.length) {
      messages.push({ level: 'warning', text: `${basename(real)}: ${pairing.diagnostics.length} entries could not be matched to cues (first at line ${pairing.diagnostics[0]!.line}).` });
    }
    return { path: real, encoding: read.encoding, pairing, saved: read.text };
  }

  /** Audio (already resolved) served by token, its peaks decoded in workers. */
  private async openAudio(real: string, messages: Message[]): Promise<OpenedAudio | null> {
    const resolved = await resolveRegularFile(real, { kind: 'audio file' });
    if (!resolved.ok) {
      messages.push({ level: 'error', text: `${resolved.message} The transcript stays editable without a waveform.` });
      return null;
    }
    const token = this.options.media.register(resolved.real);
    this.options.peaks.openAudio(token, resolved.real);
    return { name: basename(resolved.real), url: `${this.options.mediaBase}/media/${token}`, size: resolved.size };
  }
}
