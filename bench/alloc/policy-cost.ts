/**
 * What the rich engine's policies cost (shared/BENCHMARKS.md: "Quotas, tie-break chains and
 * explanations switched on cost at most 1.5x the plain solve on the same instance").
 *
 * Generates one instance in memory with a seeded generator (default 1M applicants x 10 choices,
 * 20k targets, integer scores 0..140 with many ties, ~20% of applicants in R4 categories, R7
 * privileges, certificate averages, five profile-subject pairs as R2 requires) and times
 * `allocate` under each configuration, median of 3 runs, all on the same input objects.
 *
 * Run: npx tsx bench/alloc/policy-cost.ts [--n 1000000] [--k 10] [--m 20000] [--runs 3] [--seed 1]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import {
  type AllocationInput,
  type AllocationPolicy,
  type ApplicantInput,
  allocate,
  createRandom,
  KZ_GRANT_QUOTAS,
  KZ_GRANT_TIE_BREAK,
  type Random,
  type TargetInput,
} from '../../packages/core/src/index.ts';

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

const PAIRS = [
  ['math', 'physics'],
  ['math', 'informatics'],
  ['biology', 'chemistry'],
  ['math', 'geography'],
  ['history', 'law'],
] as const;
const CATEGORIES = KZ_GRANT_QUOTAS.map((quota) => quota.category!);
const PRIVILEGES = ['altynBelgi', 'patriotismBadge', 'tvetExperience', 'olympiad', 'honours'];

function uniform(random: Random): number {
  return (random() + 0.5) / 4294967296;
}

function gauss(random: Random): number {
  return Math.sqrt(-2 * Math.log(uniform(random))) * Math.cos(2 * Math.PI * uniform(random));
}

/** Targets split into one class per profile pair; Zipf popularity and capacity ~ w^0.5 within a class. */
function generateTargets(random: Random) {
  const targets: TargetInput[] = [];
  const classes = PAIRS.map(() => ({ ids: [] as string[], cumulative: [] as number[] }));
  const weights: number[] = [];
  for (let j = 0; j < M; j++) weights.push(1 / (1 + Math.floor(uniform(random) * M)));
  const capacityScale = (0.8 * N) / weights.reduce((sum, w) => sum + Math.sqrt(w), 0);
  for (let j = 0; j < M; j++) {
    const pair = j % PAIRS.length;
    const id = `T${j}`;
    const tags = uniform(random) < 0.3 ? ['rural-development'] : [];
    const capacity = Math.max(1, Math.round(capacityScale * Math.sqrt(weights[j]!)));
    targets.push({ id, capacity, group: `B${j % 97}`, tags, profileSubjects: [...PAIRS[pair]!] });
    const cls = classes[pair]!;
    cls.ids.push(id);
    cls.cumulative.push((cls.cumulative.at(-1) ?? 0) + weights[j]!);
  }
  return { targets, classes };
}

function pickWeighted(random: Random, cls: { ids: string[]; cumulative: number[] }): string {
  const u = uniform(random) * cls.cumulative.at(-1)!;
  let lo = 0;
  let hi = cls.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cls.cumulative[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return cls.ids[lo]!;
}

function generateApplicant(
  random: Random,
  i: number,
  classes: ReturnType<typeof generateTargets>['classes'],
) {
  const pair = i % PAIRS.length;
  const choices: string[] = [];
  while (choices.length < K) {
    const id = pickWeighted(random, classes[pair]!);
    if (!choices.includes(id)) choices.push(id);
  }
  const score = Math.max(0, Math.min(140, Math.round(70 + 20 * gauss(random))));
  const profile = Math.min(100, Math.round(score * 0.7));
  const [first, second] = PAIRS[pair]!;
  const subjects = {
    mathLiteracy: 6,
    history: 12,
    readingLiteracy: 6,
    [first]: profile >> 1,
    [second]: profile - (profile >> 1),
  };
  const applicant: ApplicantInput = {
    id: `A${i}`,
    choices,
    score,
    subjects,
    categories:
      uniform(random) < 0.2
        ? [CATEGORIES[Math.min(CATEGORIES.length - 1, Math.floor(-Math.log(uniform(random)) * 1.5))]!]
        : [],
    privileges: PRIVILEGES.filter(() => uniform(random) < 0.03),
    certificateAverage: Math.round((3 + 2 * uniform(random)) * 10) / 10,
  };
  return applicant;
}

/** Generates the benchmark instance. */
function generateInstance(seed: number): Omit<AllocationInput, 'policy'> {
  const random = createRandom(seed);
  const { targets, classes } = generateTargets(random);
  const applicants: ApplicantInput[] = [];
  for (let i = 0; i < N; i++) applicants.push(generateApplicant(random, i, classes));
  return { applicants, targets };
}

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

/**
 * One timed run; returns wall and CPU milliseconds, kernel runs and assigned applicants. CPU time
 * (process.cpuUsage: user + system of all the process's threads, GC helpers included) moves less
 * than wall time when other work shares the machine.
 */
function runOnce(instance: Omit<AllocationInput, 'policy'>, policy: AllocationPolicy) {
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
const instance = generateInstance(SEED);
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
