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
