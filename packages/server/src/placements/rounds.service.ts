/**
 * Allocation rounds (issue 12 item 2, up to the engine): the officer sets up a round (its offers with their seats
 * and scoring, its eligible students, its deadlines), opens and closes it; each student ranks the offers they are
 * eligible for while it is open; each partner ranks the students who chose its offers, or picks a scoring policy,
 * until the partners' deadline, seeing only what each student consented to share with it. The engine's run and
 * publication are the allocation part's (allocation*.ts). Every change is audited in its transaction.
 */
import {
  type AddRoundStudentsBody,
  type Applicant,
  type Applicants,
  CONSENT_SCOPES,
  type ConsentScope,
  type CreateRoundBody,
  LOCALES,
  type Locale,
  type MyRanking,
  type OfferScoringBody,
  type PartnerRankingBody,
  type RankingBody,
  type Round,
  type RoundListQuery,
  type RoundOffer,
  type RoundOfferBody,
  type RoundStudent,
  type RoundStudentListQuery,
  type RoundSummary,
  roundIssues,
  type UpdateRoundBody,
} from '@kadr/contracts';
import { competencyFit, offerAdmits, orderByScore, partnerScore, type ScoreFacts } from '@kadr/core';
import {
  allocationRepository,
  consentedScopesOf,
  type Db,
  type OfferRecord,
  placementOffersRepository,
  placementRoundsRepository,
  type RecordPage,
  type RoundOfferRecord,
  type RoundRecord,
  resultsRepository,
  studentsRepository,
} from '@kadr/db';
import { todayOf } from '../agreements/agreements.service.ts';
import { recordChange } from '../audit/audit.service.ts';
import { enqueueTemplated } from '../notifications/outbox.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError, fieldIssue, notFound, type ReasonedIssue, validationError } from '../errors.ts';
import { seesAllStudents } from '../policy.ts';
import { gpaOf } from '../students/results.service.ts';
import { presentOffer } from './offers.service.ts';

const STAFF_ROLES = new Set(['admin', 'coordinator', 'officer']);
const isStaff = (ctx: ServiceContext) => STAFF_ROLES.has(ctx.actor.role);

