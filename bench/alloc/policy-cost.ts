/**
 * What the rich engine's policies cost (shared/BENCHMARKS.md: "Quotas, tie-break chains and
 * explanations switched on cost at most 1.5x the plain solve on the same instance").
 *
 * Generates one instance in memory with a seeded generator (policy-instance.ts; default 1M
 * applicants x 10 choices, 20k targets) and times
 * `allocate` under each configuration, median of 3 runs, all on the same input objects.
 *
 * Run: npx tsx bench/alloc/policy-cost.ts [--n 1000000] [--k 10] [--m 20000] [--runs 3] [--seed 1]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  type AllocationInput,
  type AllocationPolicy,
  allocate,
  KZ_GRANT_QUOTAS,
  KZ_GRANT_TIE_BREAK,
} from '../../packages/core/src/index.ts';
import { generateInstance } from './policy-instance.ts';

const { values: flags } = parseArgs({
  options: {
    n: { type: 'string', default: '1000000' },
    k: { type: 'string', default: '10' },
    m: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string' },
  },
});
const N = Number(flags.n);
const K = Number(flags.k);
const M = Number(flags.m);
const RUNS = Number(flags.runs);
const SEED = Number(flags.seed);

const CONFIGS: { name: string; policy: AllocationPolicy }[] = [
  { name: 'plain (score + lottery)', policy: { explain: false } },
  { name: 'quotas (R4/R5, return)', policy: { explain: false, quotas: KZ_GRANT_QUOTAS, rounding: 'round' } },
  {
    name: 'quotas (R4/R5, stay empty)',
    policy: { explain: false, quotas: KZ_GRANT_QUOTAS, rounding: 'round', unfilledQuota: 'stay-empty' },
  },
  { name: 'tie-break chain (R7)', policy: { explain: false, tieBreak: KZ_GRANT_TIE_BREAK } },
  { name: 'explanations (R12)', policy: { explain: true } },
  {
    name: 'eligibility (R1)',
    policy: { explain: false, eligibility: { minTotal: 50, minProfileSubject: 5 } },
  },
  {
    name: 'all: quotas+chain+explain',
    policy: { explain: true, quotas: KZ_GRANT_QUOTAS, rounding: 'round', tieBreak: KZ_GRANT_TIE_BREAK },
  },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

// A full collection before each timed run, so no run pays for the garbage of the one before it
// (at a million applicants each run leaves a few hundred MB of typed arrays that only a full
// collection frees, and one costs about 0.4 s): each run pays only for what it allocates itself.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * One timed run; returns wall and CPU milliseconds, kernel runs and assigned applicants. CPU time
 * (process.cpuUsage: user + system of all the process's threads, GC helpers included) moves less
 * than wall time when other work shares the machine.
 */
function runOnce(instance: Omit<AllocationInput, 'policy'>, policy: AllocationPolicy) {
  collectGarbage();
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const outcome = allocate({ ...instance, policy: { ...policy, seed: SEED } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  const assigned = outcome.result.solution.match.reduce((sum, p) => sum + (p >= 0 ? 1 : 0), 0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1e3, iterations: outcome.result.iterations, assigned };
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const genStart = process.hrtime.bigint();
const instance = generateInstance(SEED, { n: N, k: K, m: M });
const edges = instance.applicants.reduce((sum, a) => sum + a.choices.length, 0);
const genMs = Number(process.hrtime.bigint() - genStart) / 1e6;
const configs = CONFIGS.filter(
  (c) => !flags.only || c.name.startsWith('plain') || c.name.startsWith(flags.only),
);
console.log(
  `policy-cost: n=${N} k=${K} m=${M} choices=${edges} seed=${SEED}, median of ${RUNS} interleaved runs ` +
    `(instance generated in ${genMs.toFixed(0)} ms), load average ${load()}`,
);
// Warm-up run, then rounds that interleave the configurations so load drift hits all alike.
runOnce(instance, CONFIGS[0]!.policy);
const samples = configs.map(() => [] as number[]);
const cpuSamples = configs.map(() => [] as number[]);
const last = configs.map(() => ({ iterations: 0, assigned: 0 }));
for (let r = 0; r < RUNS; r++) {
  configs.forEach((config, c) => {
    const { ms, cpuMs, iterations, assigned } = runOnce(instance, config.policy);
    samples[c]!.push(ms);
    cpuSamples[c]!.push(cpuMs);
    last[c] = { iterations, assigned };
  });
}
const plainMs = median(samples[0]!);
const plainCpu = median(cpuSamples[0]!);
console.log(
  '| configuration | median ms | x plain | median CPU ms | x plain (CPU) | fixed-point steps | assigned |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
configs.forEach((config, c) => {
  const ms = median(samples[c]!);
  const cpu = median(cpuSamples[c]!);
  const { iterations, assigned } = last[c]!;
  console.log(
    `| ${config.name} | ${ms.toFixed(0)} | ${(ms / plainMs).toFixed(2)} | ${cpu.toFixed(0)} | ` +
      `${(cpu / plainCpu).toFixed(2)} | ${iterations} | ${assigned} |`,
  );
});
console.log(`load average at the end: ${load()}`);
