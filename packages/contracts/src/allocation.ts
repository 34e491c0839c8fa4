import { z } from 'zod';

/**
 * The JSON format of an allocation run (`kadr allocate`, docs/allocation.md): applicants with
 * ranked choices, targets with capacities, pools and optional explicit rankings, the policy, and
 * optionally the previous round. The engine in @kadr/core takes the parsed value as it is.
 */

const idSchema = z.string().min(1).max(200);
const scoreSchema = z.number().finite();

/** Where unfilled seats of a reserved pool go (DOMAIN R6). */
export const allocationUnfilledSchema = z.enum(['return-to-general', 'stay-empty']);

/** One step of the tie-break chain (DOMAIN R7). */
export const allocationTieBreakSchema = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('privilege'), names: z.array(idSchema).min(1) }),
  z.strictObject({ by: z.literal('category'), names: z.array(idSchema).min(1) }),
  z.strictObject({ by: z.literal('certificateAverage') }),
  z.strictObject({ by: z.literal('subject'), name: idSchema }),
  z.strictObject({ by: z.literal('profileScore') }),
  z.strictObject({ by: z.literal('value'), name: idSchema, order: z.enum(['asc', 'desc']).optional() }),
]);

/** A reserved pool: by category (R4) and/or region (R11), sized by share or seats. */
export const allocationPoolSchema = z
  .strictObject({
    id: idSchema.refine((id) => id !== 'general', 'the pool id "general" is reserved'),
    category: idSchema.optional(),
    region: idSchema.optional(),
    share: z.number().min(0).max(1).optional(),
    seats: z.number().int().min(0).optional(),
    only: z.array(idSchema).optional(),
    unfilled: allocationUnfilledSchema.optional(),
  })
  .refine(
    (pool) => pool.category !== undefined || pool.region !== undefined,
    'a pool needs a category or a region',
  )
  .refine(
    (pool) => pool.share !== undefined || pool.seats !== undefined,
    'a pool needs a share or a number of seats',
  );

/** The allocation policy; every field has a default (docs/allocation.md). */
export const allocationPolicySchema = z.strictObject({
  preset: z.enum(['none', 'kz-grants']).optional(),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  tieBreak: z.array(allocationTieBreakSchema).optional(),
  quotaOrder: z.enum(['general-first', 'quota-first']).optional(),
  rounding: z.enum(['floor', 'round', 'ceil', 'min-one']).optional(),
  unfilledQuota: allocationUnfilledSchema.optional(),
  eligibility: z
    .strictObject({
      minTotal: scoreSchema.optional(),
      minSubjects: z.record(idSchema, scoreSchema).optional(),
      minProfileSubject: scoreSchema.optional(),
    })
    .optional(),
  quotas: z.array(allocationPoolSchema).optional(),
  limits: z
    .strictObject({
      maxChoices: z.number().int().min(1).optional(),
      maxGroups: z.number().int().min(1).optional(),
      maxChoicesPerGroup: z.number().int().min(1).optional(),
    })
    .optional(),
  explain: z.boolean().optional(),
});

/** An applicant with ranked choices (R2), scores (R1, R7), categories (R4), privileges (R7), region (R11). */
export const allocationApplicantSchema = z.strictObject({
  id: idSchema,
  choices: z.array(idSchema).max(65535),
  score: scoreSchema.optional(),
  subjects: z.record(idSchema, scoreSchema).optional(),
  categories: z.array(idSchema).optional(),
  privileges: z.array(idSchema).optional(),
  certificateAverage: scoreSchema.optional(),
  region: idSchema.optional(),
  values: z.record(idSchema, scoreSchema).optional(),
});