export function presentRound(r: RoundRecord): Round {
  return {
    ...r,
    rankingClosesAt: r.rankingClosesAt.toISOString(),
    partnerRankingClosesAt: r.partnerRankingClosesAt.toISOString(),
    responseClosesAt: r.responseClosesAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The ids of the open or closed rounds that hold the offer (an offer in one is not withdrawn). */
export function roundsHoldingOffer(db: Db, offerId: number): Promise<number[]> {
  return placementRoundsRepository.roundsHoldingOffer(db, offerId);
}

/** The student record of a signed-in student in the round, or undefined. */
async function ownStudentId(ctx: ServiceContext, db: Db, roundId: number): Promise<number | undefined> {
  return placementRoundsRepository.studentOfUser(db, roundId, ctx.actor.userId);
}

/**
 * The round when the actor may see it, else NOT_FOUND: staff and observers any; a student a round they are in and
 * that is not a draft; a partner a round that holds one of its offers and is not a draft.
 */
export async function requireVisibleRound(
  ctx: ServiceContext,
  id: number,
  db: Db = ctx.db,
): Promise<RoundRecord> {
  const round = await placementRoundsRepository.findById(db, id);
  if (!round) throw notFound('round', id);
  const { role } = ctx.actor;
  if (isStaff(ctx) || role === 'observer') return round;
  if (round.status === 'draft') throw notFound('round', id);
  if (role === 'student' && (await ownStudentId(ctx, db, id)) !== undefined) return round;
  if (role === 'partner') {
    if (await placementRoundsRepository.holdsOfferOf(db, id, ctx.actor.organisationId)) return round;
  }
  throw notFound('round', id);
}

/** Lists rounds: staff and observers every round; students those they are in, partners those with their offers. */
export async function listRounds(ctx: ServiceContext, query: RoundListQuery): Promise<RecordPage<Round>> {
  const { role, organisationId, userId } = ctx.actor;
  let scope: { studentId?: number; organisationId?: number; notDraft?: boolean } = {};
  if (role === 'partner') scope = { organisationId, notDraft: true };
  if (role === 'student') {
    const student = await studentsRepository.findByUserId(ctx.db, userId);
    if (!student) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    scope = { studentId: student.id, notDraft: true };
  }
  const page = await placementRoundsRepository.list(ctx.db, { ...query, ...scope });
  return { ...page, items: page.items.map(presentRound) };
}

export async function getRound(ctx: ServiceContext, id: number): Promise<Round> {
  return presentRound(await requireVisibleRound(ctx, id));
}

/** A round's counts, without any student or partner named (what an observer sees). */
export async function getRoundSummary(ctx: ServiceContext, id: number): Promise<RoundSummary> {
  const round = await requireVisibleRound(ctx, id);
  const byType = await placementRoundsRepository.firstChoicesByType(ctx.db, id);
  return {
    id: round.id,
    name: round.name,
    academicYear: round.academicYear,
    status: round.status,
    offerCount: round.offerCount,
    seatCount: round.seatCount,
    studentCount: round.studentCount,
    rankedCount: round.rankedCount,
    firstChoicesByType: byType as RoundSummary['firstChoicesByType'],
  };
}

async function previousRoundIssues(
  db: Db,
  previousRoundId: number | null | undefined,
): Promise<ReasonedIssue[]> {
  if (!previousRoundId) return [];
  return (await placementRoundsRepository.findById(db, previousRoundId))
    ? []
    : [fieldIssue('body.previousRoundId', 'exists', `No round ${previousRoundId}`)];
}

/** Creates a round (a draft) (officer, admin). */
export async function createRound(ctx: ServiceContext, body: CreateRoundBody): Promise<Round> {
  const issues = await previousRoundIssues(ctx.db, body.previousRoundId);
  if (issues.length > 0) throw validationError(issues);
  return inTransaction(ctx, async (tx) => {
    const created = await placementRoundsRepository.create(
      tx,
      {
        ...body,
        rankingClosesAt: new Date(body.rankingClosesAt),
        partnerRankingClosesAt: new Date(body.partnerRankingClosesAt),
        responseClosesAt: new Date(body.responseClosesAt),
      },
      ctx.actor.userId > 0 ? ctx.actor.userId : null,
    );
    await recordChange(tx, ctx, {
      action: 'create',
      entity: 'placement_round',
      entityId: created.id,
      before: null,
      after: created,
    });
    return presentRound(created);
  });
}

/** The round, locked, when its status is one of `statuses`; INVALID_TRANSITION otherwise. */
export async function requireRoundIn(
  tx: Db,
  id: number,
  statuses: RoundRecord['status'][],
  doing: string,
): Promise<RoundRecord> {
  const round = await placementRoundsRepository.lock(tx, id);
  if (!round) throw notFound('round', id);
  if (!statuses.includes(round.status))
    throw new AppError('INVALID_TRANSITION', {
      message: `A round ${round.status} cannot ${doing}`,
      details: { status: round.status },
    });
  return round;
}

/** Changes a round: anything while a draft; only the deadlines once open or closed. */
export async function updateRound(ctx: ServiceContext, id: number, body: UpdateRoundBody): Promise<Round> {
  return inTransaction(ctx, async (tx) => {
    const before = await requireRoundIn(tx, id, ['draft', 'open', 'closed'], 'change');
    if (before.status !== 'draft') {
      const fixed = (['name', 'academicYear', 'maxChoices'] as const).filter((f) => body[f] !== undefined);
      if (fixed.length > 0)
        throw validationError(
          fixed.map((f) =>
            fieldIssue(`body.${f}`, 'exists', 'Only the deadlines change once the round is open'),
          ),
        );
    }
    const merged = {
      rankingClosesAt: body.rankingClosesAt ?? before.rankingClosesAt.toISOString(),
      partnerRankingClosesAt: body.partnerRankingClosesAt ?? before.partnerRankingClosesAt.toISOString(),
      responseClosesAt: body.responseClosesAt ?? before.responseClosesAt.toISOString(),
    };
    const issues = roundIssues(merged).map((i) => fieldIssue(`body.${i.path.join('.')}`, i.rule, i.message));
    if (issues.length > 0) throw validationError(issues);
    const { rankingClosesAt, partnerRankingClosesAt, responseClosesAt, ...rest } = body;
    const after = (await placementRoundsRepository.update(
      tx,
      id,
      {
        ...rest,
        ...(rankingClosesAt ? { rankingClosesAt: new Date(rankingClosesAt) } : {}),
        ...(partnerRankingClosesAt ? { partnerRankingClosesAt: new Date(partnerRankingClosesAt) } : {}),
        ...(responseClosesAt ? { responseClosesAt: new Date(responseClosesAt) } : {}),
      },
      ctx.now(),
    ))!;
    await recordChange(tx, ctx, { action: 'update', entity: 'placement_round', entityId: id, before, after });
    return presentRound(after);
  });
}

/**
 * Opens a draft round for the students' ranking (it needs an offer with seats, a student, and a ranking deadline
 * still ahead) or closes an open one (students rank no more; partners rank until their deadline).
 */
export async function transitionRound(
  ctx: ServiceContext,
  id: number,
  action: 'open' | 'close',
): Promise<Round> {
  return inTransaction(ctx, async (tx) => {
    const before = await requireRoundIn(tx, id, [action === 'open' ? 'draft' : 'open'], action);
    if (action === 'open') {
      if (before.offerCount === 0 || before.seatCount === 0)
        throw new AppError('CONFLICT', { message: 'Add an offer with seats before opening the round' });
      if (before.studentCount === 0)
        throw new AppError('CONFLICT', { message: 'Add eligible students before opening the round' });
      if (before.rankingClosesAt <= ctx.now())
        throw new AppError('CONFLICT', { message: 'The ranking deadline has passed; move it first' });
    }
    const after = (await placementRoundsRepository.update(
      tx,
      id,
      { status: action === 'open' ? 'open' : 'closed' },
      ctx.now(),
    ))!;
    let notified = 0;
    if (action === 'open')
      for (const user of await placementRoundsRepository.studentUsers(tx, id)) {
        await enqueueTemplated(
          tx,
          {
            kind: 'round-opened',
            recipientUserId: user.userId,
            recipientEmail: user.email,
            locale: (LOCALES as readonly string[]).includes(user.locale) ? (user.locale as Locale) : 'kk',
            ref: `round:${id}`,
            params: { roundName: after.name, closesAt: after.rankingClosesAt, link: `/rounds/${id}/ranking` },
          },
          ctx.now(),
          ctx.timeZone,
        );
        notified++;
      }
    await recordChange(tx, ctx, {
      action: 'update',
      entity: 'placement_round',
      entityId: id,
      before,
      after: action === 'open' ? { ...after, notified } : after,
    });
    return presentRound(after);
  });
}

// ---- Offers of a round ----

function presentRoundOffer(ro: RoundOfferRecord, offer: OfferRecord): RoundOffer {
  return {
    roundId: ro.roundId,
    offer: presentOffer(offer),
    seats: ro.seats,
    scoring: ro.scoring,
    gpaWeight: ro.gpaWeight,
    applicantCount: ro.applicantCount,
  };
}

async function presentRoundOffers(db: Db, records: RoundOfferRecord[]): Promise<RoundOffer[]> {
  const offers = new Map(
    (
      await placementOffersRepository.findByIds(
        db,
        records.map((r) => r.offerId),
      )
    ).map((o) => [o.id, o]),
  );
  return records.map((r) => presentRoundOffer(r, offers.get(r.offerId)!));
}

/** The round's offers: staff every one, a partner its own, a student those they are eligible for. */
export async function listRoundOffers(ctx: ServiceContext, id: number): Promise<RoundOffer[]> {
  const round = await requireVisibleRound(ctx, id);
  const records = await placementRoundsRepository.roundOffers(ctx.db, id);
  if (ctx.actor.role === 'student') {
    const studentId = (await ownStudentId(ctx, ctx.db, id))!;
    const eligible = new Set(
      await placementRoundsRepository.eligibleOfferIds(ctx.db, id, round.academicYear, studentId),
    );
    return presentRoundOffers(
      ctx.db,
      records.filter((r) => eligible.has(r.offerId)),
    );
  }
  const presented = await presentRoundOffers(ctx.db, records);
  if (ctx.actor.role === 'partner')
    return presented.filter((r) => r.offer.organisationId === ctx.actor.organisationId);
  if (!isStaff(ctx)) throw new AppError('FORBIDDEN');
  return presented;
}

/** Adds a published offer to a draft or open round, or changes its seats and scoring (officer, admin). */
export async function putRoundOffer(
  ctx: ServiceContext,
  id: number,
  offerId: number,
  body: RoundOfferBody,
): Promise<RoundOffer> {
  return inTransaction(ctx, async (tx) => {
    await requireRoundIn(tx, id, ['draft', 'open'], 'take offers');
    const offer = await placementOffersRepository.findById(tx, offerId);
    if (!offer) throw notFound('offer', offerId);
    if (offer.status !== 'published')
      throw new AppError('CONFLICT', {
        message: 'Only a published offer enters a round',
        details: { status: offer.status },
      });
    if (body.seats > offer.capacity)
      throw validationError([
        fieldIssue('body.seats', 'exists', `The offer has ${offer.capacity} places`, {
          maximum: offer.capacity,
        }),
      ]);
    const [before] = await placementRoundsRepository.roundOffers(tx, id, [offerId]);
    await placementRoundsRepository.putRoundOffer(tx, {
      roundId: id,
      offerId,
      ...body,
      gpaWeight: body.scoring === 'mix' ? body.gpaWeight : null,
    });
    const [after] = await placementRoundsRepository.roundOffers(tx, id, [offerId]);
    await recordChange(tx, ctx, {
      action: before ? 'update' : 'create',
      entity: 'round_offer',
      entityId: `${id}:${offerId}`,
      before: before ?? null,
      after: after!,
    });
    return presentRoundOffer(after!, offer);
  });
}

/** Takes an offer out of a draft or open round, with the students' choices of it (officer, admin). */
export async function removeRoundOffer(ctx: ServiceContext, id: number, offerId: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await requireRoundIn(tx, id, ['draft', 'open'], 'change its offers');
    const [before] = await placementRoundsRepository.roundOffers(tx, id, [offerId]);
    if (!before) throw notFound('round offer', `${id}:${offerId}`);
    await placementRoundsRepository.removeRoundOffer(tx, id, offerId);
    await recordChange(tx, ctx, {
      action: 'delete',
      entity: 'round_offer',
      entityId: `${id}:${offerId}`,
      before,
      after: null,
    });
  });
}

