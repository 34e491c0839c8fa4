// `npm run bench:api:log`: the CPU time a request's log line costs to hand to the server's log
// destination (openLogDestination: lines gathered, then given to SonicBoom 4 KB at a time) against SonicBoom
// given each line itself with the same options (what openLogDestination was until the twelfth round of
// docs/api-performance.md). Both write to /dev/null; the loop yields a turn every 50 lines, so that writes
// complete as on a server (that turn costs about 0.3 µs a line in either). Prints min, median and max of 7
// passes of 20,000 lines, twice each, alternated.
import pino from 'pino';
import { LOG_MAX_BUFFER_BYTES, openLogDestination } from '../../packages/server/src/plugins/log-safety.ts';

const LINE = `${JSON.stringify({
  level: 30,
  time: 1765090800000,
  pid: 1234,
  hostname: 'kadr-host',
  reqId: '3f2a8c1e-1111-2222-3333-444455556666',
  req: {
    method: 'GET',
    url: '/api/organisations',
    host: '127.0.0.1:3000',
    remoteAddress: '127.0.0.1',
    remotePort: 51234,
  },
  res: { statusCode: 200 },
  responseTime: 1.234,
  msg: 'request completed',
})}\n`;
const LINES = 20_000;
const PASSES = 7;

type Destination = ReturnType<typeof openLogDestination>;

async function measure(name: string, destination: Destination): Promise<void> {
  await new Promise((resolve) => destination.once('ready', resolve));
  const passes: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < LINES; i++) {
      // A new string each time, as pino hands each line.
      destination.write(`${LINE}`);
      if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    passes.push(Number(process.hrtime.bigint() - start) / LINES / 1000);
  }
  destination.flushSync();
  destination.end();
  passes.sort((a, b) => a - b);
  const shown = [passes[0]!, passes[PASSES >> 1]!, passes[PASSES - 1]!].map((v) => v.toFixed(2));
  console.log(`${name.padEnd(40)} µs a line: min ${shown[0]}, median ${shown[1]}, max ${shown[2]}`);
}

for (let round = 0; round < 2; round++) {
  await measure(
    'SonicBoom given each line',
    pino.destination({
      dest: '/dev/null',
      sync: false,
      minLength: 4096,
      periodicFlush: 1000,
      maxLength: LOG_MAX_BUFFER_BYTES,
    }),
  );
  await measure('openLogDestination (gathered)', openLogDestination('/dev/null'));
}
process.exit(0);
