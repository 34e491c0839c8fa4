import { type BookingWithUsage, bulkRepository } from '@kadr/db';
import { addDays } from '@kadr/core';
import { type DemoContext, seededRandom } from './demo-context.ts';
import { DEMO_STUDENT_COUNT, demoStudent } from './demo-students.ts';
import type { SeededAssets } from './material-base-demo.ts';
import type { CohortLookup, LabCohort } from './students-demo.ts';

/** Class slots on the university's clock: start hour, 110 minutes each. */
const SLOTS = [9, 11, 14, 16];
const PRACTICE = 'Производственная практика';
const MINUTE = 60_000;

type Planned = BookingWithUsage & { attendees: number[] };

/** Seeds the generated students, sharing the demo users' password hash. */
export async function seedDemoStudents(d: DemoContext, passwordHash: string): Promise<number[]> {
  const inputs = Array.from({ length: DEMO_STUDENT_COUNT }, (_, n) => ({
    ...demoStudent(n),
    role: 'student' as const,
    organisationId: d.organisationIds.get('KDTU')!,
    passwordHash,
  }));
  const ids = await bulkRepository.insertUsers(d.tx, inputs);
  ids.forEach((id, index) => {
    const { passwordHash: _hash, ...user } = inputs[index]!;
    d.record('user', id, { id, ...user });
  });
  return ids;
}

/**
 * Fills in the recorded use of a past booking: actual times, attendee count (most of the cohort, no more
 * than the asset holds) and, sometimes, which of the cohort's students with an account came.
 */
function withUsage(
  b: Planned,
  random: () => number,
  cohort: Pick<LabCohort, 'size' | 'userIds'>,
  capacity: number,
  knownShare: number,
): Planned {
  const actualStart = new Date(b.startsAt.getTime() + Math.floor(random() * 10) * MINUTE);
  const actualEnd = new Date(b.endsAt.getTime() - Math.floor(random() * 15) * MINUTE);
  const count = b.studentUserId
    ? 1
    : Math.max(1, Math.min(capacity, Math.round(cohort.size * (0.65 + random() * 0.35))));
  let attendees: number[] = [];
  if (b.studentUserId) attendees = [b.studentUserId];
  else if (random() < knownShare) attendees = [...cohort.userIds].sort(() => random() - 0.5).slice(0, count);
  return { ...b, actualStart, actualEnd, attendeesCount: count, attendees };
}

const BASE = {
  note: '',
  bookedBy: null,
  actualStart: null,
  actualEnd: null,
  attendeesCount: null,
  attendees: [],
};

/** What the day planners share: the seeded random source, the students and a discipline's cohort on a day. */
interface Planner {
  random: () => number;
  students: number[];
  cohort(discipline: string, day: string): LabCohort;
  pick(): number;
  /** The instant of a wall-clock hour on a day in the university's zone. */
  at(day: string, hour: number): Date;
}

function plannerOf(students: number[], at: Planner['at'], cohorts: CohortLookup): Planner {
  const random = seededRandom(20_150_901);
  return {
    random,
    students,
    cohort(name, day) {
      const known = cohorts(name, day);
      if (known) return known;
      const start = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % students.length, 7);
      const userIds = Array.from(
        { length: 18 + (start % 9) },
        (_, i) => students[(start + i * 3) % students.length]!,
      );
      return { disciplineId: 0, size: userIds.length, userIds };
    },
    pick: () => students[Math.floor(random() * students.length)]!,
    at,
  };
}

/** Classes of one day in the labs: each timetable slot is taken with the lab's load. */
function labSessions(p: Planner, day: string, past: boolean, labs: SeededAssets['labs']): Planned[] {
  const out: Planned[] = [];
  for (const { id, lab } of labs) {
    for (const hour of SLOTS) {
      if (p.random() >= lab.load) continue;
      const disciplineName = lab.disciplines[Math.floor(p.random() * lab.disciplines.length)]!;
      const cohort = p.cohort(disciplineName, day);
      const startsAt = p.at(day, hour);
      const b: Planned = {
        ...BASE,
        labId: id,
        equipmentId: null,
        purpose: 'discipline_session',
        disciplineName,
        disciplineId: cohort.disciplineId || null,
        studentUserId: null,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 110 * MINUTE),
      };
      out.push(past && p.random() < 0.9 ? withUsage(b, p.random, cohort, lab.capacity, 0.4) : b);
    }
  }
  return out;
}

/** Equipment bookings of one day: summer practice (June, July) or a student's individual training. */
function itemBookings(
  p: Planner,
  day: string,
  past: boolean,
  practice: boolean,
  items: SeededAssets['items'],
): Planned[] {
  const out: Planned[] = [];
  for (const item of items) {
    if (p.random() >= (practice ? 0.04 : 0.012)) continue;
    const student = p.pick();
    const common = { ...BASE, labId: null, equipmentId: item.id };
    const b: Planned = practice
      ? {
          ...common,
          purpose: 'practice',
          disciplineName: PRACTICE,
          studentUserId: null,
          startsAt: p.at(day, 10),
          endsAt: p.at(day, 16),
        }
      : {
          ...common,
          purpose: 'individual_training',
          disciplineName: '',
          studentUserId: student,
          startsAt: p.at(day, 17),
          endsAt: p.at(day, 19),
        };
    const pool = [...new Set(practice ? Array.from({ length: 5 }, () => p.pick()) : [])];
    const cohort = { size: pool.length, userIds: pool };
    out.push(past && p.random() < 0.9 ? withUsage(b, p.random, cohort, 6, 0.8) : b);
  }
  return out;
}

/**
 * Plans the bookings of two years up to today and two weeks ahead: classes in the labs (none in July
 * and August), individual training and summer practice on equipment; past ones mostly with recorded use,
 * a few cancelled.
 */
function planBookings(
  d: DemoContext,
  assets: SeededAssets,
  students: number[],
  cohorts: CohortLookup,
): Planned[] {
  const p = plannerOf(students, d.at, cohorts);
  const planned: Planned[] = [];
  for (let day = addDays(d.today, -730); day <= addDays(d.today, 13); day = addDays(day, 1)) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const month = Number(day.slice(5, 7));
    const past = day < d.today;
    planned.push(...labSessions(p, day, past, month === 7 || month === 8 ? [] : assets.labs));
    planned.push(...itemBookings(p, day, past, month === 6 || month === 7, assets.items));
  }
  return planned.map((b) =>
    b.startsAt < d.now && !b.actualStart && p.random() < 0.4 ? { ...b, status: 'cancelled' } : b,
  );
}

/**
 * Seeds two years of bookings with recorded use and known attendees, in batches. A class names the catalogue
 * discipline its cohort sits (`cohorts`), and its recorded attendees are students of that cohort.
 */
export async function seedDemoBookings(
  d: DemoContext,
  assets: SeededAssets,
  students: number[],
  cohorts: CohortLookup,
): Promise<number> {
  const planned = planBookings(d, assets, students, cohorts);
  const ids = await bulkRepository.insertBookings(
    d.tx,
    planned.map(({ attendees: _a, ...b }) => b),
  );
  await bulkRepository.insertAttendees(
    d.tx,
    planned.flatMap((b, index) => b.attendees.map((userId) => ({ bookingId: ids[index]!, userId }))),
  );
  for (const [index, b] of planned.entries())
    d.record('booking', ids[index]!, { id: ids[index], ...b, attendeeIds: b.attendees });
  return planned.length;
}
