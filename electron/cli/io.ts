/** What a CLI command may touch besides the file system: its streams and working dir. */
export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
}

export type CliCommand = (args: string[], io: CliIO) => Promise<number>;

export const processIO: CliIO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
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
