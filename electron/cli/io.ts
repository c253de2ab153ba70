/** What a CLI command may touch besides the file system: its streams and working dir. */
export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
}

export type CliCommand = (args: string[], io: CliIO) => Promise<number>;

/**
 * The reader of our output went away (`convert … | head -1`): what is left to print has
 * no one to read it, so the command stops quietly, as `cat` does, instead of dying with
 * an EPIPE stack trace. Any other stream error is reported in one line.
 */
function onStreamError(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`cueline: cannot write output (${error.message})\n`);
    process.exit(1);
  });
}

let streamsGuarded = false;
function guardStreams(): void {
  if (streamsGuarded) return;
  streamsGuarded = true;
  onStreamError(process.stdout);
  onStreamError(process.stderr);
}

export const processIO: CliIO = {
  stdout: (s) => {
    guardStreams();
    process.stdout.write(s);
  },
  stderr: (s) => {
    guardStreams();
    process.stderr.write(s);
  },
  cwd: process.cwd(),
};

/** A CliIO that records what a command prints, for tests and for callers that need the text. */
export function captureIO(cwd: string): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    cwd,
    stdout(s: string) {
      io.out += s;
    },
    stderr(s: string) {
      io.err += s;
    },
  };
  return io;
}
