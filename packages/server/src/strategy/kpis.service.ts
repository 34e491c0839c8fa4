import type {
  CreateKpiTargetBody,
  KpiDashboard,
  KpiDashboardItem,
  KpiRecordList,
  KpiSnapshot,
  KpiSnapshotListQuery,
  KpiTarget,
  KpiTargetListQuery,
  KpiValue,
  Locale,
  Page,
  TakeSnapshotResult,
  UpdateKpiTargetBody,
} from '@kadr/contracts';
import {
  type KpiSnapshotRecord,
  type KpiTargetRecord,
  kpiSnapshotsRepository,
  kpiTargetsRepository,
} from '@kadr/db';
import { isDisclosable, type KpiMeasurement, periodOf, periodsUpTo, targetProgress } from '@kadr/core';
import { todayOf } from '../agreements/agreements.service.ts';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError, fieldIssue, notFound, validationError, withUniqueCheck } from '../errors.ts';
import { type KpiSource, kpiSource, kpiSources, measureContext } from './kpi-sources.ts';
import { MAX_KPI_RECORDS, registerStrategyKpis } from './strategy-kpis.ts';

registerStrategyKpis();

/** Observers (the ministry) see aggregates only: no records, and confidential sums only above the threshold. */
const seesConfidential = (ctx: ServiceContext) => ctx.actor.role !== 'observer';

/**
 * A value as the actor may see it: a confidential sum below the disclosure threshold is withheld, and an
 * observer never gets the breakdown of a confidential KPI (a year with one partner would show its amount).
 */
export function visibleValue(ctx: ServiceContext, source: KpiSource, m: KpiMeasurement): KpiValue {
  const staff = seesConfidential(ctx);
  const { confidential } = source.definition;
  if (!isDisclosable({ confidential, contributors: m.contributors, seesConfidential: staff }))
    return { value: null, status: 'withheld', breakdown: [], contributors: null };
  return { ...m, breakdown: confidential && !staff ? [] : m.breakdown };
}