// ---- Students of a round ----

/** Adds eligible students by programme and year, or listed (officer, admin); answers how many were added. */
export async function addRoundStudents(
  ctx: ServiceContext,
  id: number,
  body: AddRoundStudentsBody,
): Promise<{ added: number; studentIds: number[] }> {
  return inTransaction(ctx, async (tx) => {
    const round = await requireRoundIn(tx, id, ['draft', 'open'], 'take students');
    const issues: ReasonedIssue[] = [];
    for (const [i, studentId] of body.studentIds.entries())
      if (!(await studentsRepository.findById(tx, studentId)))
        issues.push(fieldIssue(`body.studentIds.${i}`, 'exists', `No student ${studentId}`));
    if (new Set(body.studentIds).size !== body.studentIds.length)
      issues.push(fieldIssue('body.studentIds', 'noRepeats', 'A student is listed twice'));
    if (issues.length > 0) throw validationError(issues);
    const added = await placementRoundsRepository.addStudents(tx, id, round.academicYear, body);
    await recordChange(tx, ctx, {
      action: 'create',
      entity: 'round_students',
      entityId: id,
      before: null,
      after: { filter: body, added },
    });
    return { added: added.length, studentIds: added };
  });
}

/** Takes a student out of a draft or open round with their ranking (officer, admin). */
export async function removeRoundStudent(ctx: ServiceContext, id: number, studentId: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await requireRoundIn(tx, id, ['draft', 'open'], 'change its students');
    const ranking = await placementRoundsRepository.preferences(tx, id, studentId);
    if (!(await placementRoundsRepository.removeStudent(tx, id, studentId)))
      throw notFound('round student', studentId);
    await recordChange(tx, ctx, {
      action: 'delete',
      entity: 'round_student',
      entityId: `${id}:${studentId}`,
      before: { roundId: id, studentId, ranking },
      after: null,
    });
  });
}

