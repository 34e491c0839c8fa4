/**
 * The strategy tracker's own KPI sources (issue 13, item 4): each reads the operational data and applies the
 * formula from @kadr/core. The practice KPIs read the placements (practiceFactsRepository) once per request.
 */
import { DEFAULT_HOURS_PER_DAY, type InvestmentSource, LEDGER_FIRST_YEAR, localized } from '@kadr/contracts';
import {
  type PracticeFactRow,
  practiceFactsRepository,
  strategyInputsRepository,
  usageRepository,
} from '@kadr/db';
import {
  addDays,
  computeUtilisation,
  countForeignBranches,
  academicYearOf,
  completedWithinYear,
  countJointProgrammes,
  countStudentsInPractice,
  hireRate,
  placementRate,
  placementsInPractice,
  effectiveAgreementStatus,
  investedSince,
  rateOf,
  STRATEGY_KPI_IDS as K,
  STRATEGY_KPIS,
  startOfDate,
  utilisationOf,
} from '@kadr/core';
import { assetsOf } from '../bookings/utilisation.service.ts';
import { type KpiRecord, type KpiSource, type MeasureContext, registerKpiSource } from './kpi-sources.ts';

/** The most records listed behind one value. */
export const MAX_KPI_RECORDS = 200;

const definition = (id: string) => STRATEGY_KPIS.find((k) => k.id === id)!;

async function branchInputs(m: MeasureContext) {
  return m.once('branches', async () => {
    const profiles = await strategyInputsRepository.branchProfiles(m.db);
    const branchAgreements = await strategyInputsRepository.agreementsOfKind(m.db, 'foreign_branch');
    const result = countForeignBranches({
      partners: profiles,
      branchAgreements: branchAgreements.map((a) => ({
        partyIds: a.partyIds,
        status: effectiveAgreementStatus(a, m.today),
      })),
    });
    return result;
  });
}

const branches: KpiSource = {
  definition: definition(K.foreignBranches),
  page: '/partners',
  measure: async (m) => {
    const result = await branchInputs(m);
    return { value: result.value, status: result.status, breakdown: result.breakdown, contributors: null };
  },
  records: async (m) => {
    const result = await branchInputs(m);
    const names = await strategyInputsRepository.shortNames(m.db, [...result.openIds, ...result.plannedIds]);
    const row = (id: number, detail: string): KpiRecord => ({
      label: names.get(id) ?? String(id),
      detail,
      value: null,
      href: `/partners/${id}`,
    });
    return [
      ...result.openIds.map((id) => row(id, 'open')),
      ...result.plannedIds.map((id) => row(id, 'planned')),
    ];
  },
};

async function programmeInputs(m: MeasureContext) {
  return m.once('programmes', async () => ({
    catalogue: await strategyInputsRepository.cataloguedProgrammes(m.db),
    records: await strategyInputsRepository.jointProgrammeRecords(m.db),
  }));
}

const jointProgrammes: KpiSource = {
  definition: definition(K.jointProgrammes),
  page: '/partners',
  measure: async (m) => countJointProgrammes(await programmeInputs(m)),
  records: async (m) => {
    const { catalogue, records } = await programmeInputs(m);
    const counted = new Set(
      catalogue.flatMap((p) =>
        p.degreeType === 'single' ? [] : p.agreementIds.map((a) => `${a}:${p.degreeType}`),
      ),
    );
    return [
      ...catalogue
        .filter((p) => p.degreeType !== 'single')
        .map((p) => ({
          label: `${p.code} ${localized(p.name, m.lang)}`,
          detail: p.degreeType,
          value: null,
          href: `/programmes/${p.id}`,
        })),
      ...records
        .filter(
          (r) =>
            r.degreeType !== 'single' && !(r.agreementId && counted.has(`${r.agreementId}:${r.degreeType}`)),
        )
        .map((r) => ({
          label: localized(r.name, m.lang),
          detail: r.degreeType,
          value: null,
          href: `/partners/${r.organisationId}`,
        })),
    ];
  },
};

function investment(id: string, source: InvestmentSource): KpiSource {
  return {
    definition: definition(id),
    page: '/investments',
    measure: async (m) => {
      const rows = await m.once('ledger', () =>
        strategyInputsRepository.ledgerBySourceYearOrganisation(m.db, LEDGER_FIRST_YEAR),
      );
      return investedSince({
        rows,
        source,
        firstYear: LEDGER_FIRST_YEAR,
        lastYear: Number(m.today.slice(0, 4)),
      });
    },
    records: async (m) =>
      (
        await strategyInputsRepository.investmentsOfSource(m.db, source, LEDGER_FIRST_YEAR, MAX_KPI_RECORDS)
      ).map((i) => ({
        label: `${i.investedOn} ${i.shortName ?? ''}`.trim(),
        detail: localized(i.description, m.lang),
        value: i.amountTiyn,
        href: '/investments',
      })),
  };
}

