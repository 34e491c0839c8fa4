/**
 * Allocation of a placement round (issue 12 item 2): the engine's run as a job with progress, the officer's
 * preview with statistics and the checker's verdict, atomic publication, the students' results with the
 * engine's explanation in plain words, the partners' results, accept/decline and the next round.
 */
import { z } from 'zod';
import { idQuerySchema, localeSchema, trilingualSchema, trilingualTextSchema } from './common.ts';
import { isoDateTimeSchema } from './money.ts';
import { placementStatusSchema, roundStatusSchema } from './placements.ts';

/** The stages of an allocation run, in order. */
export const ALLOCATION_STAGES = [
  'queued',
  'loading',
  'allocating',
  'checking',
  'saving',
  'done',
  'failed',
] as const;
export const allocationStageSchema = z.enum(ALLOCATION_STAGES);
export type AllocationStage = z.infer<typeof allocationStageSchema>;

/** A run of the engine on a round: the web polls it until `done` or `failed`. */
export const allocationJobSchema = z.object({
  id: z.string(),
  roundId: z.number().int(),
  stage: allocationStageSchema,
  /** 0..1, by stage. */
  progress: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type AllocationJob = z.infer<typeof allocationJobSchema>;

/** One violation the checker found. */
export const checkViolationSchema = z.object({ kind: z.string(), message: z.string() });

/** The checker's verdict on the stored preview. */
export const checkVerdictSchema = z.object({
  ok: z.boolean(),
  violations: z.array(checkViolationSchema),
  checkedAt: z.string(),
});
export type CheckVerdict = z.infer<typeof checkVerdictSchema>;

/** The officer's preview of an allocated round: statistics only, no report of every student. */
export const roundPreviewSchema = z.object({
  roundId: z.number().int(),
  roundStatus: roundStatusSchema,
  allocatedAt: z.string(),
  /** The students' or partners' rankings, the round's offers or students changed since the run. */
  stale: z.boolean(),
  verdict: checkVerdictSchema,
  summary: z.object({
    students: z.number().int(),
    placed: z.number().int(),
    unplaced: z.number().int(),
    kept: z.number().int(),
    seats: z.number().int(),
    filled: z.number().int(),
    fillRate: z.number(),
  }),
  /** How many students received their 1st, 2nd, … choice; `choice: null` counts the unplaced. */
  choices: z.array(z.object({ choice: z.number().int().nullable(), students: z.number().int() })),
  byProgramme: z.array(
    z.object({
      programmeId: z.number().int().nullable(),
      name: trilingualSchema,
      students: z.number().int(),
      placed: z.number().int(),
      firstChoice: z.number().int(),
    }),
  ),
  byPartner: z.array(
    z.object({
      organisationId: z.number().int(),
      name: trilingualSchema,
      offers: z.number().int(),
      seats: z.number().int(),
      filled: z.number().int(),
    }),
  ),
  /** The students left without a place (at most 200, by name). */
  unplaced: z.array(z.object({ studentId: z.number().int(), fullName: z.string() })),
});
export type RoundPreview = z.infer<typeof roundPreviewSchema>;

/** The round after publication. */
export const publishedRoundSchema = z.object({
  roundId: z.number().int(),
  status: roundStatusSchema,
  publishedAt: z.string(),
  placements: z.number().int(),
  unplaced: z.number().int(),
});
export type PublishedRound = z.infer<typeof publishedRoundSchema>;

/** The language of the explanation (default: the reader's). */
export const resultsQuerySchema = z.object({ locale: localeSchema.optional() });

/** A student's outcome in one published round, with the engine's reasons in plain words. */
export const studentRoundResultSchema = z.object({
  roundId: z.number().int(),
  roundName: trilingualTextSchema,
  publishedAt: z.string(),
  responseClosesAt: z.string(),
  placement: z
    .object({
      id: z.number().int(),
      offerId: z.number().int(),
      offerTitle: trilingualSchema,
      organisationName: trilingualSchema,
      status: placementStatusSchema,
      choiceRank: z.number().int().nullable(),
      respondBy: z.string().nullable(),
      /** True while the student may still accept or decline. */
      canRespond: z.boolean(),
    })
    .nullable(),
  /** The explanation, one sentence per line, in the language asked for. */
  explanation: z.array(z.string()),
});
export type StudentRoundResult = z.infer<typeof studentRoundResultSchema>;

/** Filter of a partner's results: one offer. */
export const roundResultsQuerySchema = z.object({ offerId: idQuerySchema.optional() });

/** Who was placed at each offer of a round (a partner: its own offers, with only what each student shared). */
export const roundResultsSchema = z.object({
  roundId: z.number().int(),
  roundName: trilingualTextSchema,
  offers: z.array(
    z.object({
      offerId: z.number().int(),
      title: trilingualSchema,
      organisationId: z.number().int(),
      seats: z.number().int(),
      placements: z.array(
        z.object({
          id: z.number().int(),
          /** Null when the student has not consented to share their profile with the partner. */
          studentId: z.number().int().nullable(),
          fullName: z.string().nullable(),
          email: z.string().nullable(),
          choiceRank: z.number().int().nullable(),
          status: placementStatusSchema,
        }),
      ),
    }),
  ),
});
export type RoundResults = z.infer<typeof roundResultsSchema>;

/** A student's answer to an offered place. */
export const placementResponseBodySchema = z.object({ decision: z.enum(['accept', 'decline']) });
export type PlacementResponseBody = z.infer<typeof placementResponseBodySchema>;

/** The placement after the answer. */
export const placementResponseSchema = z.object({
  id: z.number().int(),
  status: placementStatusSchema,
});

/** A later round from a published one: its offers, its unplaced students and their rankings, the kept seats. */
export const nextRoundBodySchema = z.object({
  name: trilingualSchema,
  responseClosesAt: isoDateTimeSchema,
});
export type NextRoundBody = z.infer<typeof nextRoundBodySchema>;

/** The round created. */
export const nextRoundSchema = z.object({
  id: z.number().int(),
  name: trilingualTextSchema,
  status: roundStatusSchema,
  previousRoundId: z.number().int(),
  students: z.number().int(),
  offers: z.number().int(),
});

/** A round as the allocation pages list it: closed (to run) or published (staff), published only (partners). */
export const allocationRoundSchema = z.object({
  id: z.number().int(),
  name: trilingualTextSchema,
  status: roundStatusSchema,
  allocatedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  responseClosesAt: z.string(),
});
export type AllocationRound = z.infer<typeof allocationRoundSchema>;
