import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { kpiSnapshots, kpiTargets } from '../schema/index.ts';
import { ascending, equalTo, listPage, type ListParams, type RecordPage } from './list.ts';

/** A KPI target. */
export interface KpiTargetRecord {
  id: number;
  kpiId: string;
  value: number;
  deadline: string;
  /** In kk, ru and en (any may be empty). */
  note: { kk: string; ru: string; en: string };
  createdAt: Date;
  updatedAt: Date;
}

/** Fields of a target. */
export type KpiTargetInput = Pick<KpiTargetRecord, 'kpiId' | 'value' | 'deadline' | 'note'>;

/** A KPI's value kept for a period. */
export interface KpiSnapshotRecord {
  id: number;
  kpiId: string;
  period: string;
  value: number | null;
  status: 'ok' | 'no_data';
  breakdown: { key: string; value: number }[];
  contributors: number | null;
  takenAt: Date;
  takenBy: number | null;
}

/** Fields of a snapshot. */
export type KpiSnapshotInput = Omit<KpiSnapshotRecord, 'id'>;

const t = kpiTargets;
const s = kpiSnapshots;

type TargetRow = typeof kpiTargets.$inferSelect;

/** A target's row as a record: the note's three columns as one text in three languages. */
function toTarget({ noteKk, noteRu, noteEn, ...rest }: TargetRow): KpiTargetRecord {
  return { ...rest, note: { kk: noteKk, ru: noteRu, en: noteEn } };
}

/** The columns of a target's change: the note in its three columns. */
function targetColumns(input: Partial<KpiTargetInput>) {
  const { note, ...rest } = input;
  return { ...rest, ...(note ? { noteKk: note.kk, noteRu: note.ru, noteEn: note.en } : {}) };
}

/** Reads and writes KPI targets. */
export const kpiTargetsRepository = {
  async create(db: Db, input: KpiTargetInput): Promise<KpiTargetRecord> {
    const { note, ...rest } = input;
    const [row] = await db
      .insert(t)
      .values({ ...rest, noteKk: note.kk, noteRu: note.ru, noteEn: note.en })
      .returning();
    return toTarget(row!);
  },

  async update(db: Db, id: number, patch: Partial<KpiTargetInput>, at: Date) {
    const [row] = await db
      .update(t)
      .set({ ...targetColumns(patch), updatedAt: at })
      .where(eq(t.id, id))
      .returning();
    return row ? toTarget(row) : undefined;
  },

  async delete(db: Db, id: number): Promise<void> {
    await db.delete(t).where(eq(t.id, id));
  },

  async findById(db: Db, id: number): Promise<KpiTargetRecord | undefined> {
    const [row] = await db.select().from(t).where(eq(t.id, id));
    return row ? toTarget(row) : undefined;
  },

  /** Every target, by KPI then deadline. */
  async all(db: Db): Promise<KpiTargetRecord[]> {
    return (await db.select().from(t).orderBy(asc(t.kpiId), asc(t.deadline), asc(t.id))).map(toTarget);
  },

  async list(
    db: Db,
    params: ListParams & { kpiId?: string | undefined },
  ): Promise<RecordPage<KpiTargetRecord>> {
    return listPage(params, {
      rows: db.select().from(t).$dynamic(),
      filters: [equalTo(t.kpiId, params.kpiId)],
      sortable: { deadline: t.deadline, kpiId: t.kpiId },
      fallback: ascending(t.deadline),
      id: t.id,
      present: (rows) => rows.map(toTarget),
    });
  },
};

/** Reads and writes KPI snapshots; a snapshot, once taken for a period, is never changed. */
export const kpiSnapshotsRepository = {
  /**
   * Inserts the snapshots whose (KPI, period) is not yet kept, and leaves the others as they were.
   * @returns the number inserted
   */
  async insertMissing(db: Db, inputs: KpiSnapshotInput[]): Promise<KpiSnapshotRecord[]> {
    if (inputs.length === 0) return [];
    return (await db
      .insert(s)
      .values(inputs)
      .onConflictDoNothing({ target: [s.kpiId, s.period] })
      .returning()) as KpiSnapshotRecord[];
  },

  /** The snapshots of the given periods, every KPI. */
  async ofPeriods(db: Db, periods: string[]): Promise<KpiSnapshotRecord[]> {
    if (periods.length === 0) return [];
    return (await db
      .select()
      .from(s)
      .where(inArray(s.period, periods))
      .orderBy(asc(s.period), asc(s.kpiId))) as KpiSnapshotRecord[];
  },

  async list(
    db: Db,
    params: ListParams & { kpiId?: string | undefined; from?: string | undefined; to?: string | undefined },
  ): Promise<RecordPage<KpiSnapshotRecord>> {
    return listPage(params, {
      rows: db.select().from(s).$dynamic(),
      filters: [
        equalTo(s.kpiId, params.kpiId),
        params.from ? gte(s.period, params.from) : undefined,
        params.to ? lte(s.period, params.to) : undefined,
      ],
      sortable: { period: s.period, kpiId: s.kpiId },
      fallback: ascending(s.period),
      id: s.id,
      present: (rows) => rows as KpiSnapshotRecord[],
    });
  },

  /** True when a snapshot of `kpiId` is kept for `period`. */
  async exists(db: Db, kpiId: string, period: string): Promise<boolean> {
    const [row] = await db
      .select({ id: s.id })
      .from(s)
      .where(and(eq(s.kpiId, kpiId), eq(s.period, period)));
    return row !== undefined;
  },
};