/**
 * The last 365 days' utilisation per asset, computed once for both utilisation KPIs: the utilisation report's
 * computation (material/utilisation.ts) without its funding split, which the KPIs do not read.
 */
function utilisationOfYear(m: MeasureContext) {
  return m.once('utilisation', async () => {
    const from = addDays(m.today, -364);
    const [start, end] = [
      startOfDate(from, m.ctx.timeZone),
      startOfDate(addDays(m.today, 1), m.ctx.timeZone),
    ];
    return computeUtilisation({
      from,
      to: m.today,
      hoursPerDay: DEFAULT_HOURS_PER_DAY,
      assets: await assetsOf(m.ctx, undefined),
      // One total per asset: the KPIs read no month (usedHoursByAsset, without byMonthAndAsset's month split).
      monthHours: (await usageRepository.usedHoursByAsset(m.db, start, end)).map((row) => ({
        ...row,
        month: '',
        bookedHours: 0,
        sessions: 0,
      })),
      funding: [],
      partnerNames: new Map(),
    });
  });
}

function utilisation(id: string, assetType: 'lab' | 'equipment'): KpiSource {
  return {
    definition: definition(id),
    page: '/bookings',
    measure: async (m) => utilisationOf((await utilisationOfYear(m)).assets, assetType),
    records: async (m) =>
      (await utilisationOfYear(m)).assets
        .filter((a) => a.assetType === assetType)
        .sort((a, b) => b.utilisation - a.utilisation)
        .slice(0, MAX_KPI_RECORDS)
        .map((a) => ({
          label: a.code,
          detail: localized(a.name, m.lang),
          value: a.utilisation,
          href: '/material',
        })),
  };
}

/** Every placement, read once per dashboard request for the four practice KPIs. */
function practiceInputs(m: MeasureContext) {
  return m.once('placements', () => practiceFactsRepository.placements(m.db));
}

/** The rounds the placement rate reads: those of the latest allocated academic year up to today's. */
function allocatedRounds(m: MeasureContext) {
  return m.once('rounds', () => practiceFactsRepository.lastAllocatedRounds(m.db, academicYearOf(m.today)));
}

const placementRecord = (p: PracticeFactRow, detail: string): KpiRecord => ({
  label: `${p.studentName}, ${p.partnerName}`,
  detail,
  value: null,
  href: `/placements/${p.id}`,
});

function studentsInPractice(id: string, dualOnly: boolean): KpiSource {
  return {
    definition: definition(id),
    page: '/placements/dashboard',
    measure: async (m) => countStudentsInPractice(await practiceInputs(m), m.today, dualOnly),
    records: async (m) =>
      placementsInPractice(await practiceInputs(m), m.today, dualOnly)
        .slice(0, MAX_KPI_RECORDS)
        .map((p) => placementRecord(p, p.practiceType)),
  };
}

const placementRateSource: KpiSource = {
  definition: definition(K.placementRate),
  page: '/placements/dashboard',
  measure: async (m) => {
    const rounds = await allocatedRounds(m);
    if (!rounds) return rateOf(undefined);
    const inRounds = new Set(rounds.roundIds);
    const placements = (await practiceInputs(m)).filter((p) => p.roundId !== null && inRounds.has(p.roundId));
    return placementRate({ applicants: rounds.applicants, placements });
  },
  records: async (m) => {
    const rounds = await allocatedRounds(m);
    if (!rounds) return [];
    const inRounds = new Set(rounds.roundIds);
    return (await practiceInputs(m))
      .filter((p) => p.roundId !== null && inRounds.has(p.roundId))
      .slice(0, MAX_KPI_RECORDS)
      .map((p) => placementRecord(p, p.status));
  },
};

const hireRateSource: KpiSource = {
  definition: definition(K.hireRate),
  page: '/placements/dashboard',
  measure: async (m) => hireRate(await practiceInputs(m), m.today),
  records: async (m) =>
    completedWithinYear(await practiceInputs(m), m.today)
      .slice(0, MAX_KPI_RECORDS)
      .map((p) => placementRecord(p, p.hiredOn === null ? 'notHired' : 'hired')),
};

let registered = false;

/** Registers the strategy tracker's KPIs, once. */
export function registerStrategyKpis(): void {
  if (registered) return;
  registered = true;
  for (const source of [
    branches,
    jointProgrammes,
    investment(K.pppInvestment, 'ppp_partner'),
    investment(K.stateInvestment, 'state_budget'),
    studentsInPractice(K.studentsInPractice, false),
    studentsInPractice(K.studentsInDualEducation, true),
    placementRateSource,
    hireRateSource,
    utilisation(K.labUtilisation, 'lab'),
    utilisation(K.equipmentUtilisation, 'equipment'),
  ])
    registerKpiSource(source);
}
