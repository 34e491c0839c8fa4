import type { GradeLetter, JournalStatus, Locale, PlacementStatus, SignoffParty } from '@kadr/contracts';
import { aliasedTable, and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  competencies,
  enrolments,
  journalEntries,
  mentorLinks,
  organisations,
  placementEvents,
  placementSignoffs,
  placements,
  practiceAssessments,
  practiceOfferCompetencies,
  practiceOffers,
  students,
  users,
} from '../schema/index.ts';
import { equalTo, type ListParams, listPage, type RecordPage, search } from './list.ts';
import { type OfferTerms, offerTermsOf } from './placement-offers.repository.ts';

type Names = { kk: string; ru: string; en: string };

/** The offer of a placement, with its company: every term the agreement prints. */
export interface PlacementOfferFacts extends OfferTerms {
  id: number;
  organisationId: number;
  organisationName: Names;
}

/** A placement with its offer, student, supervisor and mentor. */
export interface PlacementRecord {
  id: number;
  roundId: number | null;
  status: PlacementStatus;
  choiceRank: number | null;
  respondBy: Date | null;
  offer: PlacementOfferFacts;
  student: { id: number; fullName: string; userId: number | null; email: string };
  supervisor: { id: number; fullName: string; email: string } | null;
  mentor: { name: string; email: string; userId: number | null };
  locale: Locale;
  finalPoints: number | null;
  finalLetter: GradeLetter | null;
  finalGradePoint: number | null;
  hiredOn: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The fields of a placement that staff set. */
export interface PlacementPeopleInput {
  supervisorUserId?: number | null;
  mentorName?: string;
  mentorEmail?: string;
  mentorUserId?: number | null;
  locale?: Locale;
}

/** Who may see which placements: none set means every placement (staff). */
export interface PlacementScope {
  studentId?: number;
  organisationId?: number;
  mentorUserId?: number;
}

/** Filters of the placement list. */
export interface PlacementListParams extends ListParams {
  q?: string | undefined;
  status?: PlacementStatus | undefined;
  offerId?: number | undefined;
  roundId?: number | undefined;
  studentId?: number | undefined;
}

/** A transition as stored. */
export interface PlacementEventRecord {
  id: number;
  placementId: number;
  fromStatus: PlacementStatus | null;
  toStatus: PlacementStatus;
  actorUserId: number | null;
  actorName: string;
  note: string;
  at: Date;
}

/** A sign-off with the signer's name. */
export interface SignoffRecord {
  placementId: number;
  party: SignoffParty;
  userId: number | null;
  signedBy: string;
  documentSha256: string;
  signedAt: Date;
}

/** A journal entry as stored (hours as a number). */
export interface JournalEntryRecord {
  id: number;
  placementId: number;
  entryDate: string;
  hours: number;
  body: string;
  status: JournalStatus;
  reviewComment: string;
  reviewedBy: string;
  reviewedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A competency the offer requires, with its assessment on the placement if any. */
export interface PlacementCompetencyRecord {
  id: number;
  code: string;
  name: Names;
  expectedLevel: number;
  assessment: {
    id: number;
    level: number;
    comment: string;
    assessorName: string;
    assessedOn: string;
  } | null;
}

/** An assessment to record. */
export interface AssessmentInput {
  placementId: number;
  competencyId: number;
  level: number;
  comment: string;
  assessorName: string;
  assessorUserId: number | null;
  mentorLinkId: number | null;
  assessedOn: string;
}

/** A mentor's link as stored. */
export interface MentorLinkRecord {
  id: number;
  placementId: number;
  tokenHash: string;
  expiresAt: Date;
  usedAt: Date | null;
  createdBy: number | null;
  createdAt: Date;
}

/** A practice assessment as passport evidence: the student, the competency and the offer it was made at. */
export interface PracticeEvidenceRow {
  studentId: number;
  placementId: number;
  /** The enrolment the placement belongs to; null for a placement made before it was recorded. */
  enrolmentId: number | null;
  /** The instant the placement was completed (its `completed` event), else null. */
  completedAt: Date | null;
  /** The company mentor named on the placement ('' when none). */
  mentorName: string;
  assessmentId: number;
  competencyId: number;
  level: number;
  assessedOn: string;
  assessorName: string;
  locale: Locale;
  offerTitle: Names;
  organisationShortName: string;
}

const p = placements;
const o = practiceOffers;

/** SQL: the id of the student's current enrolment (active or on leave: at most one), null when none. */
export function currentEnrolmentOf(studentId: number | SQL): SQL {
  return sql`select e.id from ${enrolments} e where e.student_id = ${studentId} and e.status in ('active', 'on-leave')`;
}
const supervisors = aliasedTable(users, 'supervisors');

const num = (v: string | null) => (v === null ? null : Number(v));

function selectPlacements(db: Db) {
  return db
    .select({
      placement: p,
      offer: o,
      org: {
        nameKk: organisations.nameKk,
        nameRu: organisations.nameRu,
        nameEn: organisations.nameEn,
      },
      student: {
        id: students.id,
        fullName: students.fullName,
        userId: students.userId,
        email: students.email,
      },
      supervisor: { id: supervisors.id, fullName: supervisors.fullName, email: supervisors.email },
    })
    .from(p)
    .innerJoin(o, eq(o.id, p.offerId))
    .innerJoin(organisations, eq(organisations.id, o.organisationId))
    .innerJoin(students, eq(students.id, p.studentId))
    .leftJoin(supervisors, eq(supervisors.id, p.supervisorUserId));
}

type Row = Awaited<ReturnType<typeof selectPlacements>>[number];

function toRecord(row: Row): PlacementRecord {
  const { placement: pl, offer: of, org } = row;
  return {
    id: pl.id,
    roundId: pl.roundId,
    status: pl.status,
    choiceRank: pl.choiceRank,
    respondBy: pl.respondBy,
    offer: {
      id: of.id,
      organisationId: of.organisationId,
      organisationName: { kk: org.nameKk, ru: org.nameRu, en: org.nameEn },
      ...offerTermsOf(of),
    },
    student: row.student,
    supervisor: row.supervisor?.id ? row.supervisor : null,
    mentor: { name: pl.mentorName, email: pl.mentorEmail, userId: pl.mentorUserId },
    locale: pl.locale,
    finalPoints: pl.finalPoints,
    finalLetter: pl.finalLetter,
    finalGradePoint: num(pl.finalGradePoint),
    hiredOn: pl.hiredOn,
    createdAt: pl.createdAt,
    updatedAt: pl.updatedAt,
  };
}

function scopeFilters(scope: PlacementScope): (SQL | undefined)[] {
  return [
    equalTo(p.studentId, scope.studentId),
    equalTo(o.organisationId, scope.organisationId),
    equalTo(p.mentorUserId, scope.mentorUserId),
  ];
}

function toJournal(row: typeof journalEntries.$inferSelect): JournalEntryRecord {
  return { ...row, hours: Number(row.hours) };
}

/** Reads and writes placements, their events, sign-offs, journals, assessments and mentors' links. */
export const practiceRepository = {
  async list(
    db: Db,
    params: PlacementListParams,
    scope: PlacementScope,
  ): Promise<RecordPage<PlacementRecord>> {
    return listPage(params, {
      rows: selectPlacements(db).$dynamic(),
      filters: [
        ...scopeFilters(scope),
        equalTo(p.status, params.status),
        equalTo(p.offerId, params.offerId),
        equalTo(p.roundId, params.roundId),
        equalTo(p.studentId, params.studentId),
        search(params.q, students.fullName, o.titleKk, o.titleRu, o.titleEn, organisations.shortName),
      ],
      sortable: { status: p.status, startsOn: o.startsOn, createdAt: p.createdAt },
      fallback: sql`${p.createdAt} desc`,
      id: p.id,
      present: (rows) => rows.map(toRecord),
    });
  },

  async findById(db: Db, id: number): Promise<PlacementRecord | undefined> {
    const [row] = await selectPlacements(db).where(eq(p.id, id));
    return row ? toRecord(row) : undefined;
  },

  /** Locks the placement's row until the transaction ends (serialises its transitions and sign-offs). */
  async lock(db: Db, id: number): Promise<void> {
    await db.execute(sql`select 1 from ${p} where ${p.id} = ${id} for update`);
  },

  /** The offer a placement would be at, with its company, or undefined. */
  async findOffer(db: Db, offerId: number): Promise<{ id: number; organisationId: number } | undefined> {
    const [row] = await db
      .select({ id: o.id, organisationId: o.organisationId })
      .from(o)
      .where(eq(o.id, offerId));
    return row;
  },

  async create(
    db: Db,
    input: PlacementPeopleInput & { studentId: number; offerId: number; status: PlacementStatus },
  ): Promise<number> {
    const [row] = await db
      .insert(p)
      .values({ ...input, enrolmentId: sql`(${currentEnrolmentOf(input.studentId)})` })
      .returning({ id: p.id });
    return row!.id;
  },

  async update(
    db: Db,
    id: number,
    patch: PlacementPeopleInput & {
      status?: PlacementStatus;
      finalPoints?: number | null;
      finalLetter?: GradeLetter | null;
      finalGradePoint?: number | null;
      hiredOn?: string | null;
    },
    at: Date,
  ): Promise<void> {
    const { finalGradePoint, ...rest } = patch;
    await db
      .update(p)
      .set({
        ...rest,
        ...(finalGradePoint === undefined
          ? {}
          : { finalGradePoint: finalGradePoint === null ? null : finalGradePoint.toFixed(2) }),
        updatedAt: at,
      })
      .where(eq(p.id, id));
  },

  async addEvent(db: Db, event: Omit<PlacementEventRecord, 'id'>): Promise<PlacementEventRecord> {
    const [row] = await db.insert(placementEvents).values(event).returning();
    return row!;
  },

  async events(db: Db, placementId: number): Promise<PlacementEventRecord[]> {
    return db
      .select()
      .from(placementEvents)
      .where(eq(placementEvents.placementId, placementId))
      .orderBy(asc(placementEvents.at), asc(placementEvents.id));
  },

  async signoffs(db: Db, placementId: number): Promise<SignoffRecord[]> {
    const rows = await db
      .select({ signoff: placementSignoffs, name: users.fullName })
      .from(placementSignoffs)
      .leftJoin(users, eq(users.id, placementSignoffs.userId))
      .where(eq(placementSignoffs.placementId, placementId))
      .orderBy(asc(placementSignoffs.signedAt));
    return rows.map(({ signoff, name }) => ({ ...signoff, signedBy: name ?? '' }));
  },

  /** Records a party's sign-off, replacing an earlier one of the same party. */
  async saveSignoff(db: Db, signoff: Omit<SignoffRecord, 'signedBy'>): Promise<void> {
    await db
      .insert(placementSignoffs)
      .values(signoff)
      .onConflictDoUpdate({
        target: [placementSignoffs.placementId, placementSignoffs.party],
        set: { userId: signoff.userId, documentSha256: signoff.documentSha256, signedAt: signoff.signedAt },
      });
  },

  /** The competencies the placement's offer requires, with their assessments. */
  async competencies(db: Db, placementId: number): Promise<PlacementCompetencyRecord[]> {
    const rows = await db
      .select({
        id: competencies.id,
        code: competencies.code,
        nameKk: competencies.nameKk,
        nameRu: competencies.nameRu,
        nameEn: competencies.nameEn,
        expectedLevel: practiceOfferCompetencies.level,
        assessment: {
          id: practiceAssessments.id,
          level: practiceAssessments.level,
          comment: practiceAssessments.comment,
          assessorName: practiceAssessments.assessorName,
          assessedOn: practiceAssessments.assessedOn,
        },
      })
      .from(p)
      .innerJoin(practiceOfferCompetencies, eq(practiceOfferCompetencies.offerId, p.offerId))
      .innerJoin(competencies, eq(competencies.id, practiceOfferCompetencies.competencyId))
      .leftJoin(
        practiceAssessments,
        and(
          eq(practiceAssessments.placementId, p.id),
          eq(practiceAssessments.competencyId, practiceOfferCompetencies.competencyId),
        ),
      )
      .where(eq(p.id, placementId))
      .orderBy(asc(competencies.code), asc(competencies.id));
    return rows.map(({ nameKk, nameRu, nameEn, assessment, ...rest }) => ({
      ...rest,
      name: { kk: nameKk, ru: nameRu, en: nameEn },
      assessment: assessment?.id ? assessment : null,
    }));
  },

  /** Records (or replaces) the assessment of a competency on a placement. */
  async saveAssessment(db: Db, input: AssessmentInput, at: Date): Promise<number> {
    const [row] = await db
      .insert(practiceAssessments)
      .values(input)
      .onConflictDoUpdate({
        target: [practiceAssessments.placementId, practiceAssessments.competencyId],
        set: {
          level: input.level,
          comment: input.comment,
          assessorName: input.assessorName,
          assessorUserId: input.assessorUserId,
          mentorLinkId: input.mentorLinkId,
          assessedOn: input.assessedOn,
          updatedAt: at,
        },
      })
      .returning({ id: practiceAssessments.id });
    return row!.id;
  },

  async journal(db: Db, placementId: number): Promise<JournalEntryRecord[]> {
    const rows = await db
      .select()
      .from(journalEntries)
      .where(eq(journalEntries.placementId, placementId))
      .orderBy(asc(journalEntries.entryDate), asc(journalEntries.id));
    return rows.map(toJournal);
  },

  async findJournalEntry(db: Db, id: number): Promise<JournalEntryRecord | undefined> {
    const [row] = await db.select().from(journalEntries).where(eq(journalEntries.id, id));
    return row ? toJournal(row) : undefined;
  },

  async createJournalEntry(
    db: Db,
    input: { placementId: number; entryDate: string; hours: number; body: string },
  ): Promise<JournalEntryRecord> {
    const [row] = await db
      .insert(journalEntries)
      .values({ ...input, hours: input.hours.toFixed(1) })
      .returning();
    return toJournal(row!);
  },

  async updateJournalEntry(
    db: Db,
    id: number,
    patch: {
      entryDate?: string;
      hours?: number;
      body?: string;
      status?: JournalStatus;
      reviewComment?: string;
      reviewedBy?: string;
      reviewedAt?: Date | null;
    },
    at: Date,
  ): Promise<JournalEntryRecord> {
    const { hours, ...rest } = patch;
    const [row] = await db
      .update(journalEntries)
      .set({ ...rest, ...(hours === undefined ? {} : { hours: hours.toFixed(1) }), updatedAt: at })
      .where(eq(journalEntries.id, id))
      .returning();
    return toJournal(row!);
  },

  async createMentorLink(
    db: Db,
    input: {
      placementId: number;
      tokenHash: string;
      expiresAt: Date;
      createdBy: number | null;
      createdAt: Date;
    },
  ): Promise<MentorLinkRecord> {
    const [row] = await db.insert(mentorLinks).values(input).returning();
    return row!;
  },

  async findMentorLinkByHash(db: Db, tokenHash: string): Promise<MentorLinkRecord | undefined> {
    const [row] = await db.select().from(mentorLinks).where(eq(mentorLinks.tokenHash, tokenHash));
    return row;
  },

  /** Marks a link used unless it already was; false when another submission used it first. */
  async useMentorLink(db: Db, id: number, at: Date): Promise<boolean> {
    const rows = await db
      .update(mentorLinks)
      .set({ usedAt: at })
      .where(and(eq(mentorLinks.id, id), isNull(mentorLinks.usedAt)))
      .returning({ id: mentorLinks.id });
    return rows.length === 1;
  },

  /** The practice assessments of the students, with the offer and company they were made at. */
  async evidenceOf(db: Db, studentIds: readonly number[]): Promise<PracticeEvidenceRow[]> {
    if (studentIds.length === 0) return [];
    return (
      await db
        .select({
          studentId: p.studentId,
          placementId: p.id,
          enrolmentId: p.enrolmentId,
          completedAt: sql<Date | null>`(select max(e.at) from ${placementEvents} e
            where e.placement_id = ${p.id} and e.to_status = 'completed')`.mapWith((v) =>
            v === null ? null : new Date(v),
          ),
          mentorName: p.mentorName,
          assessmentId: practiceAssessments.id,
          competencyId: practiceAssessments.competencyId,
          level: practiceAssessments.level,
          assessedOn: practiceAssessments.assessedOn,
          assessorName: practiceAssessments.assessorName,
          locale: p.locale,
          titleKk: o.titleKk,
          titleRu: o.titleRu,
          titleEn: o.titleEn,
          organisationShortName: organisations.shortName,
        })
        .from(practiceAssessments)
        .innerJoin(p, eq(p.id, practiceAssessments.placementId))
        .innerJoin(o, eq(o.id, p.offerId))
        .innerJoin(organisations, eq(organisations.id, o.organisationId))
        .where(inArray(p.studentId, [...studentIds]))
        .orderBy(asc(practiceAssessments.assessedOn), asc(practiceAssessments.id))
    ).map(({ titleKk, titleRu, titleEn, ...rest }) => ({
      ...rest,
      offerTitle: { kk: titleKk, ru: titleRu, en: titleEn },
    }));
  },
};
