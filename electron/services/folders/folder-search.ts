/**
 * Search, replace preview and apply across a folder's transcript files, one file at a
 * time and read on demand (a folder of 500 episodes is never held in memory: a preview
 * keeps only its matches and each file's hash). Matching and replacing are the
 * corrections engine's, through shared/folders (the same `matchRule` / `minimalChange`
 * as `cli fix`); writes are `cli fix`'s too: atomic, in the file's own encoding and line
 * endings, and only for files that change.
 */
import type { CorrectionRule } from '../../../shared/corrections';
import { fileMatches, replaceChosen, type FileMatch } from '../../../shared/folders/file-matches';
import { requiredTexts } from '../../../shared/folders/required-text';
import type { FolderApplyResult, FolderFileKind, FolderFileMatches, FolderSearchResult } from '../../../shared/ipc/folder-contract';
import { textHash } from '../file-watcher';
import { readTranscriptFile, writeTranscriptFile } from '../transcript-file';
import type { JobContext } from './folder-jobs';
import { bytesFilter, FolderReader } from './folder-read';

export interface SearchFile {
  id: string;
  episode: string;
  kind: FolderFileKind;
  name: string;
  path: string;
}

/** Matches listed at most (VS Code stops at 20,000 too): enough to review, bounded to send. */
export const MAX_MATCHES = 20_000;
/** Near-misses listed per file at most. */
const MAX_NEAR_MISSES = 200;

/** What a replace preview keeps for Apply: per file, its hash as previewed and its match count. */
export interface Preview {
  rules: readonly CorrectionRule[];
  files: Map<string, { file: SearchFile; hash: string; count: number }>;
}

/**
 * Every file's matches of `rules`. Files are read one at a time by `reader`; a file that
 * holds none of the text every match needs is passed over unparsed, except for
 * near-misses (case and spacing variants have no such text).
 */
export async function searchFiles(files: readonly SearchFile[], rules: readonly CorrectionRule[], withReplace: boolean, ctx: JobContext, nearMisses = false, reader = new FolderReader()): Promise<{ result: FolderSearchResult; preview: Preview }> {
  const found: FolderFileMatches[] = [];
  const problems: string[] = [];
  const preview: Preview = { rules, files: new Map() };
  let total = 0;
  let truncated = false;
  let searched = 0;
  const required = nearMisses ? null : requiredTexts(rules);
  const filter = required && bytesFilter(required);
  for (const file of files) {
    if (!(await ctx.step(searched, files.length))) break;
    searched++;
    const read = reader.read(file.path, filter);
    if (read.ok === 'skipped') continue;
    if (!read.ok) { problems.push(read.message); continue; }
    const inFile = fileMatches(read.text, rules, withReplace, undefined, nearMisses);
    const { matches, refused } = inFile;
    if (!matches.length && !refused && !inFile.nearMisses.length) continue;
    let kept = matches;
    if (total + matches.length > MAX_MATCHES) { kept = matches.slice(0, MAX_MATCHES - total); truncated = true; }
    total += kept.length;
    found.push({ episode: file.episode, file: file.id, name: file.name, kind: file.kind, refused, matches: kept.map(toWire), nearMisses: inFile.nearMisses.slice(0, MAX_NEAR_MISSES).map(({ from, ...m }) => ({ ...m, found: own(m.found), context: own(m.context), offset: from })) });
    if (withReplace && kept.length) preview.files.set(file.id, { file, hash: textHash(read.text), count: kept.length });
    if (truncated) break;
  }
  return { result: { files: found, filesSearched: searched, truncated, problems }, preview };
}

/**
 * A copy of `s` that does not hold on to the file's text. A slice of a long string may
 * share the whole string's memory (V8 keeps substrings as views), so the few lines of
 * context a job keeps for its result would keep every matching file's text alive: 150 MB
 * after three searches of the bench folder. Flattening `' ' + s` copies only `s`.
 */
function own(s: string): string {
  return (` ${s}`).slice(1);
}

function toWire(m: FileMatch) {
  return { rule: m.rule, line: m.line, column: m.column, context: own(m.context), contextFrom: m.contextFrom, contextTo: m.contextTo, replaced: own(m.replaced), time: m.time, offset: m.from };
}

/**
 * Writes the previewed replacements, leaving out `exclude` (file id -> match indices).
 * A file is written only if it still has the text the preview saw; `protect` (the paths
 * of a document with unsaved changes) is left alone. Each file is one atomic write.
 */
export async function applyPreview(preview: Preview, exclude: ReadonlyMap<string, ReadonlySet<number>>, protect: ReadonlySet<string>, ctx: JobContext | null): Promise<FolderApplyResult> {
  const result: FolderApplyResult = { replacements: 0, written: [], skipped: [] };
  let done = 0;
  for (const { file, hash, count } of preview.files.values()) {
    if (ctx && !(await ctx.step(done++, preview.files.size))) break;
    const skip = exclude.get(file.id) ?? new Set<number>();
    const chosen = new Set<number>();
    for (let i = 0; i < count; i++) if (!skip.has(i)) chosen.add(i);
    if (!chosen.size) continue;
    if (protect.has(file.path)) { result.skipped.push(`${file.name}: has unsaved changes in the editor; not changed.`); continue; }
    const read = await readTranscriptFile(file.path);
    if (!read.ok) { result.skipped.push(read.message); continue; }
    if (textHash(read.text) !== hash) { result.skipped.push(`${file.name}: changed on disk since the preview; not changed (search again).`); continue; }
    const { matches } = fileMatches(read.text, preview.rules, true);
    const next = replaceChosen(read.text, matches.slice(0, count), chosen);
    if (next === read.text) continue;
    try {
      await writeTranscriptFile(file.path, next, read.encoding);
      result.written.push(file.name);
      result.replacements += [...chosen].filter((i) => matches[i]?.change).length;
    } catch (error) {
      result.skipped.push(`${file.name}: cannot write (${error instanceof Error ? error.message : String(error)}).`);
    }
  }
  return result;
}