/** A target: an offer or a grant pool with capacity, optional ranking, thresholds and pools. */
export const allocationTargetSchema = z.strictObject({
  id: idSchema,
  capacity: z.number().int().min(0),
  ranking: z.array(idSchema).optional(),
  group: idSchema.optional(),
  tags: z.array(idSchema).optional(),
  profileSubjects: z.array(idSchema).optional(),
  minScore: scoreSchema.optional(),
  minSubjectScores: z.record(idSchema, scoreSchema).optional(),
  region: idSchema.optional(),
  pools: z.array(allocationPoolSchema).optional(),
});

/** The parts of a previous round's result that the next round reads (R9). */
export const allocationPreviousRoundSchema = z.strictObject({
  result: z.looseObject({
    targets: z.array(
      z.looseObject({
        id: idSchema,
        pools: z.array(
          z.looseObject({
            id: idSchema,
            category: idSchema.optional(),
            region: idSchema.optional(),
            unfilled: allocationUnfilledSchema.optional(),
            capacity: z.number().int().min(0),
          }),
        ),
      }),
    ),
    applicants: z.array(
      z.looseObject({ id: idSchema, target: idSchema.nullable(), pool: idSchema.nullable() }),
    ),
  }),
  declined: z.array(idSchema).default([]),
});

/** Reports unknown and duplicate ids, which no single field can see. */
function checkReferences(input: AllocateInputJson, ctx: z.RefinementCtx): void {
  const targets = new Set<string>();
  input.targets.forEach((target, j) => {
    if (targets.has(target.id))
      ctx.addIssue({
        code: 'custom',
        path: ['targets', j, 'id'],
        message: `duplicate target id "${target.id}"`,
      });
    targets.add(target.id);
  });
  const applicants = new Set<string>();
  input.applicants.forEach((applicant, i) => {
    if (applicants.has(applicant.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['applicants', i, 'id'],
        message: `duplicate applicant id "${applicant.id}"`,
      });
    }
    applicants.add(applicant.id);
    applicant.choices.forEach((choice, k) => {
      const path = ['applicants', i, 'choices', k];
      if (!targets.has(choice)) ctx.addIssue({ code: 'custom', path, message: `unknown target "${choice}"` });
      else if (applicant.choices.indexOf(choice) < k)
        ctx.addIssue({ code: 'custom', path, message: `duplicate choice "${choice}"` });
    });
  });
  input.targets.forEach((target, j) => {
    const seen = new Set<string>();
    target.ranking?.forEach((id, r) => {
      const path = ['targets', j, 'ranking', r];
      if (!applicants.has(id)) ctx.addIssue({ code: 'custom', path, message: `unknown applicant "${id}"` });
      else if (seen.has(id))
        ctx.addIssue({ code: 'custom', path, message: `applicant "${id}" is ranked twice` });
      seen.add(id);
    });
  });
}

const allocateInputObjectSchema = z.strictObject({
  applicants: z.array(allocationApplicantSchema),
  targets: z.array(allocationTargetSchema),
  policy: allocationPolicySchema.optional(),
  kept: z.array(z.strictObject({ applicant: idSchema, target: idSchema, pool: idSchema })).optional(),
  previousRound: allocationPreviousRoundSchema.optional(),
});

/** The JSON input of `kadr allocate`, cross-references included. */
export const allocateInputSchema = allocateInputObjectSchema.superRefine(checkReferences);
/** The parsed input of `kadr allocate`. */
export type AllocateInputJson = z.infer<typeof allocateInputObjectSchema>;

/**
 * Writes a zod issue path the way the docs and error messages do: `applicants[3].choices[1]`.
 * @example formatAllocationPath(['applicants', 3, 'choices', 1]) // 'applicants[3].choices[1]'
 */
export function formatAllocationPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * Lists the issues of a failed parse as `path: message` lines, at most `limit` of them.
 * @example describeAllocationIssues(result.error) // ['applicants[3].choices[1]: unknown target "X"']
 */
export function describeAllocationIssues(error: z.ZodError, limit = 20): string[] {
  const lines = error.issues
    .slice(0, limit)
    .map((issue) => `${formatAllocationPath(issue.path)}: ${issue.message}`);
  if (error.issues.length > limit) lines.push(`… and ${error.issues.length - limit} more`);
  return lines;
}

