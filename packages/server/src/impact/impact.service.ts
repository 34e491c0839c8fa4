import {
  type ImpactAggregates,
  type ImpactAsset,
  type ImpactReport,
  LEDGER_FIRST_YEAR,
} from '@kadr/contracts';
import {
  type AssetSet,
  equipmentRepository,
  investmentAggregatesRepository,
  investmentsRepository,
  labsRepository,
  organisationsRepository,
  outcomesRepository,
  usageRepository,
} from '@kadr/db';
import { todayOf } from '../agreements/agreements.service.ts';
import { addDays, competenciesTrained, startOfDate } from '@kadr/core';
import type { ServiceContext } from '../context.ts';
import { fieldIssue, notFound, validationError } from '../errors.ts';
import { ledgerCharts } from '../investments/ledger-charts.ts';
import { presentInvestment } from '../investments/presenters.ts';
import { fundedShares } from '../partners/partner-overview.service.ts';
import { assertOrganisationVisible } from '../policy.ts';

const round2 = (value: number) => Math.round(value * 100) / 100;

interface Period {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

function periodOf(
  ctx: ServiceContext,
  query: { from?: string | undefined; to?: string | undefined },
): Period {
  const to = query.to ?? todayOf(ctx);
  const from = query.from ?? `${LEDGER_FIRST_YEAR}-01-01`;
  if (from > to) throw validationError([fieldIssue('query.from', 'periodInOrder', 'from is after to')]);
  return {
    from,
    to,
    start: startOfDate(from, ctx.timeZone),
    end: startOfDate(addDays(to, 1), ctx.timeZone),
  };
}

const keyOf = (r: { labId: number | null; equipmentId: number | null }) =>
  r.labId !== null ? `lab:${r.labId}` : `equipment:${r.equipmentId}`;

type DescribedAsset = Pick<ImpactAsset, 'assetType' | 'assetId' | 'code' | 'name' | 'priorityArea'> & {
  key: string;
};
type AssetTraining = { sessions: number; hoursUsed: number; studentHours: number; distinctStudents: number };

async function describeAssets(ctx: ServiceContext, set: AssetSet): Promise<DescribedAsset[]> {
  const labs = await labsRepository.findByIds(ctx.db, set.labIds);
  const items = await equipmentRepository.findByIds(ctx.db, set.equipmentIds);
  return [
    ...labs.map((l) => ({
      key: `lab:${l.id}`,
      assetType: 'lab' as const,
      assetId: l.id,
      code: l.code,
      name: l.name.ru,
      priorityArea: l.priorityArea,
    })),
    ...items.map((e) => ({
      key: `equipment:${e.id}`,
      assetType: 'equipment' as const,
      assetId: e.id,
      code: e.inventoryNumber,
      name: e.name.ru,
      priorityArea: e.priorityArea,
    })),
  ];
}

/** One asset's row: the partner's share of its funding weights its student-hours. */
export function impactAssetRow(
  { key: _key, ...asset }: DescribedAsset,
  fundedByPartner: number,
  fundedInTotal: number,
  training: AssetTraining | undefined,
): ImpactAsset {
  const share = Math.min(1, fundedByPartner / (fundedInTotal || fundedByPartner || 1));
  return {
    ...asset,
    fundedByPartnerTiyn: fundedByPartner,
    partnerShare: Math.round(share * 10_000) / 10_000,
    sessions: training?.sessions ?? 0,
    hoursUsed: round2(training?.hoursUsed ?? 0),
    studentHours: round2(training?.studentHours ?? 0),
    attributedStudentHours: round2((training?.studentHours ?? 0) * share),
    distinctStudents: training?.distinctStudents ?? 0,
  };
}

/** Per asset: the partner's funding, its share of all funding, and the training recorded on the asset. */
async function impactAssets(
  ctx: ServiceContext,
  shares: Map<string, number>,
  set: AssetSet,
  period: Period,
): Promise<ImpactAsset[]> {
  const totals = new Map<string, number>();
  for (const row of await investmentsRepository.assetFunding(ctx.db)) {
    totals.set(keyOf(row), (totals.get(keyOf(row)) ?? 0) + row.amountTiyn);
  }
  const training = await usageRepository.trainingByAsset(ctx.db, set, period.start, period.end);
  return (await describeAssets(ctx, set)).map((asset) =>
    impactAssetRow(
      asset,
      shares.get(asset.key) ?? 0,
      totals.get(asset.key) ?? 0,
      training.find((r) => keyOf(r) === asset.key),
    ),
  );
}

/** Disciplines (named ones, most student-hours first) and years of the training on a set of assets. */
async function trainingSections(ctx: ServiceContext, set: AssetSet, period: Period) {
  const disciplines = await usageRepository.trainingByDiscipline(ctx.db, set, period.start, period.end);
  const byYear = await usageRepository.trainingByYear(ctx.db, period.start, period.end, ctx.timeZone, set);
  return {
    disciplines: disciplines
      .filter((d) => d.disciplineName !== '')
      .map((d) => ({
        disciplineName: d.disciplineName,
        sessions: d.sessions,
        studentHours: round2(d.studentHours),
        distinctStudents: d.distinctStudents,
      }))
      .sort((a, b) => b.studentHours - a.studentHours),
    byYear: byYear.map((y) => ({ year: y.year, sessions: y.sessions, studentHours: round2(y.studentHours) })),
  };
}

/**
 * The competencies trained on the partner's assets (core `competenciesTrained`): sessions that name a catalogue
 * discipline, weighted by the partner's share of each asset, against all the student-hours on the assets.
 */
async function competenciesSection(
  ctx: ServiceContext,
  set: AssetSet,
  period: Period,
  assets: ImpactAsset[],
  totalStudentHours: number,
): Promise<ImpactReport['competencies']> {
  const rows = await usageRepository.trainingByCatalogueDiscipline(ctx.db, set, period.start, period.end);
  const shareOf = new Map(assets.map((a) => [`${a.assetType}:${a.assetId}`, a.partnerShare]));
  const training = rows.map((r) => ({
    disciplineId: r.disciplineId,
    sessions: r.sessions,
    studentHours: r.studentHours,
    partnerShare: shareOf.get(keyOf(r)) ?? 0,
  }));
  const outcomes = await outcomesRepository.ofDisciplines(
    ctx.db,
    training.map((t) => t.disciplineId),
  );
  const trained = competenciesTrained(training, outcomes, totalStudentHours);
  const described = new Map(
    (
      await outcomesRepository.competenciesByIds(
        ctx.db,
        trained.map((c) => c.competencyId),
      )
    ).map((c) => [c.competencyId, c]),
  );
  const mapped = new Set(outcomes.map((o) => o.disciplineId));
  return {
    mappedStudentHours: round2(
      training.filter((t) => mapped.has(t.disciplineId)).reduce((total, t) => total + t.studentHours, 0),
    ),
    items: trained.flatMap((c) => {
      const competency = described.get(c.competencyId);
      if (!competency) return [];
      const { code, frameworkCode, name, type } = competency;
      return [{ ...c, code, frameworkCode, name, type }];
    }),
  };
}

/**
 * "Your money trained N students for H hours": a partner's investments (up to `to`), the assets they
 * paid for, and the recorded use of those assets in [from, to]. A partner gets only its own (404 otherwise).
 */
export async function impactReport(
  ctx: ServiceContext,
  organisationId: number,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<ImpactReport> {
  assertOrganisationVisible(ctx.actor, organisationId);
  const organisation = await organisationsRepository.findById(ctx.db, organisationId);
  if (!organisation) throw notFound('organisation', organisationId);
  const period = periodOf(ctx, query);
  const investments = await investmentsRepository.listForOrganisation(
    ctx.db,
    organisationId,
    undefined,
    period.to,
  );
  const shares = fundedShares(investments);
  const idsOf = (prefix: string) =>
    [...shares.keys()].filter((k) => k.startsWith(prefix)).map((k) => Number(k.slice(prefix.length)));
  const set: AssetSet = { labIds: idsOf('lab:'), equipmentIds: idsOf('equipment:') };
  const assets = await impactAssets(ctx, shares, set, period);
  const sections = await trainingSections(ctx, set, period);
  const sum = (pick: (a: ImpactAsset) => number) => round2(assets.reduce((total, a) => total + pick(a), 0));
  const competencies = await competenciesSection(
    ctx,
    set,
    period,
    assets,
    assets.reduce((total, a) => total + a.studentHours, 0),
  );
  return {
    partner: { id: organisation.id, shortName: organisation.shortName, name: organisation.name },
    period: { from: period.from, to: period.to },
    generatedAt: ctx.now().toISOString(),
    summary: {
      investedTiyn: investments.reduce((total, i) => total + i.amountTiyn, 0),
      investments: investments.length,
      labs: set.labIds.length,
      equipment: set.equipmentIds.length,
      sessions: sum((a) => a.sessions),
      hoursUsed: sum((a) => a.hoursUsed),
      studentHours: sum((a) => a.studentHours),
      attributedStudentHours: sum((a) => a.attributedStudentHours),
      distinctStudents: await usageRepository.distinctStudents(ctx.db, period.start, period.end, set),
      disciplines: sections.disciplines.length,
    },
    investments: investments.map(presentInvestment),
    assets,
    ...sections,
    competencies,
  };
}

/** Totals for observers and dashboards: money by source, year and area; training by year and area. No per-partner data. */
export async function impactAggregates(
  ctx: ServiceContext,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<ImpactAggregates> {
  const period = periodOf(ctx, query);
  const totals = await investmentAggregatesRepository.totals(ctx.db, { from: query.from, to: query.to });
  const { byPartner: _hidden, ...investments } = ledgerCharts(totals, todayOf(ctx), query, false);
  const byYear = await usageRepository.trainingByYear(ctx.db, period.start, period.end, ctx.timeZone);
  const byArea = await usageRepository.trainingByArea(ctx.db, period.start, period.end);
  return {
    investments,
    training: {
      sessions: byYear.reduce((total, y) => total + y.sessions, 0),
      studentHours: round2(byYear.reduce((total, y) => total + y.studentHours, 0)),
      distinctStudents: await usageRepository.distinctStudents(ctx.db, period.start, period.end),
      byYear: byYear.map((y) => ({
        year: y.year,
        sessions: y.sessions,
        studentHours: round2(y.studentHours),
      })),
      byArea: byArea.map((a) => ({
        area: a.area,
        sessions: a.sessions,
        studentHours: round2(a.studentHours),
      })),
    },
  };
}
