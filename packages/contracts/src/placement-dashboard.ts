/**
 * The placement dashboards (issue 12 item 5): places needed and offered per programme and partner, the fill,
 * acceptance, completion and hire rates, placements by priority area (docs/capabilities/placement-dashboards.md).
 */
import { z } from 'zod';
import { localeSchema, trilingualSchema } from './common.ts';
import { priorityAreaSchema } from './organisations.ts';

/** The academic year (2026 for 2026/27); the current one when left out. */
export const placementDashboardQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type PlacementDashboardQuery = z.infer<typeof placementDashboardQuerySchema>;

export const placementDashboardXlsxQuerySchema = placementDashboardQuerySchema.extend({ lang: localeSchema });

const rate = z.number().nullable();
const counts = {
  offered: z.number().int(),
  placed: z.number().int(),
  accepted: z.number().int(),
  declined: z.number().int(),
  completed: z.number().int(),
  hired: z.number().int(),
  fillRate: rate,
  acceptanceRate: rate,
  completionRate: rate,
  hireRate: rate,
};

export const placementDashboardSchema = z.object({
  academicYear: z.number().int(),
  /** Whose figures: every partner's, or one partner's own offers. */
  scope: z.enum(['all', 'own']),
  totals: z.object({ needed: z.number().int(), ...counts }),
  byProgramme: z.array(
    z.object({
      programmeId: z.number().int(),
      code: z.string(),
      name: trilingualSchema,
      priorityArea: priorityAreaSchema,
      needed: z.number().int(),
      offered: z.number().int(),
      placed: z.number().int(),
    }),
  ),
  /** Null for an observer when fewer than three partners offer places (a partner's figures would show). */
  byPartner: z
    .array(
      z.object({
        organisationId: z.number().int(),
        shortName: z.string(),
        name: trilingualSchema,
        ...counts,
      }),
    )
    .nullable(),
  byPriorityArea: z.array(
    z.object({
      priorityArea: priorityAreaSchema,
      placed: z.number().int(),
      completed: z.number().int(),
      hired: z.number().int(),
    }),
  ),
});
export type PlacementDashboard = z.infer<typeof placementDashboardSchema>;