const allocationCutoffSchema = z.object({
  applicant: idSchema,
  score: scoreSchema.optional(),
  rank: z.number().int().min(1),
});

/** One pool of a target after allocation, with its cutoff (the lowest admitted applicant). */
export const allocationPoolResultSchema = z.object({
  id: idSchema,
  category: idSchema.optional(),
  region: idSchema.optional(),
  unfilled: allocationUnfilledSchema.optional(),
  nominal: z.number().int().min(0),
  capacity: z.number().int().min(0),
  filled: z.number().int().min(0),
  kept: z.number().int().min(0),
  moved: z.number().int(),
  cutoff: allocationCutoffSchema.nullable(),
});

/** Why a choice above the received one was not given (DOMAIN R12). */
export const allocationReasonSchema = z.discriminatedUnion('reason', [
  z.object({
    choice: z.number().int().min(1),
    target: idSchema,
    reason: z.literal('ineligible'),
    rule: z.enum(['region', 'profile-subject', 'min-total', 'min-subject']),
    subject: idSchema.optional(),
    value: z.union([scoreSchema, z.string()]).optional(),
    required: z.union([scoreSchema, z.string()]).optional(),
    shortBy: scoreSchema.optional(),
  }),
  z.object({ choice: z.number().int().min(1), target: idSchema, reason: z.literal('not-ranked') }),
  z.object({
    choice: z.number().int().min(1),
    target: idSchema,
    pool: idSchema,
    reason: z.literal('no-seats'),
  }),
  z.object({
    choice: z.number().int().min(1),
    target: idSchema,
    pool: idSchema,
    reason: z.literal('below-cutoff'),
    score: scoreSchema,
    cutoffScore: scoreSchema,
    shortBy: scoreSchema,
    decidedBy: z.string(),
    cutoffApplicant: idSchema,
  }),
  z.object({
    choice: z.number().int().min(1),
    target: idSchema,
    pool: idSchema,
    reason: z.literal('outranked'),
    rank: z.number().int().min(1),
    cutoffRank: z.number().int().min(1),
  }),
]);

/** One applicant's outcome. */
export const allocationApplicantResultSchema = z.object({
  id: idSchema,
  target: idSchema.nullable(),
  pool: idSchema.nullable(),
  choice: z.number().int().min(1).nullable(),
  rank: z.number().int().min(1).nullable(),
  score: scoreSchema,
  ticket: z.number().int().min(0),
  kept: z.boolean().optional(),
  reasons: z.array(allocationReasonSchema).optional(),
});

/** The result written by `kadr allocate` (format `kadr-da/1`). */
export const allocateResultSchema = z.object({
  engine: z.string(),
  seed: z.number().int().min(0),
  policy: z.unknown(),
  summary: z.object({
    applicants: z.number().int().min(0),
    competing: z.number().int().min(0),
    assigned: z.number().int().min(0),
    unassigned: z.number().int().min(0),
    kept: z.number().int().min(0),
    seats: z.number().int().min(0),
    filled: z.number().int().min(0),
    fillRate: z.number().min(0).max(1),
    returnedSeats: z.number().int().min(0),
    iterations: z.number().int().min(1),
  }),
  lottery: z.object({
    seed: z.number().int().min(0),
    algorithm: z.string(),
    decisive: z.number().int().min(0).nullable(),
  }),
  targets: z.array(
    z.object({
      id: idSchema,
      capacity: z.number().int().min(0),
      filled: z.number().int().min(0),
      pools: z.array(allocationPoolResultSchema),
    }),
  ),
  applicants: z.array(allocationApplicantResultSchema),
});
/** The parsed result of `kadr allocate`. */
export type AllocateResultJson = z.infer<typeof allocateResultSchema>;
