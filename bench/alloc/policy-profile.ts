/**
 * Where the rich engine's time goes under one policy: self time per function from a V8 CPU profile
 * of one `allocate` run (after a warm-up run), on the instance of policy-cost.ts.
 *
 * Run: npx tsx bench/alloc/policy-profile.ts [--config plain|quotas|quotas-stay|chain|explain|all] [--n 1000000] [--top 30]
 */
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import {
  allocate,
  KZ_GRANT_QUOTAS,
  KZ_GRANT_TIE_BREAK,
  type AllocationPolicy,
} from '../../packages/core/src/index.ts';
import { generateInstance } from './policy-instance.ts';

const { values: flags } = parseArgs({
  options: {
    config: { type: 'string', default: 'all' },
    n: { type: 'string', default: '1000000' },
    k: { type: 'string', default: '10' },
    m: { type: 'string', default: '20000' },
    top: { type: 'string', default: '30' },
  },
});
const POLICIES: Record<string, AllocationPolicy> = {
  plain: { explain: false },
  quotas: { explain: false, quotas: KZ_GRANT_QUOTAS, rounding: 'round' },
  'quotas-stay': { explain: false, quotas: KZ_GRANT_QUOTAS, rounding: 'round', unfilledQuota: 'stay-empty' },
  chain: { explain: false, tieBreak: KZ_GRANT_TIE_BREAK },
  explain: { explain: true },
  all: { explain: true, quotas: KZ_GRANT_QUOTAS, rounding: 'round', tieBreak: KZ_GRANT_TIE_BREAK },
};
const policy = POLICIES[flags.config!];
if (!policy) throw new Error(`--config must be one of ${Object.keys(POLICIES).join(', ')}`);
const instance = generateInstance(1, { n: Number(flags.n), k: Number(flags.k), m: Number(flags.m) });
allocate({ ...instance, policy });

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 250 });
await session.post('Profiler.start');
const start = performance.now();
allocate({ ...instance, policy });
const wall = performance.now() - start;
const { profile } = (await session.post('Profiler.stop')) as {
  profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
};
const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<string, number>();
profile.samples.forEach((id, s) => {
  const { callFrame } = byNode.get(id)!;
  const file = callFrame.url.split('/').at(-1) ?? '';
  const key = `${callFrame.functionName || '(anonymous)'} ${file}:${callFrame.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[s] ?? 0) / 1000);
});
console.log(`${flags.config}: ${wall.toFixed(0)} ms wall`);
for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(flags.top)))
  console.log(`${ms.toFixed(0).padStart(7)} ms  ${key}`);
