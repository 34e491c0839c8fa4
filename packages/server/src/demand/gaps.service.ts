import type {
  GapCellDetail,
  GapCellQuery,
  GapQuery,
  GapReport,
  GapSkill,
  PriorityArea,
  Region,
} from '@kadr/contracts';
import { MAX_GAP_YEARS } from '@kadr/contracts';
import {
  computeGaps,
  DEFAULT_YEARLY_ATTRITION,
  gapCell,
  isDisclosable,
  projectSupply,
  type SkillGap,
  skillGaps,
  type SupplyRow,
  taughtProgrammes,
} from '@kadr/core';
import { type CurrentDemandLine, demandRepository } from '@kadr/db';
import { todayOf } from '../agreements/agreements.service.ts';
import type { ServiceContext } from '../context.ts';
import { fieldIssue, validationError } from '../errors.ts';
import { homeRegion, placementFigures } from './placements.ts';

/** The years of a report: as asked, else this year and the next four (or five years ending at `toYear`). */
function yearsOf(query: { fromYear?: number | undefined; toYear?: number | undefined }, today: string) {
  const thisYear = Number(today.slice(0, 4));
  const fromYear = query.fromYear ?? (query.toYear !== undefined ? query.toYear - 4 : thisYear);
  const toYear = query.toYear ?? fromYear + 4;
  if (fromYear > toYear || toYear - fromYear >= MAX_GAP_YEARS)
    throw validationError([
      fieldIssue('query.toYear', 'yearRange', `Give at most ${MAX_GAP_YEARS} years, fromYear first`),
    ]);
  return { fromYear, toYear, years: Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i) };
}

interface GapInputs {
  today: string;
  fromYear: number;
  toYear: number;
  years: number[];
  attritionRate: number;
  lines: CurrentDemandLine[];
  supply: SupplyRow[];
  gaps: SkillGap[];
  placements: Awaited<ReturnType<typeof placementFigures>>;
  homeRegion: string | null;
}

/** Reads demand, supply and the programmes' analyses, and computes supply and skill gaps (@kadr/core demand). */
async function gapInputs(
  ctx: ServiceContext,
  query: {
    fromYear?: number | undefined;
    toYear?: number | undefined;
    attrition?: number | undefined;
    priorityArea?: PriorityArea | undefined;
    region?: Region | undefined;
  },
): Promise<GapInputs> {
  const today = todayOf(ctx);
  const { fromYear, toYear, years } = yearsOf(query, today);
  const attritionRate = query.attrition ?? DEFAULT_YEARLY_ATTRITION;
  const [lines, enrolments, taught, placements, home] = await Promise.all([
    demandRepository.currentLines(ctx.db, {
      fromYear,
      toYear,
      priorityArea: query.priorityArea,
      region: query.region,
    }),
    demandRepository.supplyEnrolments(ctx.db),
    demandRepository.taughtLevels(ctx.db),
    placementFigures(ctx),
    homeRegion(ctx),
  ]);
  // A region filter narrows supply as it narrows demand: graduates are the campus region's supply, placements and
  // hires the practice region's (docs/capabilities/demand.md).
  const graduatesHere = query.region === undefined || home === query.region;
  const supply = projectSupply({
    today,
    attritionRate,
    enrolments: graduatesHere
      ? enrolments.filter((e) => query.priorityArea === undefined || e.priorityArea === query.priorityArea)
      : [],
  });
  // The taught levels as one aggregate read, not an analysis of every programme on each request.
  const programmes = taughtProgrammes(taught);
  return {
    today,
    fromYear,
    toYear,
    years,
    attritionRate,
    lines,
    supply,
    placements: placements.filter(
      (p) =>
        (query.priorityArea === undefined || p.priorityArea === query.priorityArea) &&
        (query.region === undefined || p.region === query.region),
    ),
    homeRegion: home,
    gaps: skillGaps({ demand: lines, programmes }),
  };
}

