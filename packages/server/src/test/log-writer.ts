/**
 * A child process for the log destination's test (plugins/log-safety.test.ts): writes `count` lines through
 * `openLogDestination` to the file descriptor of `file`, then ends as `how` says: `exit` (process.exit right
 * away), `throw` (an uncaught exception) or `kill` (SIGKILL, which no handler sees).
 * Usage: node --import tsx log-writer.ts FILE COUNT exit|throw|kill
 */
import { openSync } from 'node:fs';
import pino from 'pino';
import { openLogDestination } from '../plugins/log-safety.ts';

const [file = '', count = '0', how = 'exit'] = process.argv.slice(2);
const log = pino(openLogDestination(openSync(file, 'a')));
for (let i = 0; i < Number(count); i++) log.info({ line: i }, 'written before the end');
if (how === 'kill') process.kill(process.pid, 'SIGKILL');
else if (how === 'throw') throw new Error('an uncaught exception');
else process.exit(0);
