import type { AuditEntity } from '@kadr/contracts';
import { type AuditInput, bulkRepository, type Db } from '@kadr/db';
import { addDays, calendarDateOf, zonedInstant } from '@kadr/core';

/** What the capability 1 and 3 demo seeders share: the transaction, the day, the ids and the audit batch. */
export interface DemoContext {
  tx: Db;
  now: Date;
  /** The university's IANA time zone, in which `today` and class hours are reckoned. */
  timeZone: string;
  today: string;
  organisationIds: Map<string, number>;
  /** Queues the audit record of a created entity (written in batches by `flushAudit`). */
  record(entity: AuditEntity, id: number, after: unknown): void;
  /** Resolves a demo date: `YYYY-MM-DD`, or `+N` / `-N` days from today. */
  date(value: string): string;
  /** The instant of a wall-clock hour on a day in the university's zone. */
  at(day: string, hour: number): Date;
  /** Writes the queued audit records. */
  flushAudit(): Promise<void>;
}

/** A demo context in a transaction, auditing as `system:seed`. */
export function demoContext(
  tx: Db,
  now: Date,
  timeZone: string,
  organisationIds: Map<string, number>,
): DemoContext {
  const today = calendarDateOf(now, timeZone);
  const pending: AuditInput[] = [];
  const instants = new Map<string, number>();
  return {
    tx,
    now,
    timeZone,
    today,
    organisationIds,
    record(entity, id, after) {
      pending.push({
        actorId: null,
        actorEmail: 'system:seed',
        action: 'create',
        entity,
        entityId: String(id),
        before: null,
        after: JSON.parse(JSON.stringify(after)),
        requestId: null,
        at: now,
      });
    },
    date(value) {
      return /^[+-]\d+$/.test(value) ? addDays(today, Number(value)) : value;
    },
    at(day, hour) {
      // Tens of thousands of sessions share a few hundred day-hours; each zone lookup costs microseconds.
      const key = `${day}T${hour}`;
      let instant = instants.get(key);
      if (instant === undefined) {
        instant = zonedInstant(day, timeZone, `${String(hour).padStart(2, '0')}:00`).getTime();
        instants.set(key, instant);
      }
      return new Date(instant);
    },
    async flushAudit() {
      await bulkRepository.recordAudit(tx, pending.splice(0));
    },
  };
}

/** A small deterministic PRNG (mulberry32), so the demo is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
