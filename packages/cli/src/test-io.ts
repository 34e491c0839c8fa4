import type { CommandIo } from './command.ts';

/** A CommandIo that records what a command prints, for tests. */
export function captureIo(env: NodeJS.ProcessEnv = {}): CommandIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    env,
    out(text: string) {
      io.stdout += text.endsWith('\n') ? text : `${text}\n`;
    },
    err(text: string) {
      io.stderr += text.endsWith('\n') ? text : `${text}\n`;
    },
  };
  return io;
}
