/**
 * Checks the engine's quota fixed point against its specification at benchmark size: full kernel
 * runs from the nominal capacities, returning vacant seats after each, with none of the engine's
 * shortcuts (bound runs, resumed steps, unfillable seats first; fixed-point.ts). The property
 * tests do the same on small random instances; this runs the policy-cost instance (policy-instance.ts)
 * with the R4 quotas, the R7 chain and both processing orders; the specification is the tests' own
 * (test-support.ts `fixedPointByFullRuns`). Exits 1 on any difference.
 *
 * Run: npx tsx bench/alloc/fixed-point-check.ts [--n 1000000] [--k 10] [--m 20000] [--seed 1]
 */
import { parseArgs } from 'node:util';
import {
  allocate,
  KZ_GRANT_QUOTAS,
  KZ_GRANT_TIE_BREAK,
  type QuotaOrder,
} from '../../packages/core/src/index.ts';
import { fixedPointByFullRuns } from '../../packages/core/src/allocation/test-support.ts';
import { generateInstance } from './policy-instance.ts';

const { values: flags } = parseArgs({
  options: {
    n: { type: 'string', default: '1000000' },
    k: { type: 'string', default: '10' },
    m: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '1' },
  },
});
const size = { n: Number(flags.n), k: Number(flags.k), m: Number(flags.m) };
for (const [name, value] of Object.entries({ ...size, seed: Number(flags.seed) })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
}
const instance = generateInstance(Number(flags.seed), size);
let failed = false;
for (const quotaOrder of ['general-first', 'quota-first'] as QuotaOrder[]) {
  const policy = { explain: false, quotas: KZ_GRANT_QUOTAS, tieBreak: KZ_GRANT_TIE_BREAK, quotaOrder };
  const outcome = allocate({ ...instance, policy: { ...policy, rounding: 'round', seed: 1 } });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues.slice(0, 5)));
  const { instance: flat, targets, solution, capacity, iterations } = outcome.result;
  const reference = fixedPointByFullRuns(flat, targets);
  let applicants = 0;
  for (let i = 0; i < flat.n; i++)
    if (reference.solution.matchEdge[i] !== solution.matchEdge[i]) applicants++;
  let pools = 0;
  for (let p = 0; p < capacity.length; p++) if (reference.capacity[p] !== capacity[p]) pools++;
  failed ||= applicants > 0 || pools > 0;
  console.log(
    `${quotaOrder}: engine ${iterations} step(s), full runs ${reference.iterations}; applicants placed differently ${applicants}, pool capacities different ${pools}`,
  );
}
process.exitCode = failed ? 1 : 0;