/** The round's students with their programme, year and number of choices (staff). */
export async function listRoundStudents(
  ctx: ServiceContext,
  id: number,
  query: RoundStudentListQuery,
): Promise<RecordPage<RoundStudent>> {
  const round = await requireVisibleRound(ctx, id);
  const page = await placementRoundsRepository.listStudents(ctx.db, id, round.academicYear, query);
  return {
    ...page,
    items: page.items.map(({ studentId, fullName, programmeCode, year, choices }) => ({
      studentId,
      fullName,
      programmeCode,
      year,
      choices,
    })),
  };
}

// ---- The student's ranking ----

const studentMayRank = (ctx: ServiceContext, round: RoundRecord) =>
  round.status === 'open' && ctx.now() < round.rankingClosesAt;

/** The signed-in student's view of a round: the offers they may rank, their ranking, whether it may change. */
export async function getMyRanking(ctx: ServiceContext, id: number): Promise<MyRanking> {
  const round = await requireVisibleRound(ctx, id);
  const studentId = await ownStudentId(ctx, ctx.db, id);
  if (studentId === undefined) throw notFound('round', id);
  return {
    round: presentRound(round),
    offers: await listRoundOffers(ctx, id),
    ranking: await placementRoundsRepository.preferences(ctx.db, id, studentId),
    editable: studentMayRank(ctx, round),
  };
}