async function presentSkillGaps(ctx: ServiceContext, gaps: SkillGap[]): Promise<GapSkill[]> {
  const names = await demandRepository.competencyNames(
    ctx.db,
    gaps.map((g) => g.competencyId),
  );
  return gaps.map(({ competencyId, ...g }) => ({
    competency: {
      id: competencyId,
      ...(names.get(competencyId) ?? { code: '', name: { kk: '', ru: '', en: '' } }),
    },
    ...g,
  }));
}

/**
 * The gap report (staff and observers): demand of the plans in force against projected and actual graduates by
 * programme group, priority area and region for each year, and the skill gaps. A region filter narrows demand,
 * graduates (none unless the campus is in the region), placements and hires alike. Observers get the same
 * aggregates (no partner is named in it); partner-level detail is in the drill-down, withheld below three partners.
 */
export async function gapReport(ctx: ServiceContext, query: GapQuery): Promise<GapReport> {
  const input = await gapInputs(ctx, query);
  const tables = computeGaps({
    years: input.years,
    demand: input.lines,
    supply: input.supply,
    placements: input.placements,
    homeRegion: input.homeRegion,
  });
  return {
    asOf: input.today,
    fromYear: input.fromYear,
    toYear: input.toYear,
    years: input.years,
    attritionRate: input.attritionRate,
    priorityArea: query.priorityArea ?? null,
    region: query.region ?? null,
    placementsAvailable: true,
    groups: tables.groups as GapReport['groups'],
    areas: tables.areas as GapReport['areas'],
    regions: tables.regions as GapReport['regions'],
    skillGaps: await presentSkillGaps(ctx, input.gaps),
  };
}

/**
 * One group and year, under the report's filters (area, region): the partners whose plans make the demand (with their
 * lines) and the programmes that make the supply, and the group's skill gaps. An observer sees the partners only when at least three contribute.
 */
export async function gapCellDetail(ctx: ServiceContext, query: GapCellQuery): Promise<GapCellDetail> {
  const input = await gapInputs(ctx, {
    fromYear: query.year,
    toYear: query.year,
    attrition: query.attrition,
    priorityArea: query.priorityArea,
    region: query.region,
  });
  const lines = input.lines.filter((l) => l.programmeGroup === query.programmeGroup);
  const supply = input.supply.filter(
    (s) => s.programmeGroup === query.programmeGroup && s.year === query.year,
  );
  const placements = input.placements.filter((p) => p.programmeGroup === query.programmeGroup);
  const tables = computeGaps({ years: [query.year], demand: lines, supply, placements });
  const cell =
    tables.groups[0]?.cells[0] ??
    gapCell({ year: query.year, demand: 0, projected: 0, actual: 0, placements: 0, hires: 0, partners: 0 });
  const byPartner = new Map<number, NonNullable<GapCellDetail['partners']>[number]>();
  for (const l of lines) {
    const p = byPartner.get(l.organisationId) ?? {
      organisationId: l.organisationId,
      organisationName: l.organisationName,
      planId: l.planId,
      headcount: 0,
      lines: [],
    };
    p.headcount += l.headcount;
    p.lines.push({
      occupationLabel: l.occupationLabel,
      occupationUri: l.occupationUri,
      region: l.region,
      headcount: l.headcount,
    });
    byPartner.set(l.organisationId, p);
  }
  const disclosed = isDisclosable({
    confidential: true,
    contributors: byPartner.size,
    seesConfidential: ctx.actor.role !== 'observer',
  });
  const names = await demandRepository.programmeNames(ctx.db, [...new Set(supply.map((s) => s.programmeId))]);
  return {
    programmeGroup: query.programmeGroup,
    year: query.year,
    cell: { ...cell, partners: byPartner.size },
    partners: disclosed ? [...byPartner.values()].sort((a, b) => b.headcount - a.headcount) : null,
    programmes: supply.map((s) => ({
      programmeId: s.programmeId,
      code: names.get(s.programmeId)?.code ?? '',
      name: names.get(s.programmeId)?.name ?? { kk: '', ru: '', en: '' },
      projected: s.projected,
      actual: s.actual,
    })),
    skillGaps: await presentSkillGaps(
      ctx,
      input.gaps.filter((g) => g.programmeGroup === query.programmeGroup),
    ),
  };
}
