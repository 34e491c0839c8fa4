import type { AuditEntity } from '@kadr/contracts';
import type { ConsentScope, EnrolmentStatus } from '@kadr/contracts';
import { addDays, gradeOfPoints } from '@kadr/core';
import { enrolmentsRepository, resultsRepository, schema, studentsRepository } from '@kadr/db';
import { auditedStudent } from '../students/presenters.ts';
import { type DemoContext, seededRandom } from './demo-context.ts';
import { demoStudent } from './demo-students.ts';
import { academicYearOf, type SeededVersion } from './programmes-demo.ts';
import { CONSENT_PURPOSE, demoConsentPlans, demoIin, gradedOn } from './students-demo-data.ts';

/** A student user account the demo already has (the generated ones and student@demo.kadr.kz). */
export interface StudentAccount {
  userId: number;
  fullName: string;
  email: string;
  female: boolean;
}

/** The students who sit a discipline's sessions in one academic year: its id, their number, who has an account. */
export interface LabCohort {
  disciplineId: number;
  size: number;
  userIds: number[];
}

/** What the bookings seeder asks: the cohort of a discipline (by its Russian name) on a day. */
export type CohortLookup = (disciplineName: string, day: string) => LabCohort | undefined;

interface Cohort {
  version: SeededVersion;
  admissionYear: number;
  size: number;
  accounts: StudentAccount[];
}

interface PlannedStudent {
  account: StudentAccount | null;
  name: { fullName: string; female: boolean };
  cohort: Cohort;
  status: EnrolmentStatus;
}

/** The version a student admitted in `year` enrols in: the one taught from that year. */
function versionFor(versions: SeededVersion[], code: string, year: number): SeededVersion | undefined {
  return versions.find(
    (v) =>
      v.programme.code === code &&
      v.status !== 'draft' &&
      v.startYear <= year &&
      (v.endYear === null || year < v.endYear),
  );
}

/**
 * The cohorts: four current years of each bachelor programme (24-34 students), two of each master programme
 * (10-14), and a few graduates of the last year of each; the generated student accounts spread over the current
 * cohorts, round robin.
 */
function planCohorts(versions: SeededVersion[], academicYear: number, accounts: StudentAccount[]): Cohort[] {
  const programmes = [...new Map(versions.map((v) => [v.programme.code, v.programme])).values()];
  const current: Cohort[] = [];
  const graduated: Cohort[] = [];
  for (const [p, programme] of programmes.entries()) {
    const years = programme.durationSemesters / 2;
    for (let k = 0; k <= years; k++) {
      const version = versionFor(versions, programme.code, academicYear - k);
      if (!version) continue;
      const bachelor = programme.level === 'bachelor';
      const size =
        k === years ? (bachelor ? 10 : 6) : bachelor ? 24 + ((p * 7 + k * 5) % 11) : 10 + ((p + k * 3) % 5);
      const cohort = { version, admissionYear: academicYear - k, size, accounts: [] };
      (k < years ? current : graduated).push(cohort);
    }
  }
  for (const [n, account] of accounts.entries()) current[n % current.length]!.accounts.push(account);
  return [...current, ...graduated];
}

function planStudents(cohorts: Cohort[]): PlannedStudent[] {
  let generated = 0;
  return cohorts.flatMap((cohort) => {
    const extra = Math.max(0, cohort.size - cohort.accounts.length);
    return [
      ...cohort.accounts.map((account) => ({
        account,
        name: account,
        cohort,
        status: 'active' as EnrolmentStatus,
      })),
      ...Array.from({ length: extra }, (_, i) => {
        const n = 200 + generated++;
        const { fullName } = demoStudent(n);
        const status: EnrolmentStatus = i % 37 === 5 ? 'withdrawn' : i % 53 === 7 ? 'on-leave' : 'active';
        return { account: null, name: { fullName, female: n % 2 === 1 }, cohort, status };
      }),
    ];
  });
}

/** The semesters graded by today; a withdrawn student left after the second. */
function gradedSemesters(s: PlannedStudent, today: string): number[] {
  const duration = s.cohort.version.programme.durationSemesters;
  const semesters = Array.from({ length: duration }, (_, i) => i + 1).filter(
    (semester) => gradedOn(s.cohort.admissionYear, semester) < today,
  );
  return s.status === 'withdrawn' ? semesters.slice(0, 2) : semesters;
}