const presentTarget = (t: KpiTargetRecord): KpiTarget => ({
  ...t,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

const presentSnapshot = ({ takenBy: _by, ...s }: KpiSnapshotRecord, value: KpiValue): KpiSnapshot => ({
  ...s,
  ...value,
  takenAt: s.takenAt.toISOString(),
});

/** The target the dashboard measures against: the nearest deadline from today on, else the latest one. */
function currentTarget(targets: KpiTarget[], today: string): KpiTarget | null {
  return targets.find((t) => t.deadline >= today) ?? targets.at(-1) ?? null;
}

/** The KPI dashboard: every KPI's value now, its targets, progress to the current target and its history. */
export async function kpiDashboard(ctx: ServiceContext, query: { months: number }): Promise<KpiDashboard> {
  const today = todayOf(ctx);
  const period = periodOf(today);
  const m = measureContext(ctx, today);
  const sources = kpiSources();
  const [targets, snapshots, measurements] = await Promise.all([
    kpiTargetsRepository.all(ctx.db),
    kpiSnapshotsRepository.ofPeriods(ctx.db, periodsUpTo(period, query.months + 1)),
    Promise.all(sources.map((s) => s.measure(m))),
  ]);
  const items = sources.map((source, index): KpiDashboardItem => {
    const id = source.definition.id;
    const own = targets.filter((t) => t.kpiId === id).map(presentTarget);
    const current = visibleValue(ctx, source, measurements[index]!);
    const target = currentTarget(own, today);
    return {
      definition: source.definition,
      current,
      targets: own,
      target,
      progress: target
        ? targetProgress({
            value: current.value,
            target: target.value,
            direction: source.definition.direction,
          })
        : null,
      history: snapshots
        .filter((s) => s.kpiId === id)
        .map((s) => ({ period: s.period, ...visibleValue(ctx, source, s) })),
      records:
        seesConfidential(ctx) && source.records
          ? { web: source.page ?? '/strategy', api: `/api/strategy/kpis/${id}/records` }
          : null,
    };
  });
  return { asOf: today, period, items };
}

function sourceOf(id: string): KpiSource {
  const source = kpiSource(id);
  if (!source) throw notFound('KPI', id);
  return source;
}

/** The records behind a KPI's current value (staff). */
export async function kpiRecords(
  ctx: ServiceContext,
  kpiId: string,
  { lang }: { lang: Locale },
): Promise<KpiRecordList> {
  const source = sourceOf(kpiId);
  const records = source.records ? await source.records(measureContext(ctx, todayOf(ctx), lang)) : [];
  return { kpiId, total: records.length, items: records.slice(0, MAX_KPI_RECORDS) };
}

/**
 * Keeps every KPI's value now as the snapshot of this month, idempotently: a KPI already kept for the month is
 * left as it was, so a figure once reported never changes. Only the current month may be taken (another month's
 * figure cannot be measured today).
 */
export async function takeSnapshot(
  ctx: ServiceContext,
  body: { period?: string | undefined },
): Promise<TakeSnapshotResult> {
  const today = todayOf(ctx);
  const period = periodOf(today);
  if (body.period !== undefined && body.period !== period)
    throw validationError([
      fieldIssue(
        'body.period',
        'currentPeriod',
        `Only the current month (${period}) can be measured and kept`,
      ),
    ]);
  const m = measureContext(ctx, today);
  const sources = kpiSources();
  const measured = await Promise.all(sources.map((s) => s.measure(m)));
  return inTransaction(ctx, async (tx) => {
    const created = await kpiSnapshotsRepository.insertMissing(
      tx,
      sources.map((s, i) => ({
        kpiId: s.definition.id,
        period,
        ...measured[i]!,
        takenAt: ctx.now(),
        takenBy: ctx.actor.userId > 0 ? ctx.actor.userId : null,
      })),
    );
    for (const snapshot of created)
      await recordChange(tx, ctx, {
        action: 'create',
        entity: 'kpi_snapshot',
        entityId: snapshot.id,
        before: null,
        after: snapshot,
      });
    return { period, created: created.length, kept: sources.length - created.length };
  });
}

/** Lists kept snapshots, as the actor may see their values. */
export async function listSnapshots(
  ctx: ServiceContext,
  query: KpiSnapshotListQuery,
): Promise<Page<KpiSnapshot>> {
  const page = await kpiSnapshotsRepository.list(ctx.db, query);
  return {
    ...page,
    items: page.items.map((s) => {
      const source = kpiSource(s.kpiId);
      const value = source
        ? visibleValue(ctx, source, s)
        : { value: null, status: 'withheld' as const, breakdown: [], contributors: null };
      return presentSnapshot(s, value);
    }),
  };
}

/** Lists KPI targets. */
export async function listTargets(ctx: ServiceContext, query: KpiTargetListQuery): Promise<Page<KpiTarget>> {
  const page = await kpiTargetsRepository.list(ctx.db, query);
  return { ...page, items: page.items.map(presentTarget) };
}

/** One target. */
export async function getTarget(ctx: ServiceContext, id: number): Promise<KpiTarget> {
  const found = await kpiTargetsRepository.findById(ctx.db, id);
  if (!found) throw notFound('KPI target', id);
  return presentTarget(found);
}

const duplicateTarget = () =>
  new AppError('CONFLICT', { message: 'This KPI already has a target with this deadline' });

/** Sets a target for a registered KPI (admin). */
export async function createTarget(ctx: ServiceContext, body: CreateKpiTargetBody): Promise<KpiTarget> {
  if (!kpiSource(body.kpiId))
    throw validationError([fieldIssue('body.kpiId', 'exists', `No KPI ${body.kpiId}`)]);
  return inTransaction(ctx, async (tx) => {
    const created = await withUniqueCheck(() => kpiTargetsRepository.create(tx, body), duplicateTarget);
    await recordChange(tx, ctx, {
      action: 'create',
      entity: 'kpi_target',
      entityId: created.id,
      before: null,
      after: created,
    });
    return presentTarget(created);
  });
}

/** Changes a target's value, deadline or note (admin). */
export async function updateTarget(
  ctx: ServiceContext,
  id: number,
  body: UpdateKpiTargetBody,
): Promise<KpiTarget> {
  return inTransaction(ctx, async (tx) => {
    const before = await kpiTargetsRepository.findById(tx, id);
    if (!before) throw notFound('KPI target', id);
    const after = await withUniqueCheck(
      () => kpiTargetsRepository.update(tx, id, body, ctx.now()),
      duplicateTarget,
    );
    await recordChange(tx, ctx, { action: 'update', entity: 'kpi_target', entityId: id, before, after });
    return presentTarget(after!);
  });
}

/** Deletes a target (admin). */
export async function deleteTarget(ctx: ServiceContext, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await kpiTargetsRepository.findById(tx, id);
    if (!before) throw notFound('KPI target', id);
    await kpiTargetsRepository.delete(tx, id);
    await recordChange(tx, ctx, {
      action: 'delete',
      entity: 'kpi_target',
      entityId: id,
      before,
      after: null,
    });
  });
}
