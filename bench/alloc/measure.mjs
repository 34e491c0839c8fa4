// Runs one engine on one instance as a separate process and measures it from outside:
// wall time around the whole process (spawn to exit), peak RSS from GNU time (%M, the same
// getrusage ru_maxrss for both engines), and the phase timings each engine prints on stderr.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true']).status === 0;

/**
 * Runs a command once.
 * @param {string[]} command program and arguments
 * @param {string} cwd working directory
 * @returns {{ ok: boolean, wallMs: number, rssBytes: number | undefined, phases: Record<string, number>, stderr: string }}
 */
export function measureRun(command, cwd) {
  const argv = hasGnuTime ? [GNU_TIME, '-f', 'KADR_MAXRSS_KB=%M', ...command] : command;
  const start = process.hrtime.bigint();
  const child = spawnSync(argv[0], argv.slice(1), { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const stderr = child.stderr ?? '';
  const rss = /KADR_MAXRSS_KB=(\d+)/.exec(stderr);
  const phases = {};
  for (const [, key, value] of stderr.matchAll(/(\w+)_ms=([\d.]+)/g)) phases[key] = Number(value);
  return {
    ok: child.status === 0,
    wallMs,
    rssBytes: rss ? Number(rss[1]) * 1024 : undefined,
    phases,
    stderr: stderr.replace(/KADR_MAXRSS_KB=\d+\n?/, '').trim(),
  };
}

/** True when peak RSS can be measured (GNU time is installed). */
export function canMeasureRss() {
  return hasGnuTime;
}

/**
 * The median of each measure over several runs of the same command (each measure separately).
 * @param {ReturnType<typeof measureRun>[]} runs
 */
export function summariseRuns(runs) {
  const median = (values) => {
    const sorted = values.filter((v) => v !== undefined).sort((a, b) => a - b);
    return sorted.length === 0 ? undefined : sorted[Math.floor(sorted.length / 2)];
  };
  return {
    ok: runs.every((r) => r.ok),
    wallMs: median(runs.map((r) => r.wallMs)),
    rssBytes: median(runs.map((r) => r.rssBytes)),
    parseMs: median(runs.map((r) => r.phases.parse)),
    buildMs: median(runs.map((r) => r.phases.build)),
    solveMs: median(runs.map((r) => r.phases.solve)),
    buildSolveMs: median(runs.map((r) => (r.phases.build ?? 0) + (r.phases.solve ?? 0))),
    writeMs: median(runs.map((r) => r.phases.write)),
    stderr: runs.find((r) => !r.ok)?.stderr ?? runs[0]?.stderr ?? '',
  };
}
