/**
 * The seeded instance of the policy-cost benchmark (bench/alloc/policy-cost.ts): n applicants x k
 * choices over m targets, integer scores 0..140 with many ties, ~20% of applicants in R4 categories,
 * R7 privileges, certificate averages, five profile-subject pairs as R2 requires.
 */
import {
  type AllocationInput,
  type ApplicantInput,
  createRandom,
  KZ_GRANT_QUOTAS,
  type Random,
  type TargetInput,
} from '../../packages/core/src/index.ts';

export interface InstanceSize {
  readonly n: number;
  readonly k: number;
  readonly m: number;
}

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
function generateTargets(random: Random, { n: N, m: M }: InstanceSize) {
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
  k: number,
) {
  const pair = i % PAIRS.length;
  const choices: string[] = [];
  while (choices.length < k) {
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
export function generateInstance(seed: number, size: InstanceSize): Omit<AllocationInput, 'policy'> {
  const random = createRandom(seed);
  const { targets, classes } = generateTargets(random, size);
  const applicants: ApplicantInput[] = [];
  for (let i = 0; i < size.n; i++) applicants.push(generateApplicant(random, i, classes, size.k));
  return { applicants, targets };
}
