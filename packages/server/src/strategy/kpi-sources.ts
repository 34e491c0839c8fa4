/**
 * Where each KPI's inputs come from: the server half of the KPI registry. A source pairs a core definition
 * (@kadr/core strategy/kpis.ts) with a `measure` that reads the operational tables and calls the KPI's pure
 * formula, and optionally with the records behind the value. Another capability adds its KPIs by calling
 * `registerKpiSource` from its own module (admissions: grants and quota use; workforce demand: gaps).
 */
import type { KpiRecordList, Locale } from '@kadr/contracts';
import type { Db } from '@kadr/db';
import { type KpiDefinition, type KpiMeasurement, KpiRegistry } from '@kadr/core';
import type { ServiceContext } from '../context.ts';

/** What a measure may read: the service context, the day, and a memo shared by the KPIs measured together. */
export interface MeasureContext {
  ctx: ServiceContext;
  db: Db;
  today: string;
  /** The reader's language, for the names and descriptions of records. */
  lang: Locale;
  /** Computes `work` once per dashboard request for `key` (inputs several KPIs share). */
  once<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/** One record behind a value. */
export type KpiRecord = KpiRecordList['items'][number];

/** A KPI with the means to measure it and to list the records behind it. */
export interface KpiSource {
  definition: KpiDefinition;
  measure(m: MeasureContext): Promise<KpiMeasurement>;
  /** The records behind the current value (staff only); omitted when a KPI has none to list. */
  records?(m: MeasureContext): Promise<KpiRecord[]>;
  /** The web page that lists those records in full. */
  page?: string;
}

const registry = new KpiRegistry();
const sources = new Map<string, KpiSource>();

/**
 * Adds a KPI to the tracker.
 * @throws Error when its id is taken (a programming error)
 */
export function registerKpiSource(source: KpiSource): void {
  registry.define(source.definition);
  sources.set(source.definition.id, source);
}

/** Every registered KPI, in registration order. */
export function kpiSources(): KpiSource[] {
  return registry.list().map((d) => sources.get(d.id)!);
}

/** The source of one KPI, or undefined. */
export function kpiSource(id: string): KpiSource | undefined {
  return sources.get(id);
}

/** A measure context for `ctx` on `today` with a fresh memo. */
export function measureContext(ctx: ServiceContext, today: string, lang: Locale = 'ru'): MeasureContext {
  const memo = new Map<string, Promise<unknown>>();
  return {
    ctx,
    db: ctx.db,
    today,
    lang,
    once<T>(key: string, work: () => Promise<T>): Promise<T> {
      if (!memo.has(key)) memo.set(key, work());
      return memo.get(key) as Promise<T>;
    },
  };
}
