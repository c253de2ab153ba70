/**
 * `fix --rules FILE PATH... [--dry-run]`: applies a corrections list to transcripts.
 * Folders are walked; `.vtt`, `.txt` and `.srt` files are corrected (a `.txt`/`.vtt`
 * pair by basename gets the same rules in both members). Files are written atomically in
 * their own encoding and line endings, and only when something changed: a file the rules
 * do not match keeps its bytes and its mtime. Prints per-file counts and near-misses;
 * `--dry-run` prints a unified diff and writes nothing. The format of each file is read
 * from its content (a WebVTT saved as `.txt` keeps its timings and settings), never from
 * its extension. Exit 0 on success, 1 on errors (a bad rule is reported as
 * `FILE:line:col: error: ...`, and so is a match whose replacement would create markup,
 * or a regex rule over its time budget, both skipped), 2 on usage mistakes.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import { correctTranscript, DEFAULT_CLOCK, parseRules, type CorrectionRule } from '../../../shared/corrections';
import { detectFormat } from '../../../shared/formats/detect';
import { formatDiagnostic, LineIndex } from '../../../shared/model/diagnostic';
import { applyChanges } from '../../../shared/model/text-change';
import { unifiedDiff } from '../../../shared/text/unified-diff';
import { readTranscriptFile, writeTranscriptFile } from '../../services/transcript-file';
import type { CliIO } from '../io';

const USAGE = 'usage: fix --rules FILE PATH... [--dry-run]\n';
/** Which files a folder walk picks up; what each one is, its content says. */
const EXTENSIONS = new Set(['.vtt', '.txt', '.srt']);

async function collect(path: string, out: string[]): Promise<void> {
  const info = await stat(path);
  if (info.isDirectory()) {
    const names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
    for (const name of names) {
      const child = join(path, name);
      const s = await stat(child).catch(() => null);
      if (s?.isDirectory()) await collect(child, out);
      else if (s && EXTENSIONS.has(extname(name).toLowerCase())) out.push(child);
    }
  } else out.push(path);
}

export interface FixSummary {
  files: number;
  changedFiles: number;
  replacements: number;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  let rulesPath: string | null = null;
  let dryRun = false;
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--rules') rulesPath = args[++i] ?? null;
    else if (a === '--dry-run' || a === '-n') dryRun = true;
    else if (a.startsWith('-')) return io.stderr(`fix: unknown option ${a}\n${USAGE}`), 2;
    else inputs.push(a);
  }
  if (!rulesPath || !inputs.length) return io.stderr(USAGE), 2;

  const rulesFile = resolve(io.cwd, rulesPath);
  const rulesRead = await readTranscriptFile(rulesFile);
  if (!rulesRead.ok) return io.stderr(`${rulesRead.message}\n`), 1;
  const { rules, diagnostics } = parseRules(rulesRead.text);
  if (diagnostics.length) {
    for (const d of diagnostics) io.stderr(`${formatDiagnostic(rulesPath, d)}\n`);
    return 1;
  }
  if (!rules.length) return io.stderr(`${rulesPath}: no rules\n`), 1;

  const files: string[] = [];
  try {
    for (const input of inputs) await collect(resolve(io.cwd, input), files);
  } catch (error) {
    io.stderr(`fix: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const summary = await fixFiles(files, rules, { dryRun, io, rulesFile, rulesName: rulesPath });
  io.stdout(`${summary.replacements} replacement${summary.replacements === 1 ? '' : 's'} in ${summary.changedFiles} of ${summary.files} files${dryRun ? ' (dry run: nothing written)' : ''}\n`);
  return summary.errors ? 1 : 0;
}

export async function fixFiles(
  files: readonly string[],
  rules: readonly CorrectionRule[],
  options: { dryRun: boolean; io: CliIO; rulesFile?: string; rulesName?: string },
): Promise<FixSummary & { errors: number }> {
  const { io } = options;
  const summary = { files: 0, changedFiles: 0, replacements: 0, errors: 0 };
  const show = (f: string) => relative(io.cwd, f) || basename(f);
  const rulesName = options.rulesName ?? (options.rulesFile ? show(options.rulesFile) : 'corrections.tsv');
  // A .txt/.vtt pair (same folder and basename) gets the same rules; reports name the partner.
  const unique = [...new Set(files.map((f) => resolve(f)))];
  const present = new Set(unique);
  const partner = (f: string) => {
    const ext = extname(f);
    const other = { '.vtt': '.txt', '.txt': '.vtt' }[ext.toLowerCase()];
    const path = other ? f.slice(0, f.length - ext.length) + other : null;
    return path && present.has(path) ? basename(path) : null;
  };
  for (const file of unique) {
    if (options.rulesFile && resolve(file) === options.rulesFile) continue;
    const read = await readTranscriptFile(file);
    if (!read.ok) {
      io.stderr(`${read.message}\n`);
      summary.errors++;
      continue;
    }
    summary.files++;
    if (read.notice) io.stderr(`${show(file)}: note: ${read.notice}\n`);
    const result = correctTranscript(read.text, rules, detectFormat(read.text));
    const count = [...result.counts.values()].reduce((a, b) => a + b, 0);
    const lines = new LineIndex(read.text);
    const at = (offset: number) => {
      const { line, column } = lines.position(offset);
      return `${show(file)}:${line}:${column}`;
    };
    for (const m of result.nearMisses) {
      io.stdout(`${at(m.from)}: near-miss: "${m.found}" differs from rule "${m.rule.find}" (line ${m.rule.line}) in ${m.why}; not changed\n`);
    }
    for (const h of result.refused) {
      io.stderr(`${rulesName}:${h.rule.line}:${h.rule.find.length + 2}: error: replacing "${h.found}" with "${h.replacement}" at ${at(h.from)} would create markup; not changed\n`);
      summary.errors++;
    }
    for (const rule of result.overBudget) {
      io.stderr(`${rulesName}:${rule.line}:1: error: the regular expression ran over its ${DEFAULT_CLOCK.budgetMs / 1000} s budget on ${show(file)}; skipped there\n`);
      summary.errors++;
    }
    if (!result.changes.length) continue;
    summary.changedFiles++;
    summary.replacements += count;
    const perRule = [...result.counts].map(([line, n]) => `${rules.find((r) => r.line === line)!.find} x${n}`).join(', ');
    const pair = partner(file);
    io.stdout(`${show(file)}: ${count} replacement${count === 1 ? '' : 's'} (${perRule})${pair ? ` [pair: ${pair}]` : ''}\n`);
    if (options.dryRun) {
      io.stdout(unifiedDiff(read.text, result.changes, { from: `a/${show(file)}`, to: `b/${show(file)}` }));
      continue;
    }
    try {
      await writeTranscriptFile(file, applyChanges(read.text, result.changes), read.encoding);
    } catch (error) {
      io.stderr(`${show(file)}: cannot write (${error instanceof Error ? error.message : String(error)})\n`);
      summary.errors++;
    }
  }
  return summary;
}
