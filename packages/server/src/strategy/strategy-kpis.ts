/**
 * The strategy tracker's own KPI sources (issue 13, item 4): each reads the operational data and applies the
 * formula from @kadr/core. Placement KPIs are registered with no inputs yet, so they answer `no_data`; the
 * placements capability replaces their measures when it lands.
 */
import { DEFAULT_HOURS_PER_DAY, type InvestmentSource, LEDGER_FIRST_YEAR } from '@kadr/contracts';
import { strategyInputsRepository, usageRepository } from '@kadr/db';
import {
  addDays,
  computeUtilisation,
  countForeignBranches,
  countJointProgrammes,
  countOf,
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
          label: `${p.code} ${p.nameRu}`,
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
          label: r.nameRu,
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
        detail: i.description,
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
      monthHours: await usageRepository.byMonthAndAsset(m.db, start, end, m.ctx.timeZone),
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
        .map((a) => ({ label: a.code, detail: a.name.ru, value: a.utilisation, href: '/material' })),
  };
}

/** A placement KPI: its inputs do not exist until the placements capability records them. */
function awaitingPlacements(id: string, kind: 'count' | 'rate'): KpiSource {
  return {
    definition: definition(id),
    measure: async () => (kind === 'count' ? countOf(undefined) : rateOf(undefined)),
  };
}

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
    awaitingPlacements(K.studentsInPractice, 'count'),
    awaitingPlacements(K.studentsInDualEducation, 'count'),
    awaitingPlacements(K.placementRate, 'rate'),
    awaitingPlacements(K.hireRate, 'rate'),
    utilisation(K.labUtilisation, 'lab'),
    utilisation(K.equipmentUtilisation, 'equipment'),
  ])
    registerKpiSource(source);
}
