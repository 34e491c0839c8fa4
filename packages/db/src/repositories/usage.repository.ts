import type { PriorityArea } from '@kadr/contracts';
import { and, eq, gte, inArray, isNotNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';
import { bookingAttendees, bookings, equipment, labs } from '../schema/index.ts';

/** A set of assets: lab ids and equipment item ids. */
export interface AssetSet {
  labIds: number[];
  equipmentIds: number[];
}

/** Booked and used hours of one asset in a window. */
export interface AssetUsageRow {
  labId: number | null;
  equipmentId: number | null;
  bookedHours: number;
  usedHours: number;
  sessions: number;
}

/** Booked and used hours of one asset in one calendar month (`YYYY-MM`, university time). */
export interface AssetMonthUsageRow extends AssetUsageRow {
  month: string;
}

/** Training figures of one asset, a discipline or a year. */
export interface TrainingRow {
  sessions: number;
  hoursUsed: number;
  studentHours: number;
}

const b = bookings;
const ba = bookingAttendees;
const equipmentLab = alias(labs, 'equipment_lab');
const hours = sql`extract(epoch from (${b.actualEnd} - ${b.actualStart})) / 3600.0`;
const num = (expression: SQL) => sql<number>`coalesce(${expression}, 0)`.mapWith(Number);
const training = {
  sessions: num(sql`count(*)`),
  hoursUsed: num(sql`sum(${hours})`),
  studentHours: num(sql`sum(coalesce(${b.attendeesCount}, 0) * ${hours})`),
};
/** The calendar year of the actual start in the university's IANA time zone. */
const yearOfStart = (timeZone: string) =>
  sql<number>`extract(year from ${b.actualStart} at time zone ${timeZone})::int`.mapWith(Number);

function inSet(set: AssetSet): SQL {
  const parts: SQL[] = [];
  if (set.labIds.length > 0) parts.push(inArray(b.labId, set.labIds));
  if (set.equipmentIds.length > 0) parts.push(inArray(b.equipmentId, set.equipmentIds));
  return parts.length > 0 ? or(...parts)! : sql`false`;
}

/** Sessions with recorded use that started in [from, to), optionally on a set of assets. */
function usedIn(from: Date, to: Date, set?: AssetSet): SQL {
  return and(
    isNotNull(b.actualStart),
    eq(b.status, 'scheduled'),
    gte(b.actualStart, from),
    lt(b.actualStart, to),
    set ? inSet(set) : undefined,
  )!;
}

/** Aggregates of bookings and recorded use, for utilisation and impact reports. */
export const usageRepository = {
  /**
   * Per calendar month (in `timeZone`, the university's IANA zone) and asset, over [from, to): booked hours in
   * the month the booking starts, used hours and sessions in the month the recorded use starts, clipped to the
   * window so an asset's totals over the window are the sums of its months. One grouped query.
   */
  async byMonthAndAsset(
    db: Db,
    fromDate: Date,
    toDate: Date,
    timeZone: string,
  ): Promise<AssetMonthUsageRow[]> {
    const from = sql`${fromDate.toISOString()}::timestamptz`;
    const to = sql`${toDate.toISOString()}::timestamptz`;
    // Each booking gives two spans (booked, used); a span counts in the month its clipped start falls in.
    const spans = sql`${b} cross join lateral (values ('booked', ${b.startsAt}, ${b.endsAt}), ('used', ${b.actualStart}, ${b.actualEnd})) as span(kind, starts, ends)`;
    const clipped = sql`greatest(extract(epoch from (least(span.ends, ${to}) - greatest(span.starts, ${from}))) / 3600.0, 0)`;
    return db
      .select({
        month: sql<string>`to_char(greatest(span.starts, ${from}) at time zone ${timeZone}, 'YYYY-MM')`,
        labId: sql<number | null>`${b.labId}`,
        equipmentId: sql<number | null>`${b.equipmentId}`,
        bookedHours: num(sql`sum(${clipped}) filter (where span.kind = 'booked')`),
        usedHours: num(sql`sum(${clipped}) filter (where span.kind = 'used')`),
        sessions: num(sql`count(*) filter (where span.kind = 'used')`),
      })
      .from(spans)
      .where(and(eq(b.status, 'scheduled'), sql`span.starts < ${to} and span.ends > ${from}`))
      .groupBy(sql`1, 2, 3`)
      .orderBy(sql`1`);
  },

  /**
   * Recorded use per asset in [fromDate, toDate), each use clipped to the window: the used hours of byMonthAndAsset
   * summed over the months, without the month split or the booked hours (what the utilisation KPIs read).
   */
  async usedHoursByAsset(
    db: Db,
    fromDate: Date,
    toDate: Date,
  ): Promise<{ labId: number | null; equipmentId: number | null; usedHours: number }[]> {
    const from = sql`${fromDate.toISOString()}::timestamptz`;
    const to = sql`${toDate.toISOString()}::timestamptz`;
    return db
      .select({
        labId: b.labId,
        equipmentId: b.equipmentId,
        usedHours: num(
          sql`sum(greatest(extract(epoch from (least(${b.actualEnd}, ${to}) - greatest(${b.actualStart}, ${from}))) / 3600.0, 0))`,
        ),
      })
      .from(b)
      .where(and(eq(b.status, 'scheduled'), sql`${b.actualStart} < ${to} and ${b.actualEnd} > ${from}`))
      .groupBy(b.labId, b.equipmentId);
  },

  /** Per asset of the set: sessions, hours, student-hours and distinct known students. */
  async trainingByAsset(
    db: Db,
    set: AssetSet,
    from: Date,
    to: Date,
  ): Promise<
    (TrainingRow & { labId: number | null; equipmentId: number | null; distinctStudents: number })[]
  > {
    const rows = await db
      .select({ labId: b.labId, equipmentId: b.equipmentId, ...training })
      .from(b)
      .where(usedIn(from, to, set))
      .groupBy(b.labId, b.equipmentId);
    const students = await db
      .select({ labId: b.labId, equipmentId: b.equipmentId, n: num(sql`count(distinct ${ba.userId})`) })
      .from(b)
      .innerJoin(ba, eq(ba.bookingId, b.id))
      .where(usedIn(from, to, set))
      .groupBy(b.labId, b.equipmentId);
    return rows.map((r) => ({
      ...r,
      distinctStudents: students.find((s) => s.labId === r.labId && s.equipmentId === r.equipmentId)?.n ?? 0,
    }));
  },

  /** Per discipline (bookings without one are grouped under ''), on a set of assets. */
  async trainingByDiscipline(
    db: Db,
    set: AssetSet,
    from: Date,
    to: Date,
  ): Promise<(TrainingRow & { disciplineName: string; distinctStudents: number })[]> {
    const rows = await db
      .select({ disciplineName: b.disciplineName, ...training })
      .from(b)
      .where(usedIn(from, to, set))
      .groupBy(b.disciplineName);
    const students = await db
      .select({ disciplineName: b.disciplineName, n: num(sql`count(distinct ${ba.userId})`) })
      .from(b)
      .innerJoin(ba, eq(ba.bookingId, b.id))
      .where(usedIn(from, to, set))
      .groupBy(b.disciplineName);
    return rows.map((r) => ({
      ...r,
      distinctStudents: students.find((s) => s.disciplineName === r.disciplineName)?.n ?? 0,
    }));
  },

  /**
   * Per catalogue discipline (`bookings.discipline_id`) and asset of the set: sessions and student-hours. Sessions
   * without a catalogue discipline are left out. For the competencies section of the impact report.
   */
  async trainingByCatalogueDiscipline(
    db: Db,
    set: AssetSet,
    from: Date,
    to: Date,
  ): Promise<
    {
      disciplineId: number;
      labId: number | null;
      equipmentId: number | null;
      sessions: number;
      studentHours: number;
    }[]
  > {
    const rows = await db
      .select({
        disciplineId: b.disciplineId,
        labId: b.labId,
        equipmentId: b.equipmentId,
        sessions: training.sessions,
        studentHours: training.studentHours,
      })
      .from(b)
      .where(and(usedIn(from, to, set), isNotNull(b.disciplineId)))
      .groupBy(b.disciplineId, b.labId, b.equipmentId);
    return rows.map((r) => ({ ...r, disciplineId: r.disciplineId! }));
  },

  /** Per calendar year (in `timeZone`, the university's IANA zone), on a set of assets or on every asset. */
  async trainingByYear(
    db: Db,
    from: Date,
    to: Date,
    timeZone: string,
    set?: AssetSet,
  ): Promise<(TrainingRow & { year: number })[]> {
    return db
      .select({ year: yearOfStart(timeZone), ...training })
      .from(b)
      .where(usedIn(from, to, set))
      .groupBy(sql`1`)
      .orderBy(sql`1`);
  },

  /** Per priority area of the lab (an item's lab), on every asset. */
  async trainingByArea(db: Db, from: Date, to: Date): Promise<(TrainingRow & { area: PriorityArea })[]> {
    return db
      .select({
        area: sql<PriorityArea>`coalesce(${labs.priorityArea}, ${equipmentLab.priorityArea})`,
        ...training,
      })
      .from(b)
      .leftJoin(labs, eq(labs.id, b.labId))
      .leftJoin(equipment, eq(equipment.id, b.equipmentId))
      .leftJoin(equipmentLab, eq(equipmentLab.id, equipment.labId))
      .where(usedIn(from, to))
      .groupBy(sql`1`);
  },

  /** Distinct known students over sessions on a set of assets (or every asset). */
  async distinctStudents(db: Db, from: Date, to: Date, set?: AssetSet): Promise<number> {
    const [row] = await db
      .select({ n: num(sql`count(distinct ${ba.userId})`) })
      .from(b)
      .innerJoin(ba, eq(ba.bookingId, b.id))
      .where(usedIn(from, to, set));
    return row?.n ?? 0;
  },
};