/**
 * Replaces the signed-in student's ranking (first choice first) while the round is open and before its deadline:
 * at most the round's maximum, each offer once, only offers they are eligible for.
 */
export async function putMyRanking(ctx: ServiceContext, id: number, body: RankingBody): Promise<MyRanking> {
  await inTransaction(ctx, async (tx) => {
    const round = await requireVisibleRound(ctx, id, tx);
    const studentId = await ownStudentId(ctx, tx, id);
    if (studentId === undefined) throw notFound('round', id);
    await placementRoundsRepository.lock(tx, id);
    if (!studentMayRank(ctx, round))
      throw new AppError('CONFLICT', {
        message: 'The round is not open for ranking',
        details: { status: round.status },
      });
    const issues: ReasonedIssue[] = [];
    if (body.offerIds.length > round.maxChoices)
      issues.push(
        fieldIssue('body.offerIds', 'choiceLimit', `Rank at most ${round.maxChoices} offers`, {
          maximum: round.maxChoices,
        }),
      );
    if (new Set(body.offerIds).size !== body.offerIds.length)
      issues.push(fieldIssue('body.offerIds', 'noRepeats', 'An offer is ranked twice'));
    const eligible = new Set(
      await placementRoundsRepository.eligibleOfferIds(tx, id, round.academicYear, studentId),
    );
    for (const [i, offerId] of body.offerIds.entries())
      if (!eligible.has(offerId))
        issues.push(
          fieldIssue(
            `body.offerIds.${i}`,
            'eligibleChoice',
            `Offer ${offerId} is not open to you in this round`,
          ),
        );
    if (issues.length > 0) throw validationError(issues);
    const before = await placementRoundsRepository.preferences(tx, id, studentId);
    await placementRoundsRepository.replacePreferences(tx, id, studentId, body.offerIds, ctx.now());
    await recordChange(tx, ctx, {
      action: 'update',
      entity: 'round_ranking',
      entityId: `${id}:${studentId}`,
      before: { ranking: before },
      after: { ranking: body.offerIds },
    });
  });
  return getMyRanking(ctx, id);
}

// ---- The partner's ranking ----

const partnerMayRank = (ctx: ServiceContext, round: RoundRecord) =>
  (round.status === 'open' || round.status === 'closed') && ctx.now() < round.partnerRankingClosesAt;

