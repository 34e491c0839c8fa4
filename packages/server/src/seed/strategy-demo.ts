/**
 * The strategy tracker's demo: targets, a year of monthly KPI snapshots before the seed month, and the projects
 * with milestones of strategy-demo-data.ts. Seeded last, when the data the KPIs read exist. Past snapshots are
 * measured with the KPIs' own formulas on the data as it stood at each month's end where the data are dated
 * (investments, agreements, joint programmes' start years, lab and equipment use over the twelve months before,
 * placements by their offers' periods, hire dates and rounds' publication); partner profiles are not dated, so their
 * branch statuses count as they are now.
 */
import { DEFAULT_HOURS_PER_DAY, LEDGER_FIRST_YEAR } from '@kadr/contracts';
import {
  agreementsRepository,
  kpiSnapshotsRepository,
  kpiTargetsRepository,
  milestonesRepository,
  type PracticeFactRow,
  practiceFactsRepository,
  projectsRepository,
  strategyInputsRepository,
  usageRepository,
  usersRepository,
} from '@kadr/db';
import {
  academicYearOf,
  addDays,
  countForeignBranches,
  countStudentsInPractice,
  hireRate,
  placementRate,
  placementsAsOf,
  countJointProgrammes,
  effectiveAgreementStatus,
  investedSince,
  type KpiMeasurement,
  noData,
  periodOf,
  periodsUpTo,
  STRATEGY_KPI_IDS as K,
  STRATEGY_KPIS,
  startOfDate,
  utilisationByMonth,
  utilisationOf,
} from '@kadr/core';
import { assetsOf } from '../bookings/utilisation.service.ts';
import { systemActor } from '../context.ts';
import type { DemoContext } from './demo-context.ts';
import { demoProjects, demoTargets } from './strategy-demo-data.ts';

