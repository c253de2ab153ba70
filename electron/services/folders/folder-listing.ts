/**
 * What a folder of episodes holds: its transcripts and audio grouped by basename
 * (`515-temporal.vtt` + `515-temporal.txt` + `515-temporal.mp3` is one episode), found by
 * one directory read per folder level. Every entry is resolved with realpath and must be
 * a regular file really inside the folder: a symlink out of it, a FIFO, socket or device
 * is left out and named with the reason. Nothing is read here: files are read on demand.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import type { FolderFileKind } from '../../../shared/ipc/folder-contract';
import { isAudioPath } from '../companions';
import { isInside } from '../user-file';

export interface ListedFile {
  kind: FolderFileKind;
  /** Real path (inside the folder). */
  path: string;
  /** Path relative to the folder, `/`-separated (what the sidebar shows). */
  name: string;
  size: number;
  mtimeMs: number;
}

export interface ListedEpisode {
  /** Relative path of the basename (`season-2/515-temporal`). */
  name: string;
  files: ListedFile[];
}

export interface Listing {
  root: string;
  episodes: ListedEpisode[];
  refused: string[];
}

const KINDS: Record<string, FolderFileKind> = { '.vtt': 'vtt', '.txt': 'txt', '.srt': 'srt' };
/** Folder levels walked below the root (a repo with one folder per season, not a whole disk). */
const MAX_DEPTH = 3;
const ORDER: FolderFileKind[] = ['vtt', 'txt', 'srt', 'audio'];

function kindOf(name: string): FolderFileKind | null {
  if (isAudioPath(name)) return 'audio';
  return KINDS[extname(name).toLowerCase()] ?? null;
}

/** Lists `folder` (already realpath'd), grouping its transcript and audio files into episodes. */
export async function listFolder(root: string): Promise<Listing> {
  const refused: string[] = [];
  const files: ListedFile[] = [];
  await walk(root, root, 0, files, refused);
  const byStem = new Map<string, ListedFile[]>();
  for (const f of files) {
    const stem = f.name.slice(0, f.name.length - extname(f.name).length);
    const list = byStem.get(stem) ?? [];
    list.push(f);
    byStem.set(stem, list);
  }
  const episodes = [...byStem]
    // Audio alone is not an episode: there is nothing to edit.
    .filter(([, list]) => list.some((f) => f.kind !== 'audio'))
    .map(([name, list]) => ({ name, files: list.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.name.localeCompare(b.name)) }))
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  return { root, episodes, refused };
}

async function walk(root: string, dir: string, depth: number, out: ListedFile[], refused: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    refused.push(`${relative(root, dir) || basename(dir)}: cannot read the folder (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    return;
  }
  const checks = entries.filter((e) => !e.name.startsWith('.')).map(async (entry) => {
    const path = join(dir, entry.name);
    const shown = relative(root, path).split('\\').join('/');
    if (entry.isDirectory()) {
      if (depth < MAX_DEPTH) await walk(root, path, depth + 1, out, refused);
      return;
    }
    const kind = kindOf(entry.name);
    if (!kind) return;
    if (entry.isFile()) {
      const info = await stat(path).catch(() => null);
      if (info?.isFile()) out.push({ kind, path, name: shown, size: info.size, mtimeMs: info.mtimeMs });
      return;
    }
    if (!entry.isSymbolicLink()) return void refused.push(`${shown}: is not a regular file (a FIFO, socket or device); left out.`);
    // A link is judged by where it really leads.
    const real = await realpath(path).catch(() => null);
    if (!real) return void refused.push(`${shown}: is a broken link; left out.`);
    if (!isInside(real, root)) return void refused.push(`${shown}: is a link to a file outside the folder; left out.`);
    const info = await stat(real).catch(() => null);
    if (!info?.isFile()) return void refused.push(`${shown}: is a link to something that is not a regular file; left out.`);
    if (kindOf(real) !== kind) return void refused.push(`${shown}: is a link to a file of another kind (${basename(real)}); left out.`);
    out.push({ kind, path: real, name: shown, size: info.size, mtimeMs: info.mtimeMs });
  });
  await Promise.all(checks);
}