function enrolmentOf(s: PlannedStudent, studentId: number, today: string) {
  const graded = gradedSemesters(s, today);
  const duration = s.cohort.version.programme.durationSemesters;
  const status: EnrolmentStatus = graded.length === duration ? 'graduated' : s.status;
  let endedOn: string | null = null;
  if (status === 'graduated') endedOn = `${s.cohort.admissionYear + duration / 2}-06-30`;
  if (status === 'withdrawn') {
    const left = addDays(gradedOn(s.cohort.admissionYear, Math.max(1, graded.length)), 10);
    endedOn = left < today ? left : today;
  }
  return {
    studentId,
    versionId: s.cohort.version.id,
    admissionYear: s.cohort.admissionYear,
    status,
    enrolledOn: `${s.cohort.admissionYear}-08-25`,
    endedOn,
  };
}

/**
 * Results of every graded semester: points around the student's ability (so passports differ), general
 * education a little easier; a failed first sitting (F) is re-sat three weeks later when that is past.
 */
function resultsOf(s: PlannedStudent, studentId: number, today: string, random: () => number) {
  const ability = 56 + random() * 40;
  const graded = new Set(gradedSemesters(s, today));
  return s.cohort.version.disciplines
    .filter((x) => graded.has(x.semester))
    .flatMap((x) => {
      const on = gradedOn(s.cohort.admissionYear, x.semester);
      const points = Math.max(20, Math.min(100, Math.round(ability + (random() - 0.5) * 26)));
      const first = { studentId, disciplineId: x.id, attempt: 1, points, gradedOn: on };
      const resit = addDays(on, 21);
      if (points >= 50 || resit >= today) return [first];
      return [first, { ...first, attempt: 2, points: 50 + Math.floor(random() * 22), gradedOn: resit }];
    })
    .map((r) => {
      const band = gradeOfPoints(r.points);
      return { ...r, letter: band.letter, gradePoint: band.gradePoint };
    });
}

/** Consents to the programme's partners (the demo student@ consents to ERG and KAZ Minerals). */
function consentsOf(
  d: DemoContext,
  s: PlannedStudent,
  studentId: number,
  enrolment: ReturnType<typeof enrolmentOf>,
  random: () => number,
  isDemoStudent: boolean,
) {
  if (enrolment.status === 'withdrawn') return [];
  const yesterday = addDays(d.today, -1);
  const plans = demoConsentPlans[s.cohort.version.programme.code] ?? [];
  return plans
    .filter(({ share }) => random() < share || isDemoStudent)
    .map(({ partner, scopes }) => {
      const given = addDays(enrolment.enrolledOn, 40 + Math.floor(random() * 400));
      return {
        studentId,
        organisationId: d.organisationIds.get(partner)!,
        scopes: scopes as ConsentScope[],
        purpose: CONSENT_PURPOSE,
        givenOn: [given, yesterday].sort()[0]!,
        validUntil:
          enrolment.endedOn ??
          `${s.cohort.admissionYear + s.cohort.version.programme.durationSemesters / 2}-06-30`,
      };
    });
}

function recordAll(d: DemoContext, entity: AuditEntity, ids: number[], rows: object[]): void {
  for (const [i, row] of rows.entries()) d.record(entity, ids[i]!, { id: ids[i], ...row });
}