/** The last day of month `period` (`YYYY-MM`). */
function endOf(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/** Used over available hours of the twelve months up to each month, per asset type, from one scan of the bookings. */
async function utilisationHistory(d: DemoContext, periods: string[]) {
  const from = `${periodsUpTo(periods[0]!, 12)[0]}-01`;
  const to = endOf(periods.at(-1)!);
  const ctx = {
    db: d.tx,
    actor: systemActor('seed'),
    requestId: 'seed',
    now: () => d.now,
    timeZone: d.timeZone,
  };
  const assets = await assetsOf(ctx, undefined);
  const rows = await usageRepository.byMonthAndAsset(
    d.tx,
    startOfDate(from, d.timeZone),
    startOfDate(addDays(to, 1), d.timeZone),
    d.timeZone,
  );
  const period = { from, to, hoursPerDay: DEFAULT_HOURS_PER_DAY };
  const history = (assetType: 'lab' | 'equipment') => {
    const months = utilisationByMonth(
      period,
      assets.filter((a) => a.assetType === assetType),
      rows,
    );
    return new Map(
      periods.map((end) => {
        const window = new Set(periodsUpTo(end, 12));
        const inWindow = months.filter((m) => window.has(m.month));
        const used = inWindow.reduce((sum, m) => sum + m.usedHours, 0);
        const available = inWindow.reduce((sum, m) => sum + m.availableHours, 0);
        return [end, utilisationOf([{ assetType, usedHours: used, availableHours: available }], assetType)];
      }),
    );
  };
  return { lab: history('lab'), equipment: history('equipment') };
}

/** The practice KPIs at the end of `end`: placements as they stood then, rounds published by then. */
async function practiceThen(
  d: DemoContext,
  placements: PracticeFactRow[],
  end: string,
): Promise<[string, KpiMeasurement][]> {
  const then = placementsAsOf(placements, end);
  const rounds = await practiceFactsRepository.lastAllocatedRounds(
    d.tx,
    academicYearOf(end),
    startOfDate(addDays(end, 1), d.timeZone),
  );
  const inRounds = new Set(rounds?.roundIds ?? []);
  return [
    [K.studentsInPractice, countStudentsInPractice(then, end)],
    [K.studentsInDualEducation, countStudentsInPractice(then, end, true)],
    [
      K.placementRate,
      rounds
        ? placementRate({
            applicants: rounds.applicants,
            // placed by the round whether or not the practice had begun
            placements: placements.filter((p) => p.roundId !== null && inRounds.has(p.roundId)),
          })
        : noData(),
    ],
    [K.hireRate, hireRate(then, end)],
  ];
}

/** Every KPI measured at the end of each period, as far as the data are dated. */
async function pastMeasurements(
  d: DemoContext,
  periods: string[],
): Promise<Map<string, Map<string, KpiMeasurement>>> {
  const profiles = await strategyInputsRepository.branchProfiles(d.tx);
  const branchAgreements = await strategyInputsRepository.agreementsOfKind(d.tx, 'foreign_branch');
  const catalogue = await strategyInputsRepository.cataloguedProgrammes(d.tx);
  const records = await strategyInputsRepository.jointProgrammeRecords(d.tx);
  const { lab: labs, equipment } = await utilisationHistory(d, periods);
  const placements = await practiceFactsRepository.placements(d.tx);
  const byPeriod = new Map<string, Map<string, KpiMeasurement>>();
  for (const period of periods) {
    const end = endOf(period);
    const year = Number(period.slice(0, 4));
    const rows = await strategyInputsRepository.ledgerBySourceYearOrganisation(d.tx, LEDGER_FIRST_YEAR, end);
    const branches = countForeignBranches({
      partners: profiles,
      branchAgreements: branchAgreements.map((a) => ({
        partyIds: a.partyIds,
        status: a.signedOn && a.signedOn <= end ? effectiveAgreementStatus(a, end) : 'draft',
      })),
    });
    const values = new Map<string, KpiMeasurement>([
      [K.foreignBranches, { ...branches, contributors: null }],
      [
        K.jointProgrammes,
        countJointProgrammes({ catalogue, records: records.filter((r) => r.startYear <= year) }),
      ],
      [
        K.pppInvestment,
        investedSince({ rows, source: 'ppp_partner', firstYear: LEDGER_FIRST_YEAR, lastYear: year }),
      ],
      [
        K.stateInvestment,
        investedSince({ rows, source: 'state_budget', firstYear: LEDGER_FIRST_YEAR, lastYear: year }),
      ],
      [K.labUtilisation, labs.get(period)!],
      [K.equipmentUtilisation, equipment.get(period)!],
      ...(await practiceThen(d, placements, end)),
    ]);
    byPeriod.set(period, values);
  }
  return byPeriod;
}

/** Seeds the strategy tracker's targets, a year of snapshots and the projects with milestones. */
export async function seedStrategyDemo(d: DemoContext): Promise<void> {
  const year = Number(d.today.slice(0, 4));
  for (const target of demoTargets) {
    const created = await kpiTargetsRepository.create(d.tx, {
      kpiId: target.kpiId,
      value: target.value,
      deadline: `${year + target.yearsAhead}-12-31`,
      note: target.note,
    });
    d.record('kpi_target', created.id, created);
  }
  const admin = await usersRepository.findByEmail(d.tx, 'admin@demo.kadr.kz');
  const previous = periodOf(addDays(`${periodOf(d.today)}-01`, -1));
  const periods = periodsUpTo(previous, 12);
  const measured = await pastMeasurements(d, periods);
  const snapshots = periods.flatMap((period) =>
    STRATEGY_KPIS.map((kpi) => ({
      kpiId: kpi.id,
      period,
      ...(measured.get(period)!.get(kpi.id) ?? noData()),
      // Kept on the first day of the next month, as the monthly snapshot would have been.
      takenAt: startOfDate(addDays(endOf(period), 1), d.timeZone),
      takenBy: admin?.id ?? null,
    })),
  );
  for (const created of await kpiSnapshotsRepository.insertMissing(d.tx, snapshots))
    d.record('kpi_snapshot', created.id, created);
  await seedProjects(d);
}

async function seedProjects(d: DemoContext): Promise<void> {
  const agreements = await agreementsRepository.findByNumbers(
    d.tx,
    demoProjects.map((p) => p.agreement),
  );
  const owners = new Map<string, number>();
  for (const p of demoProjects) {
    const id = await projectsRepository.create(d.tx, {
      kind: p.kind,
      name: p.name,
      organisationId: d.organisationIds.get(p.partner) ?? null,
      agreementId: agreements.get(p.agreement)?.id ?? null,
      status: p.status,
      startsOn: d.date(p.startsOn),
      endsOn: p.endsOn ? d.date(p.endsOn) : null,
      description: p.description,
    });
    d.record('project', id, (await projectsRepository.findById(d.tx, id, d.today))!);
    for (const m of p.milestones) {
      if (!owners.has(m.owner)) owners.set(m.owner, (await usersRepository.findByEmail(d.tx, m.owner))!.id);
      const created = await milestonesRepository.create(d.tx, id, {
        title: m.title,
        ownerId: owners.get(m.owner)!,
        dueOn: d.date(m.dueOn),
        status: m.status,
        completedOn: m.completedOn ? d.date(m.completedOn) : null,
        evidence: m.evidence ?? [],
      });
      d.record('milestone', created.id, created);
    }
  }
}
