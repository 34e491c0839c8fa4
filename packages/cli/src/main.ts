import { redactSecrets } from '@kadr/server';
import { CliError } from './cli-error.ts';
import { type Command, type CommandIo, processIo } from './command.ts';
import { commands } from './commands/index.ts';

function helpText(): string {
  const lines = commands.map((c) => `  kadr ${c.words.join(' ').padEnd(22)} ${c.summary}`);
  return [
    'Usage: kadr <command> [flags]',
    '',
    'Commands:',
    ...lines,
    '',
    'kadr <command> --help for its flags.',
  ].join('\n');
}

/** Picks the command whose words match the longest prefix of argv. */
function findCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  let best: { command: Command; rest: string[] } | undefined;
  for (const command of commands) {
    const n = command.words.length;
    if (n <= argv.length && command.words.every((w, i) => argv[i] === w)) {
      if (!best || n > best.command.words.length) best = { command, rest: argv.slice(n) };
    }
  }
  return best;
}

/**
 * Runs the `kadr` command line.
 * @param argv the arguments after `kadr`
 * @returns the exit code: 0 success, 1 runtime failure, 2 usage error
 */
export async function main(argv: string[], io: CommandIo = processIo): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    io.out(helpText());
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`kadr: unknown command "${argv.join(' ')}"\n\n${helpText()}`);
    return 2;
  }
  if (found.rest.includes('--help') || found.rest.includes('-h')) {
    io.out(found.command.usage);
    return 0;
  }
  try {
    return await found.command.run(found.rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`kadr: ${error.message}`);
      return error.exitCode;
    }
    // A failed query's message carries its bound values (a password hash on `users create`): redacted.
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.err(`kadr: unexpected error: ${redactSecrets(text)}`);
    return 1;
  }
}
