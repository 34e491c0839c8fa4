import type { InvestmentSource, PriorityArea } from '@kadr/contracts';
import { and, eq, gte, isNotNull, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';
import { equipment, investmentAllocations, investments, labs, organisations } from '../schema/index.ts';

/** Which part of the ledger to total: a period (inclusive dates) and optionally one organisation. */
export interface LedgerScope {
  from?: string | undefined;
  to?: string | undefined;
  organisationId?: number | undefined;
}

/** Raw totals of the ledger; the service shapes them for charts. */
export interface LedgerTotals {
  bySource: { source: InvestmentSource; amountTiyn: number; count: number }[];
  byYearSource: { year: number; source: InvestmentSource; amountTiyn: number }[];
  byArea: { area: PriorityArea; amountTiyn: number }[];
  byPartner: { organisationId: number; shortName: string; amountTiyn: number }[];
}

const i = investments;
const al = investmentAllocations;
const equipmentLab = alias(labs, 'equipment_lab');
const tiyn = (expression: SQL) => sql<number>`coalesce(sum(${expression}), 0)`.mapWith(Number);

function scopeOf(scope: LedgerScope): SQL | undefined {
  return and(
    scope.from ? gte(i.investedOn, scope.from) : undefined,
    scope.to ? lte(i.investedOn, scope.to) : undefined,
    scope.organisationId === undefined ? undefined : eq(i.organisationId, scope.organisationId),
  );
}

/** Totals of the investment ledger by source, year, priority area and partner. */
export const investmentAggregatesRepository = {
  async totals(db: Db, scope: LedgerScope): Promise<LedgerTotals> {
    const where = scopeOf(scope);
    const bySource = await db
      .select({
        source: i.source,
        amountTiyn: tiyn(sql`${i.amountTiyn}`),
        count: sql<number>`count(*)`.mapWith(Number),
      })
      .from(i)
      .where(where)
      .groupBy(i.source);
    const year = sql<number>`extract(year from ${i.investedOn})::int`.mapWith(Number);
    const byYearSource = await db
      .select({ year, source: i.source, amountTiyn: tiyn(sql`${i.amountTiyn}`) })
      .from(i)
      .where(where)
      .groupBy(sql`1`, i.source);
    const area = sql<PriorityArea>`coalesce(${labs.priorityArea}, ${equipmentLab.priorityArea})`;
    const byArea = await db
      .select({ area, amountTiyn: tiyn(sql`${al.amountTiyn}`) })
      .from(al)
      .innerJoin(i, eq(i.id, al.investmentId))
      .leftJoin(labs, eq(labs.id, al.labId))
      .leftJoin(equipment, eq(equipment.id, al.equipmentId))
      .leftJoin(equipmentLab, eq(equipmentLab.id, equipment.labId))
      .where(where)
      .groupBy(sql`1`);
    const byPartner = await db
      .select({
        organisationId: organisations.id,
        shortName: organisations.shortName,
        amountTiyn: tiyn(sql`${i.amountTiyn}`),
      })
      .from(i)
      .innerJoin(organisations, eq(organisations.id, i.organisationId))
      .where(and(where, isNotNull(i.organisationId)))
      .groupBy(organisations.id, organisations.shortName);
    return { bySource, byYearSource, byArea, byPartner };
  },
};
