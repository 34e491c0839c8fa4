/** A `kadr` command: a noun (and optional verb) with its own flags. */
export interface Command {
  /** Words that select the command, e.g. `['users', 'create']`. */
  readonly words: readonly string[];
  /** One line for `kadr help`. */
  readonly summary: string;
  /** Usage text printed on `--help` and on a usage error. */
  readonly usage: string;
  /** Runs the command with the arguments that follow its words; resolves to the exit code. */
  run(args: string[], io: CommandIo): Promise<number>;
}

/** Where a command writes: injected so tests can capture output. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

/** The process's own streams and environment. */
export const processIo: CommandIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  env: process.env,
};
