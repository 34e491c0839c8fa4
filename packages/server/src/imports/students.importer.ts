import { createEnrolmentBodySchema, createStudentBodySchema } from '@kadr/contracts';
import { type Db, enrolmentsRepository, studentsRepository } from '@kadr/db';
import { auditedStudent } from '../students/presenters.ts';
import { asText, date, wholeNumber } from './columns.ts';
import {
  cellIssue,
  checkRow,
  duplicateIssues,
  type Importer,
  type RowIssue,
  type ValidRow,
} from './importer.ts';

/** A student row: the student and the programme version they are enrolled in (by code and number). */
export interface StudentRow {
  iin: string;
  fullName: string;
  email: string;
  phone: string;
  programme: string;
  version: number;
  admissionYear: number;
  enrolledOn: string;
}

const studentBody = createStudentBodySchema.omit({ userId: true });
const enrolmentBody = createEnrolmentBodySchema.omit({ versionId: true, status: true });

/** The versions the rows name, by `CODE#number` (codes upper-cased). */
async function versionsOf(db: Db, rows: { programme: string }[]) {
  return enrolmentsRepository.versionsByCode(db, [...new Set(rows.map((r) => r.programme))]);
}

const versionKey = (row: StudentRow) => `${row.programme}#${row.version}`;

/**
 * Students with their enrolment: one row per student, the IIN unique in the file and new to Kadr (an import never
 * changes a recorded student), the programme version existing and not a draft.
 */
export const studentsImporter: Importer<StudentRow> = {
  kind: 'students',
  entity: 'student',
  columns: [
    {
      name: 'iin',
      required: true,
      format: '12 digits with a valid control digit',
      example: '061211600012',
      parse: asText,
    },
    {
      name: 'full_name',
      required: true,
      format: 'Full name, up to 200 characters',
      example: 'Айгерім Сейітқызы Нұрланова',
      parse: asText,
    },
    {
      name: 'email',
      required: false,
      format: 'E-mail address',
      example: 'aigerim@example.kz',
      parse: asText,
    },
    {
      name: 'phone',
      required: false,
      format: 'Digits, spaces, +, -, ( and ), at most 30',
      example: '+7 701 123 4567',
      parse: asText,
    },
    {
      name: 'programme',
      required: true,
      format: 'Programme code as in the catalogue',
      example: '6B07101',
      parse: (t) => ({ ok: true, value: t.toUpperCase() }),
    },
    {
      name: 'version',
      required: true,
      format: 'Version number of the programme (1, 2, …)',
      example: '1',
      parse: wholeNumber(1, 999),
    },
    {
      name: 'admission_year',
      required: true,
      format: 'Academic year of admission (2024 for 2024/25)',
      example: '2024',
      parse: wholeNumber(1990, 2200),
    },
    {
      name: 'enrolled_on',
      required: false,
      format: 'YYYY-MM-DD or DD.MM.YYYY; default 1 September of the admission year',
      example: '2024-09-01',
      parse: date,
    },
  ],
  build(v) {
    const year = v.admission_year as number | undefined;
    const student = checkRow(
      studentBody,
      { iin: v.iin, fullName: v.full_name, email: v.email ?? '', phone: v.phone ?? '' },
      { iin: 'iin', fullName: 'full_name', email: 'email', phone: 'phone' },
    );
    const enrolment = checkRow(
      enrolmentBody,
      { admissionYear: year, enrolledOn: v.enrolled_on ?? (year ? `${year}-09-01` : undefined) },
      { admissionYear: 'admission_year', enrolledOn: 'enrolled_on' },
    );
    // A year that did not read is reported by its column; the default enrolment day then has nothing to follow.
    const issues = [...student.issues, ...(year === undefined ? [] : enrolment.issues)];
    if (!student.value || !enrolment.value) return { issues };
    return {
      issues,
      value: {
        ...student.value,
        programme: v.programme as string,
        version: v.version as number,
        ...enrolment.value,
      },
    };
  },
  async check(db, rows: ValidRow<StudentRow>[]) {
    const issues: RowIssue[] = duplicateIssues(rows, (r) => r.iin, 'iin');
    const recorded = await studentsRepository.idsByIin(
      db,
      rows.map((r) => r.value.iin),
    );
    const versions = await versionsOf(
      db,
      rows.map((r) => r.value),
    );
    for (const { row, value } of rows) {
      if (recorded.has(value.iin))
        issues.push({ row, ...cellIssue('iin', 'unique', 'A student with this IIN is already recorded') });
      const version = versions.get(versionKey(value));
      if (!version)
        issues.push({
          row,
          ...cellIssue('version', 'exists', `No version ${value.version} of programme ${value.programme}`),
        });
      else if (version.status === 'draft')
        issues.push({ row, ...cellIssue('version', 'versionActive', 'A draft version takes no students') });
    }
    return issues;
  },
  async write(tx, rows, at) {
    const versions = await versionsOf(tx, rows);
    const ids = await studentsRepository.insertMany(
      tx,
      rows.map((r) => ({ iin: r.iin, fullName: r.fullName, email: r.email, phone: r.phone, userId: null })),
      at,
    );
    const enrolments = rows.map((r, i) => ({
      studentId: ids[i]!,
      versionId: versions.get(versionKey(r))!.id,
      admissionYear: r.admissionYear,
      status: 'active' as const,
      enrolledOn: r.enrolledOn,
      endedOn: null,
    }));
    const enrolmentIds = await enrolmentsRepository.insertMany(tx, enrolments, at);
    return [
      ...rows.map((r, i) => ({
        id: ids[i]!,
        after: auditedStudent({
          id: ids[i]!,
          iin: r.iin,
          fullName: r.fullName,
          email: r.email,
          phone: r.phone,
          userId: null,
        }),
      })),
      ...enrolments.map((e, i) => ({
        id: enrolmentIds[i]!,
        after: { id: enrolmentIds[i]!, ...e },
        entity: 'enrolment' as const,
      })),
    ];
  },
};