/** The round and its offer when the actor may rank for it: staff any, a partner its own organisation's. */
async function requireRankableOffer(
  ctx: ServiceContext,
  db: Db,
  id: number,
  offerId: number,
): Promise<{ round: RoundRecord; roundOffer: RoundOfferRecord; offer: OfferRecord }> {
  const round = await requireVisibleRound(ctx, id, db);
  const [roundOffer] = await placementRoundsRepository.roundOffers(db, id, [offerId]);
  const offer = roundOffer ? await placementOffersRepository.findById(db, offerId) : undefined;
  if (!roundOffer || !offer) throw notFound('round offer', `${id}:${offerId}`);
  if (ctx.actor.role === 'partner' && offer.organisationId !== ctx.actor.organisationId)
    throw notFound('round offer', `${id}:${offerId}`);
  if (!isStaff(ctx) && ctx.actor.role !== 'partner') throw new AppError('FORBIDDEN');
  return { round, roundOffer, offer };
}

/**
 * The students who chose the offer in the round, as the actor may see them: staff everything; the offer's partner
 * only what each student consented to share with it today (profile: name, programme, year; results: GPA;
 * passport: competency fit), the rest null. The score and the place (`position`) are core's `partnerScore` and
 * `orderByScore` over what each student shares (the engine's own rule, allocation-input.ts): they are listed in
 * the order the engine reads, then those it does not rank (left out of an explicit ranking, or not admitted).
 */