/** Writes the planned students with their enrolments, results and consents; returns each student's id. */
async function insertStudents(d: DemoContext, planned: PlannedStudent[]): Promise<number[]> {
  const stamps = { createdAt: d.now, updatedAt: d.now };
  const tx = d.tx;
  const random = seededRandom(20_260_911);
  const rows = planned.map((s, i) => {
    const birth = `${s.cohort.admissionYear - (s.cohort.version.programme.level === 'bachelor' ? 18 : 22)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;
    return {
      iin: demoIin(birth, s.name.female, 1000 + i * 7),
      fullName: s.name.fullName,
      email: s.account?.email ?? `st${String(i + 1).padStart(4, '0')}@mail.demo.kz`,
      phone: `+7 70${i % 8} ${String(100 + ((i * 37) % 900))} ${String(10 + ((i * 11) % 90))} ${String(10 + ((i * 53) % 90))}`,
      userId: s.account?.userId ?? null,
    };
  });
  const ids = await studentsRepository.insertMany(tx, rows, d.now);
  recordAll(d, 'student', ids, rows.map(auditedStudent));

  const enrolments = planned.map((s, i) => enrolmentOf(s, ids[i]!, d.today));
  const enrolmentIds = await enrolmentsRepository.insertMany(tx, enrolments, d.now);
  recordAll(d, 'enrolment', enrolmentIds, enrolments);

  const results = planned.flatMap((s, i) => resultsOf(s, ids[i]!, d.today, random));
  const resultIds = await resultsRepository.insertMany(tx, results, d.now);
  recordAll(d, 'result', resultIds, results);

  const consents = planned.flatMap((s, i) =>
    consentsOf(d, s, ids[i]!, enrolments[i]!, random, s.account?.email === 'student@demo.kadr.kz'),
  );
  // Every 17th consent was revoked a month after it was given (when that is past).
  const withRevocations = consents.map((c, i) => {
    const revoked = addDays(c.givenOn, 30);
    return {
      ...c,
      revokedAt: i % 17 === 16 && revoked < d.today ? new Date(`${revoked}T05:00:00Z`) : null,
      ...stamps,
    };
  });
  // The purpose in its three columns; the audit keeps it as the service does, one text in three languages.
  const consentRows = withRevocations.map(({ purpose, ...c }) => ({
    ...c,
    purposeKk: purpose.kk,
    purposeRu: purpose.ru,
    purposeEn: purpose.en,
  }));
  const consentIds = (await tx.insert(schema.consents).values(consentRows).returning()).map((r) => r.id);
  recordAll(d, 'consent', consentIds, withRevocations);
  return ids;
}

/** Who sits a lab discipline's sessions: per discipline name and admission year, from the planned students. */
function cohortLookup(versions: SeededVersion[], planned: PlannedStudent[]): CohortLookup {
  const byKey = new Map<string, LabCohort>();
  const fallback = new Map<string, { disciplineId: number; semester: number }>();
  for (const v of versions.filter((x) => x.status === 'active'))
    for (const x of v.disciplines) {
      if (!fallback.has(x.nameRu)) fallback.set(x.nameRu, { disciplineId: x.id, semester: x.semester });
    }
  for (const s of planned) {
    const { version, admissionYear } = s.cohort;
    if (version.programme.level !== 'bachelor') continue;
    for (const x of version.disciplines) {
      const key = `${x.nameRu}|${admissionYear}`;
      const cohort = byKey.get(key) ?? { disciplineId: x.id, size: 0, userIds: [] };
      cohort.size++;
      if (s.account && s.status === 'active') cohort.userIds.push(s.account.userId);
      byKey.set(key, cohort);
    }
  }
  return (name, day) => {
    const known = fallback.get(name);
    if (!known) return undefined;
    // A discipline of semester s is sat in the academic year (s - 1) / 2 after admission.
    const admissionYear = academicYearOf(day) - Math.floor((known.semester - 1) / 2);
    return (
      byKey.get(`${name}|${admissionYear}`) ?? { disciplineId: known.disciplineId, size: 24, userIds: [] }
    );
  };
}

/**
 * Seeds several hundred students: the demo's student accounts and more without one, in every current year of
 * each programme and one graduated year, with enrolments in the version of their admission year, results of
 * every graded semester on the national scale, and consents for some partners. Returns who sits which lab
 * discipline when, for the bookings.
 */
export async function seedStudentsDemo(
  d: DemoContext,
  versions: SeededVersion[],
  accounts: StudentAccount[],
  demoStudentAccount: StudentAccount,
): Promise<CohortLookup> {
  const academicYear = academicYearOf(d.today);
  const cohorts = planCohorts(versions, academicYear, accounts);
  // student@demo.kadr.kz: third year of electric power engineering (version 2), consenting to ERG and KAZ Minerals.
  const electric = cohorts.find(
    (c) => c.version.programme.code === '6B07101' && c.admissionYear === academicYear - 2,
  )!;
  electric.accounts.unshift(demoStudentAccount);
  electric.size++;
  const planned = planStudents(cohorts);
  await insertStudents(d, planned);
  return cohortLookup(versions, planned);
}
