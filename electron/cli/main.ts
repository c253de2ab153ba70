/**
 * `npm run cli -- <command> [args]`: the headless CLI. Runs straight from source with
 * tsx, so it works right after `npm install`. Each command lives in commands/<name>.ts
 * and is loaded only when called, so one command's dependencies never slow another.
 */
import { processIO, type CliCommand, type CliIO } from './io';

const commands: Record<string, { summary: string; load: () => Promise<{ run: CliCommand }> }> = {
  validate: { summary: 'validate [--fix] FILE...  check transcripts; prints file:line:col: severity: message', load: () => import('./commands/validate') },
  fix: { summary: 'fix --rules FILE PATH... [--dry-run]  apply corrections.tsv to transcripts (pairs alike)', load: () => import('./commands/fix') },
  clean: { summary: 'clean IN [--fillers] [--stutters] [--chrome] [--case] [--whitespace] [--remove-empty] [--accept-suggested] [-o OUT]', load: () => import('./commands/clean') },
  convert: { summary: 'convert IN --to vtt|srt|txt|json [--txt-style S] [--pair OTHER] [-o OUT]', load: () => import('./commands/convert') },
  align: { summary: 'align IN AUDIO [--to vtt|json] [--profile transcript|subtitles] [-o OUT]  time a transcript against its audio', load: () => import('./commands/align') },
};

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    if (name !== undefined && name !== '--help' && name !== '-h') io.stderr(`cueline: unknown command '${name}'\n`);
    io.stderr(`usage: npm run cli -- <command> [args]\n${Object.values(commands).map((c) => `  ${c.summary}`).join('\n')}\n`);
    return name === undefined || name === '--help' || name === '-h' ? 0 : 2;
  }
  const { run } = await command.load();
  return run(rest, io);
}

// Run only when executed directly (tests import main() instead).
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  process.exitCode = await main(process.argv.slice(2), processIO);
}
