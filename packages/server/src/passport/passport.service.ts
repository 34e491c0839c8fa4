import type { Passport } from '@kadr/contracts';
import { type Db, passportRepository, studentsRepository } from '@kadr/db';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { EVIDENCE_SOURCES, type EvidenceSource } from './evidence-sources.ts';
import { requireStudentScope } from '../students/student-access.ts';
import { computePassports } from './passport-compute.ts';
import { presentPassport } from './presenters.ts';

/** Computes a student's passport now, from their passport enrolment (the current one, else the latest). */
export async function passportOfStudent(
  ctx: ServiceContext,
  studentId: number,
  sources: readonly EvidenceSource[] = EVIDENCE_SOURCES,
): Promise<Passport> {
  // Staff, the student themself, or a partner with a current consent listing `passport` (DOMAIN §8); else 404.
  await requireStudentScope(ctx, studentId, 'passport');
  const enrolment = await passportRepository.findPassportEnrolment(ctx.db, studentId);
  if (!enrolment)
    throw new AppError('NOT_FOUND', { message: `Student ${studentId} has no enrolment, so no passport` });
  const version = (await passportRepository.findVersion(ctx.db, enrolment.versionId))!;
  const catalogue = await passportRepository.versionCatalogue(ctx.db, enrolment.versionId);
  const [computed] = await computePassports(ctx.db, catalogue, [enrolment], sources, ctx.timeZone);
  return presentPassport(computed!, version, catalogue, ctx.now());
}

/** The signed-in student's own passport; NOT_FOUND when the account has no student record. */
export async function myPassport(ctx: ServiceContext): Promise<Passport> {
  const student = await studentsRepository.findByUserId(ctx.db, ctx.actor.userId);
  if (!student) throw new AppError('NOT_FOUND', { message: 'Your account has no student record' });
  return passportOfStudent(ctx, student.id);
}

/** How many passports a recompute wrote. */
export interface RecomputeOutcome {
  versionId: number;
  students: number;
}

/** Students per batch of reads: bounds the memory a recompute of a large programme holds at once. */
const RECOMPUTE_BATCH = 2000;

/**
 * Recomputes and stores the passport summary (competency_passports) of every student whose passport enrolment is
 * in the version, in the caller's transaction `tx`, with one audit record; nothing (no audit) when no student's
 * passport enrolment is in the version. Reads in batches of RECOMPUTE_BATCH students.
 */
export async function recomputePassportsIn(
  tx: Db,
  ctx: ServiceContext,
  versionId: number,
  sources: readonly EvidenceSource[] = EVIDENCE_SOURCES,
): Promise<RecomputeOutcome> {
  const enrolments = await passportRepository.passportEnrolmentsOfVersion(tx, versionId);
  if (enrolments.length === 0) return { versionId, students: 0 };
  const catalogue = await passportRepository.versionCatalogue(tx, versionId);
  const at = ctx.now();
  for (let start = 0; start < enrolments.length; start += RECOMPUTE_BATCH) {
    const batch = enrolments.slice(start, start + RECOMPUTE_BATCH);
    const computed = await computePassports(tx, catalogue, batch, sources, ctx.timeZone);
    await passportRepository.saveSummaries(
      tx,
      computed.map(({ enrolment, passport }) => ({
        studentId: enrolment.studentId,
        enrolmentId: enrolment.enrolmentId,
        levels: passport.levels,
        evidenceCount: passport.summary.evidenceCount,
      })),
      at,
    );
  }
  const outcome = { versionId, students: enrolments.length };
  await recordChange(tx, ctx, {
    action: 'update',
    entity: 'competency_passports',
    entityId: `version:${versionId}`,
    before: null,
    after: { ...outcome, computedAt: at },
  });
  return outcome;
}

/**
 * Recomputes and stores the passport summaries of the version's students (the CLI's `passports recompute`): one
 * transaction, one audit record. Changing a version's outcomes does it in its own transaction
 * (`putOutcomes` calls {@link recomputePassportsIn}).
 */
export async function recomputeVersionPassports(
  ctx: ServiceContext,
  versionId: number,
  sources: readonly EvidenceSource[] = EVIDENCE_SOURCES,
): Promise<RecomputeOutcome> {
  return inTransaction(ctx, async (tx) => {
    if (!(await passportRepository.findVersion(tx, versionId)))
      throw notFound('programme version', versionId);
    return recomputePassportsIn(tx, ctx, versionId, sources);
  });
}

/** Recomputes the stored passports of every version that has enrolments, a transaction per version. */
export async function recomputeAllPassports(ctx: ServiceContext): Promise<RecomputeOutcome[]> {
  const outcomes: RecomputeOutcome[] = [];
  for (const versionId of await passportRepository.versionIdsWithEnrolments(ctx.db))
    outcomes.push(await recomputeVersionPassports(ctx, versionId));
  return outcomes;
}

/**
 * Recomputes and stores one student's passport summary in the caller's transaction (new practice evidence, for
 * one): nothing when the student has no enrolment. True when a summary was written.
 */
export async function recomputeStudentPassport(
  tx: Db,
  studentId: number,
  at: Date,
  timeZone: string,
  sources: readonly EvidenceSource[] = EVIDENCE_SOURCES,
): Promise<boolean> {
  const enrolment = await passportRepository.findPassportEnrolment(tx, studentId);
  if (!enrolment) return false;
  const catalogue = await passportRepository.versionCatalogue(tx, enrolment.versionId);
  const [computed] = await computePassports(tx, catalogue, [enrolment], sources, timeZone);
  await passportRepository.saveSummaries(
    tx,
    [
      {
        studentId,
        enrolmentId: enrolment.enrolmentId,
        levels: computed!.passport.levels,
        evidenceCount: computed!.passport.summary.evidenceCount,
      },
    ],
    at,
  );
  return true;
}