export async function getApplicants(ctx: ServiceContext, id: number, offerId: number): Promise<Applicants> {
  const { round, roundOffer, offer } = await requireRankableOffer(ctx, ctx.db, id, offerId);
  const chosen = await placementRoundsRepository.applicants(ctx.db, id, offerId);
  const ids = chosen.map((a) => a.studentId);
  const full = seesAllStudents(ctx.actor);
  // What each student shares with the offer's organisation: what its partner sees, and what the scoring uses.
  const shared = await consentedScopesOf(ctx.db, ids, offer.organisationId, todayOf(ctx));
  const sharedOf = (studentId: number): readonly ConsentScope[] => shared.get(studentId) ?? [];
  const profiles = new Map(
    ids.length === 0
      ? []
      : (
          await placementRoundsRepository.listStudents(ctx.db, id, round.academicYear, {
            page: 1,
            pageSize: Math.max(ids.length, 1),
            studentIds: ids,
          })
        ).items.map((s) => [s.studentId, s]),
  );
  const passports = await placementRoundsRepository.passportLevels(ctx.db, ids);
  const ranking = await placementRoundsRepository.partnerRanking(ctx.db, id, offerId);
  const required = offer.competencies;
  const facts = new Map<number, ScoreFacts & { scopes: readonly ConsentScope[] }>();
  for (const studentId of ids) {
    const scopes = full ? CONSENT_SCOPES : sharedOf(studentId);
    const gpa = scopes.includes('results')
      ? gpaOf(await resultsRepository.listForStudent(ctx.db, studentId)).gpa
      : null;
    facts.set(studentId, { scopes, gpa, levels: passports.get(studentId) });
  }
  const scoring = roundOffer.scoring;
  const scores = new Map<number, number | null>();
  let order: number[];
  if (scoring === 'explicit') order = ranking.filter((s) => ids.includes(s));
  else {
    const policy = { scoring, gpaWeight: roundOffer.gpaWeight };
    const admitted = { programmeIds: offer.programmes.map((p) => p.id), eligibleYears: offer.eligibleYears };
    for (const studentId of ids)
      scores.set(
        studentId,
        partnerScore(policy, required, { ...facts.get(studentId)!, scopes: sharedOf(studentId) }),
      );
    const { seed } = (await allocationRepository.findRound(ctx.db, id))!;
    order = orderByScore(
      ids
        .filter((s) => offerAdmits(admitted, profiles.get(s)))
        .map((s) => ({ id: s, score: scores.get(s) ?? null })),
      seed,
    ).map((s) => s.id);
  }
  const applicants: Applicant[] = chosen.map(({ studentId, choice }) => {
    const { scopes, gpa, levels } = facts.get(studentId)!;
    const profile = scopes.includes('profile') ? profiles.get(studentId) : undefined;
    const score = scores.get(studentId);
    const rank = ranking.indexOf(studentId);
    const position = order.indexOf(studentId);
    return {
      studentId,
      choice,
      scopes: [...scopes],
      fullName: profile?.fullName ?? null,
      programmeCode: profile?.programmeCode ?? null,
      year: profile?.year ?? null,
      gpa: gpa === null ? null : Math.round(gpa * 100) / 100,
      fit:
        scopes.includes('passport') && required.length > 0 ? round3(competencyFit(required, levels)) : null,
      score: score == null ? null : round3(score),
      rank: rank >= 0 ? rank + 1 : null,
      position: position >= 0 ? position + 1 : null,
    };
  });
  applicants.sort(
    (a, b) =>
      (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER) ||
      a.choice - b.choice,
  );
  return {
    round: presentRound(round),
    roundOffer: presentRoundOffer(roundOffer, offer),
    editable: partnerMayRank(ctx, round),
    applicants,
  };
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** The partner's ranking deadline and status allow a change, else CONFLICT. */
function assertPartnerMayRank(ctx: ServiceContext, round: RoundRecord): void {
  if (!partnerMayRank(ctx, round))
    throw new AppError('CONFLICT', {
      message: 'The partners’ ranking of this round is closed',
      details: { status: round.status },
    });
}

/**
 * Ranks the offer's applicants explicitly, best first (sets the scoring to `explicit`): each student once, only
 * students who chose the offer. Applicants left out come after those ranked, in the order of their GPA.
 */
export async function putPartnerRanking(
  ctx: ServiceContext,
  id: number,
  offerId: number,
  body: PartnerRankingBody,
): Promise<Applicants> {
  await inTransaction(ctx, async (tx) => {
    const { round, roundOffer } = await requireRankableOffer(ctx, tx, id, offerId);
    await placementRoundsRepository.lock(tx, id);
    assertPartnerMayRank(ctx, round);
    const issues: ReasonedIssue[] = [];
    if (new Set(body.studentIds).size !== body.studentIds.length)
      issues.push(fieldIssue('body.studentIds', 'noRepeats', 'A student is ranked twice'));
    const applicants = new Set(
      (await placementRoundsRepository.applicants(tx, id, offerId)).map((a) => a.studentId),
    );
    for (const [i, studentId] of body.studentIds.entries())
      if (!applicants.has(studentId))
        issues.push(
          fieldIssue(
            `body.studentIds.${i}`,
            'eligibleChoice',
            `Student ${studentId} did not choose this offer`,
          ),
        );
    if (issues.length > 0) throw validationError(issues);
    const before = await placementRoundsRepository.partnerRanking(tx, id, offerId);
    await placementRoundsRepository.replacePartnerRanking(tx, id, offerId, body.studentIds);
    await placementRoundsRepository.setScoring(tx, id, offerId, 'explicit', null);
    await recordChange(tx, ctx, {
      action: 'update',
      entity: 'round_partner_ranking',
      entityId: `${id}:${offerId}`,
      before: { scoring: roundOffer.scoring, ranking: before },
      after: { scoring: 'explicit', ranking: body.studentIds },
    });
  });
  return getApplicants(ctx, id, offerId);
}

/** Picks the scoring policy of the offer's applicants (its partner, or staff) until the partners' deadline. */
export async function putOfferScoring(
  ctx: ServiceContext,
  id: number,
  offerId: number,
  body: OfferScoringBody,
): Promise<Applicants> {
  await inTransaction(ctx, async (tx) => {
    const { round, roundOffer } = await requireRankableOffer(ctx, tx, id, offerId);
    await placementRoundsRepository.lock(tx, id);
    if (!(isStaff(ctx) && round.status === 'draft')) assertPartnerMayRank(ctx, round);
    await placementRoundsRepository.setScoring(tx, id, offerId, body.scoring, body.gpaWeight);
    await recordChange(tx, ctx, {
      action: 'update',
      entity: 'round_offer',
      entityId: `${id}:${offerId}`,
      before: { scoring: roundOffer.scoring, gpaWeight: roundOffer.gpaWeight },
      after: body,
    });
  });
  return getApplicants(ctx, id, offerId);
}
