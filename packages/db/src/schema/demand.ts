/**
 * Workforce demand (capability 7): partners' declared demand plans, a version per partner and year (a new version
 * supersedes the current one, which is kept), their lines by occupation, group, area and region, and the
 * competencies each line requires with the level asked.
 */
import type { PriorityArea, Region } from '@kadr/contracts';
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { linkTable, nullableReference, reference } from './columns.ts';
import { competencies } from './competencies.ts';
import { organisations } from './organisations.ts';
import { users } from './users.ts';

/** A version of a partner's demand plan for a year; at most one current (supersededAt null) per partner and year. */
export const demandPlans = pgTable(
  'demand_plans',
  {
    id: serial('id').primaryKey(),
    organisationId: reference('organisation_id', () => organisations.id),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    note: text('note').notNull().default(''),
    createdBy: nullableReference('created_by', () => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('demand_plans_version_key').on(t.organisationId, t.year, t.version),
    uniqueIndex('demand_plans_one_current')
      .on(t.organisationId, t.year)
      .where(sql`${t.supersededAt} is null`),
    index('demand_plans_year_idx').on(t.year),
  ],
);

/** A line of a plan: a headcount of an ESCO occupation in a programme group, priority area and region. */
export const demandLines = pgTable(
  'demand_lines',
  {
    id: serial('id').primaryKey(),
    planId: reference('plan_id', () => demandPlans.id, { onDelete: 'cascade' }),
    occupationUri: text('occupation_uri').notNull(),
    // The occupation as named, in the three languages, like an obligation's title (English may be empty).
    occupationLabelKk: text('occupation_label_kk').notNull(),
    occupationLabelRu: text('occupation_label_ru').notNull(),
    occupationLabelEn: text('occupation_label_en').notNull().default(''),
    /** The national classifier of occupations code, or ''. */
    nationalCode: text('national_code').notNull().default(''),
    programmeGroup: text('programme_group').notNull(),
    priorityArea: text('priority_area').$type<PriorityArea>().notNull(),
    region: text('region').$type<Region>().notNull(),
    headcount: integer('headcount').notNull(),
  },
  (t) => [
    index('demand_lines_plan_idx').on(t.planId),
    index('demand_lines_group_idx').on(t.programmeGroup),
    check('demand_lines_headcount_positive', sql`${t.headcount} > 0`),
  ],
);

/** A competency a line requires, with the level asked (1-5). */
export const demandLineCompetencies = linkTable(
  'demand_line_competencies',
  {
    lineId: reference('line_id', () => demandLines.id, { onDelete: 'cascade' }),
    competencyId: reference('competency_id', () => competencies.id),
    level: integer('level').notNull(),
  },
  (t) => [check('demand_line_competencies_level', sql`${t.level} between 1 and 5`)],
);
