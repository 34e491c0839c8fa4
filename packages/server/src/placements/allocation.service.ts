/**
 * Allocation of a placement round (issue 12 item 2, DESIGN capability 4): the officer runs the engine on a closed
 * round (a job with progress; the engine and its checker run in a worker thread), previews the statistics, and
 * publishes atomically: every placement with its explanation and the checker's verdict, or nothing. Students read
 * their result in plain words and accept or decline by the deadline; partners see who was placed at their offers
 * (only what each student shared); a next round carries the offers and the unplaced students, keeping the seats.
 */
import { randomUUID } from 'node:crypto';
import type {
  AllocationJob,
  AllocationStage,
  CheckVerdict,
  Locale,
  NextRoundBody,
  PlacementResponseBody,
  PublishedRound,
  RoundPreview,
  RoundResults,
  StudentRoundResult,
  Trilingual,
} from '@kadr/contracts';
import { LOCALES } from '@kadr/contracts';
import { planPlacementTransition } from '@kadr/core';
import { type AllocationRound, allocationRepository, type Db, withSetCheckedReferences } from '@kadr/db';
import { todayOf } from '../agreements/agreements.service.ts';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError, fieldIssue, notFound, validationError, withUniqueCheck } from '../errors.ts';
import { enqueueTemplatedMany } from '../notifications/outbox.ts';
import { organisationScope } from '../policy.ts';
import type { StoredOutcome } from './allocation-engine.ts';
import { explainInWords, type StoredExplanation } from './allocation-i18n.ts';
import { buildAllocationInput, listOf } from './allocation-input.ts';
import { prepareAllocationWorker, runInWorker } from './allocation-runner.ts';

/** The stored preview document (placement_rounds.preview). */
interface PreviewDocument {
  fingerprint: string;
  stats: Omit<RoundPreview, 'roundId' | 'roundStatus' | 'allocatedAt' | 'stale' | 'verdict'>;
  /** Offers the partner ranked itself. */
  explicit: number[];
  outcomes: StoredOutcome[];
}

/** The student's results page, linked from the "results published" message. */
export const RESULTS_LINK = '/placements/results';

/** An address the outbox accepts (students without one are not notified). */
const EMAIL = /^[^\s@]+@[^\s@]+$/;

const PROGRESS: Record<AllocationStage, number> = {
  queued: 0,
  loading: 0.1,
  allocating: 0.3,
  checking: 0.6,
  saving: 0.85,
  done: 1,
  failed: 1,
};

interface JobState {
  job: AllocationJob;
  finished: Promise<AllocationJob>;
}

/** The runs of this process, by database and round (a restart forgets them; the preview stays stored). */
const jobs = new WeakMap<Db, Map<number, JobState>>();

function jobsOf(db: Db): Map<number, JobState> {
  let map = jobs.get(db);
  if (!map) {
    map = new Map();
    jobs.set(db, map);
  }
  return map;
}

async function requireRound(db: Db, id: number): Promise<AllocationRound> {
  const round = await allocationRepository.findRound(db, id);
  if (!round) throw notFound('round', id);
  return round;
}

function requireClosed(round: AllocationRound, what: string): void {
  if (round.status !== 'closed')
    throw new AppError('INVALID_TRANSITION', {
      message: `Only a closed round can be ${what}; this one is ${round.status}`,
      details: { status: round.status },
    });
}

/**
 * Starts the engine on a closed round; answers the job at once (the web polls it).
 * @throws NOT_FOUND, INVALID_TRANSITION (the round is not closed), CONFLICT (a run of the round is under way)
 */
export async function startAllocation(ctx: ServiceContext, roundId: number): Promise<AllocationJob> {
  const round = await requireRound(ctx.db, roundId);
  requireClosed(round, 'allocated');
  const running = jobsOf(ctx.db).get(roundId);
  if (running && running.job.stage !== 'done' && running.job.stage !== 'failed')
    throw new AppError('CONFLICT', {
      message: 'The engine is already running on this round',
      details: { jobId: running.job.id },
    });
  const job: AllocationJob = {
    id: randomUUID(),
    roundId,
    stage: 'queued',
    progress: 0,
    startedAt: ctx.now().toISOString(),
    finishedAt: null,
    error: null,
  };
  const state: JobState = { job, finished: Promise.resolve(job) };
  state.finished = runJob(ctx, round, job);
  jobsOf(ctx.db).set(roundId, state);
  return { ...job };
}

function moveTo(job: AllocationJob, stage: AllocationStage): void {
  job.stage = stage;
  job.progress = PROGRESS[stage];
}

async function runJob(
  ctx: ServiceContext,
  round: AllocationRound,
  job: AllocationJob,
): Promise<AllocationJob> {
  try {
    await Promise.resolve();
    moveTo(job, 'loading');
    prepareAllocationWorker();
    const fingerprint = await allocationRepository.fingerprint(ctx.db, round.id);
    const data = await allocationRepository.loadData(ctx.db, round, todayOf(ctx));
    const input = buildAllocationInput(data, round);
    moveTo(job, 'allocating');
    const outcome = await runInWorker(input, () => moveTo(job, 'checking'));
    if (!outcome.ok) {
      throw validationError(
        outcome.issues.map((i) => ({ path: i.path, message: i.message, reason: { code: 'custom' } })),
        `The round's data is not a valid engine input: ${outcome.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      );
    }
    moveTo(job, 'saving');
    const explicit = data.offers.filter((o) => o.scoring === 'explicit').map((o) => o.offerId);
    const stats = await buildStats(ctx.db, round.id, outcome.outcomes, outcome.summary);
    const preview: PreviewDocument = { fingerprint, stats, explicit, outcomes: outcome.outcomes };
    const verdict: CheckVerdict = { ...outcome.verdict, checkedAt: ctx.now().toISOString() };
    await inTransaction(ctx, async (tx) => {
      await allocationRepository.lockRound(tx, round.id);
      const current = await requireRound(tx, round.id);
      requireClosed(current, 'allocated');
      await allocationRepository.savePreview(tx, round.id, {
        preview,
        verdict,
        at: ctx.now(),
        by: ctx.actor.userId > 0 ? ctx.actor.userId : null,
      });
      await recordChange(tx, ctx, {
        action: 'update',
        entity: 'placement_round',
        entityId: round.id,
        before: { allocatedAt: round.allocatedAt, verdict: round.checkVerdict },
        after: {
          allocatedAt: ctx.now(),
          verdict: { ok: verdict.ok, violations: verdict.violations.length },
          summary: stats.summary,
        },
      });
    });
    moveTo(job, 'done');
  } catch (error) {
    moveTo(job, 'failed');
    job.error =
      error instanceof AppError
        ? { code: error.code, message: error.message }
        : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
  }
  job.finishedAt = ctx.now().toISOString();
  return { ...job };
}

/**
 * The rounds the allocation pages offer, newest first: staff see closed (to run) and published ones, a partner
 * only published ones (their results).
 */
export async function listAllocationRounds(ctx: ServiceContext) {
  const statuses =
    organisationScope(ctx.actor) === undefined
      ? (['closed', 'published', 'archived'] as const)
      : (['published', 'archived'] as const);
  const found = await allocationRepository.listRounds(ctx.db, statuses);
  return found.map((r) => ({
    ...r,
    allocatedAt: r.allocatedAt?.toISOString() ?? null,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    responseClosesAt: r.responseClosesAt.toISOString(),
  }));
}

/** The last run of the round in this process. */
export async function getAllocationJob(ctx: ServiceContext, roundId: number): Promise<AllocationJob> {
  await requireRound(ctx.db, roundId);
  const state = jobsOf(ctx.db).get(roundId);
  if (!state)
    throw new AppError('NOT_FOUND', { message: `No run of round ${roundId} since the server started` });
  return { ...state.job };
}

/** Waits for the last run of the round to finish (tests, the benchmark, the CLI). */
export async function waitForAllocation(ctx: ServiceContext, roundId: number): Promise<AllocationJob> {
  const state = jobsOf(ctx.db).get(roundId);
  if (!state) throw new AppError('NOT_FOUND', { message: `No run of round ${roundId}` });
  return state.finished;
}

/** The preview's statistics of a run's outcomes (the demo seed stores a preview with it too). */
export async function buildStats(
  db: Db,
  roundId: number,
  outcomes: StoredOutcome[],
  summary: { seats: number; filled: number; fillRate: number; kept: number },
): Promise<PreviewDocument['stats']> {
  const facts = new Map((await allocationRepository.studentFacts(db, roundId)).map((f) => [f.studentId, f]));
  const owners = await allocationRepository.offerOwners(db, roundId);
  const choices = new Map<number | null, number>();
  const programmes = new Map<number | null, RoundPreview['byProgramme'][number]>();
  const filledByOffer = new Map<number, number>();
  const unplaced: RoundPreview['unplaced'] = [];
  let placed = 0;
  let students = 0;
  for (const o of outcomes) {
    if (o.offerId !== null) filledByOffer.set(o.offerId, (filledByOffer.get(o.offerId) ?? 0) + 1);
    if (o.kept) continue;
    students++;
    if (o.offerId !== null) placed++;
    choices.set(o.choice, (choices.get(o.choice) ?? 0) + 1);
    const fact = facts.get(o.studentId);
    const key = fact?.programmeId ?? null;
    let row = programmes.get(key);
    if (!row) {
      row = {
        programmeId: key,
        name: fact?.programme ?? { kk: '—', ru: '—', en: '—' },
        students: 0,
        placed: 0,
        firstChoice: 0,
      };
      programmes.set(key, row);
    }
    row.students++;
    if (o.offerId !== null) row.placed++;
    if (o.choice === 1) row.firstChoice++;
    if (o.offerId === null) unplaced.push({ studentId: o.studentId, fullName: fact?.fullName ?? '' });
  }
  const partners = new Map<number, RoundPreview['byPartner'][number]>();
  for (const owner of owners) {
    let row = partners.get(owner.organisationId);
    if (!row) {
      row = { organisationId: owner.organisationId, name: owner.name, offers: 0, seats: 0, filled: 0 };
      partners.set(owner.organisationId, row);
    }
    row.offers++;
    row.seats += owner.seats;
    row.filled += filledByOffer.get(owner.offerId) ?? 0;
  }
  unplaced.sort((a, b) => a.fullName.localeCompare(b.fullName) || a.studentId - b.studentId);
  return {
    summary: {
      students,
      placed,
      unplaced: students - placed,
      kept: summary.kept,
      seats: summary.seats,
      filled: summary.filled,
      fillRate: summary.fillRate,
    },
    choices: [...choices.entries()]
      .map(([choice, count]) => ({ choice, students: count }))
      .sort((a, b) => (a.choice ?? Number.MAX_SAFE_INTEGER) - (b.choice ?? Number.MAX_SAFE_INTEGER)),
    byProgramme: [...programmes.values()].sort((a, b) => a.name.en.localeCompare(b.name.en)),
    byPartner: [...partners.values()].sort((a, b) => a.name.en.localeCompare(b.name.en)),
    unplaced: unplaced.slice(0, 200),
  };
}

/** The officer's preview: statistics, the checker's verdict, and whether rankings changed since the run. */
export async function getPreview(ctx: ServiceContext, roundId: number): Promise<RoundPreview> {
  const round = await requireRound(ctx.db, roundId);
  const stored = await allocationRepository.previewStats(ctx.db, roundId);
  if (!stored || !round.allocatedAt)
    throw new AppError('NOT_FOUND', { message: `Round ${roundId} has not been allocated yet` });
  const stale =
    round.status === 'closed' &&
    stored.fingerprint !== (await allocationRepository.fingerprint(ctx.db, roundId));
  return {
    roundId,
    roundStatus: round.status,
    allocatedAt: round.allocatedAt.toISOString(),
    stale,
    verdict: round.checkVerdict as CheckVerdict,
    ...(stored.stats as PreviewDocument['stats']),
  };
}

/**
 * Publishes the previewed allocation: every placement (offered, with its choice, explanation and response
 * deadline), the unplaced students' explanations, the round's status and verdict, in one transaction.
 * @throws INVALID_TRANSITION (not closed), CONFLICT (no preview), ALLOCATION_CHECK_FAILED, ALLOCATION_STALE
 */
export function publishRound(ctx: ServiceContext, roundId: number): Promise<PublishedRound> {
  return withUniqueCheck(
    () => publishInTransaction(ctx, roundId),
    () =>
      new AppError('CONFLICT', {
        message: 'A student of this round already holds a placement from it; nothing was published',
      }),
  );
}

function publishInTransaction(ctx: ServiceContext, roundId: number): Promise<PublishedRound> {
  return inTransaction(ctx, async (tx) => {
    await allocationRepository.lockRound(tx, roundId);
    const round = await requireRound(tx, roundId);
    requireClosed(round, 'published');
    const preview = (await allocationRepository.preview(tx, roundId)) as PreviewDocument | null;
    if (!preview || !round.allocatedAt)
      throw new AppError('CONFLICT', { message: 'Run the engine on this round before publishing it' });
    const verdict = round.checkVerdict as CheckVerdict;
    if (!verdict?.ok)
      throw new AppError('ALLOCATION_CHECK_FAILED', { details: { violations: verdict?.violations ?? [] } });
    if (preview.fingerprint !== (await allocationRepository.fingerprint(tx, roundId)))
      throw new AppError('ALLOCATION_STALE');
    const fresh = preview.outcomes.filter((o) => !o.kept);
    const accounts = new Map(
      (
        await allocationRepository.studentAccounts(
          tx,
          fresh.map((o) => o.studentId),
        )
      ).map((a) => [a.studentId, a]),
    );
    // The offers of the outcome that ranked their applicants themselves, in the preview's order: looked up by set
    // (a filter of every explicit offer per student cost 5,000 x 160 scans at the benchmark's size).
    const explicitOrder = new Map(preview.explicit.map((id, index) => [id, index]));
    const explanationOf = (o: StoredOutcome): StoredExplanation => ({
      choice: o.choice,
      rank: o.rank,
      kept: o.kept,
      choices: o.choices,
      reasons: o.reasons,
      explicit: [...new Set([o.offerId, ...o.reasons.map((r) => r.offerId)])]
        .filter((id): id is number => id !== null && explicitOrder.has(id))
        .sort((a, b) => explicitOrder.get(a)! - explicitOrder.get(b)!),
    });
    const localeOf = (studentId: number): Locale => {
      const locale = accounts.get(studentId)?.locale;
      return (LOCALES as readonly string[]).includes(locale ?? '') ? (locale as Locale) : 'kk';
    };
    const placed = fresh.filter((o) => o.offerId !== null);
    const unplaced = fresh.filter((o) => o.offerId === null);
    const at = ctx.now();
    const by = ctx.actor.userId > 0 ? ctx.actor.userId : null;
    // The bulk writes check their references as sets, so PGlite may skip its per-row reference triggers, about
    // 40% of the publication's CPU time there (docs/adr/0011).
    const { ids, notified } = await withSetCheckedReferences(tx, async () => {
      const ids = await allocationRepository.publish(tx, roundId, {
        placements: placed.map((o) => ({
          offerId: o.offerId!,
          studentId: o.studentId,
          choiceRank: o.choice,
          explanation: explanationOf(o),
          locale: localeOf(o.studentId),
        })),
        unplaced: unplaced.map((o) => ({ studentId: o.studentId, explanation: explanationOf(o) })),
        respondBy: round.responseClosesAt,
        at,
        by,
        verdict,
      });
      // One params object for every message: the outbox composes each language's text once.
      const params = { roundName: round.name, respondBy: round.responseClosesAt, link: RESULTS_LINK };
      const notified = await enqueueTemplatedMany(
        tx,
        placed.flatMap((o) => {
          const account = accounts.get(o.studentId);
          if (!account || !EMAIL.test(account.email)) return [];
          return [
            {
              kind: 'round-results' as const,
              recipientUserId: account.userId,
              recipientEmail: account.email,
              locale: localeOf(o.studentId),
              ref: `round:${roundId}`,
              params,
            },
          ];
        }),
        at,
        ctx.timeZone,
      );
      return { ids, notified };
    });
    await recordChange(tx, ctx, {
      action: 'update',
      entity: 'placement_round',
      entityId: roundId,
      before: { status: round.status },
      after: {
        status: 'published',
        publishedAt: at,
        placements: ids.length,
        unplaced: unplaced.length,
        notified,
        verdict: { ok: verdict.ok },
      },
    });
    return {
      roundId,
      status: 'published',
      publishedAt: at.toISOString(),
      placements: ids.length,
      unplaced: unplaced.length,
    };
  });
}

function localeOrActor(ctx: ServiceContext, locale: Locale | undefined): Locale {
  if (locale) return locale;
  return (LOCALES as readonly string[]).includes(ctx.actor.locale) ? (ctx.actor.locale as Locale) : 'ru';
}

/** The signed-in student's results in every published round, newest first, explained in `locale`. */
export async function myRoundResults(
  ctx: ServiceContext,
  { locale }: { locale?: Locale } = {},
): Promise<StudentRoundResult[]> {
  const studentId = await allocationRepository.studentOfUser(ctx.db, ctx.actor.userId);
  if (studentId === undefined) return [];
  const outcomes = await allocationRepository.studentOutcomes(ctx.db, studentId);
  const lang = localeOrActor(ctx, locale);
  const offerIds = new Set<number>();
  for (const o of outcomes)
    for (const r of (o.explanation as StoredExplanation | null)?.reasons ?? []) offerIds.add(r.offerId);
  for (const o of outcomes) if (o.placement) offerIds.add(o.placement.offerId);
  const titles = await allocationRepository.offerTitles(ctx.db, [...offerIds]);
  const now = ctx.now();
  return outcomes.map((o) => ({
    roundId: o.roundId,
    roundName: o.roundName,
    publishedAt: o.publishedAt.toISOString(),
    responseClosesAt: o.responseClosesAt.toISOString(),
    placement: o.placement && {
      id: o.placement.id,
      offerId: o.placement.offerId,
      offerTitle: o.placement.title,
      organisationName: o.placement.organisation,
      status: o.placement.status,
      choiceRank: o.placement.choiceRank,
      respondBy: o.placement.respondBy?.toISOString() ?? null,
      canRespond:
        o.placement.status === 'offered' && (o.placement.respondBy === null || now <= o.placement.respondBy),
    },
    explanation: o.explanation
      ? explainInWords(
          o.explanation as StoredExplanation,
          lang,
          (id) => titles.get(id)?.[lang] || `#${id}`,
          o.placement?.offerId ?? null,
        )
      : [],
  }));
}

/**
 * Who was placed at each offer of a published round. Staff see every offer and student; a partner only its own
 * offers, and of each student only what a current consent lets it see (`profile`: the name; `contacts`: the
 * email); other students are counted without a name.
 */
export async function roundResults(
  ctx: ServiceContext,
  roundId: number,
  query: { offerId?: number | undefined },
): Promise<RoundResults> {
  const round = await requireRound(ctx.db, roundId);
  if (round.status !== 'published' && round.status !== 'archived') throw notFound('round', roundId);
  const scope = organisationScope(ctx.actor);
  const owners = await allocationRepository.offerOwners(ctx.db, roundId, {
    organisationId: scope,
    offerId: query.offerId,
  });
  if (query.offerId !== undefined && owners.length === 0) throw notFound('offer', query.offerId);
  const results =
    owners.length === 0
      ? []
      : await allocationRepository.roundResults(
          ctx.db,
          roundId,
          owners.map((o) => o.offerId),
        );
  const consents =
    scope === undefined
      ? undefined
      : await allocationRepository.consentsTo(
          ctx.db,
          [...new Set(results.map((r) => r.studentId))],
          scope,
          todayOf(ctx),
        );
  const byOffer = new Map<number, RoundResults['offers'][number]['placements']>();
  for (const r of results) {
    const scopes = consents?.get(r.studentId);
    const profile = consents === undefined || scopes?.includes('profile') === true;
    const contacts = consents === undefined || scopes?.includes('contacts') === true;
    listOf(byOffer, r.offerId).push({
      id: r.placementId,
      studentId: profile ? r.studentId : null,
      fullName: profile ? r.fullName : null,
      email: contacts ? r.email : null,
      choiceRank: r.choiceRank,
      status: r.status,
    });
  }
  return {
    roundId,
    roundName: round.name,
    offers: owners.map((o) => ({
      offerId: o.offerId,
      title: o.title,
      organisationId: o.organisationId,
      seats: o.seats,
      placements: byOffer.get(o.offerId) ?? [],
    })),
  };
}

/**
 * The student's answer to an offered place: accept (confirmed) or decline (declined, the seat goes to a later
 * round), by the round's response deadline.
 * @throws NOT_FOUND (not the student's), INVALID_TRANSITION (already answered), RESPONSE_CLOSED (too late)
 */
export async function respondToPlacement(
  ctx: ServiceContext,
  placementId: number,
  body: PlacementResponseBody,
): Promise<{ id: number; status: 'confirmed' | 'declined' }> {
  return inTransaction(ctx, async (tx) => {
    const placement = await allocationRepository.findPlacement(tx, placementId);
    if (!placement || placement.studentUserId !== ctx.actor.userId) throw notFound('placement', placementId);
    const now = ctx.now();
    const to = body.decision === 'accept' ? 'confirmed' : 'declined';
    const plan = planPlacementTransition(
      {
        status: placement.status,
        hasSupervisor: false,
        hasMentor: false,
        agreementSigned: false,
        hasFinalGrade: false,
        respondBy: placement.respondBy?.toISOString() ?? null,
      },
      to,
      ['student'],
      now.toISOString(),
    );
    if (!plan.ok) {
      const details = {
        status: placement.status,
        refusal: plan.refusal,
        respondBy: placement.respondBy?.toISOString() ?? null,
      };
      if (plan.refusal === 'response-closed')
        throw new AppError('RESPONSE_CLOSED', { message: plan.reason, details });
      throw new AppError('INVALID_TRANSITION', { message: plan.reason, details });
    }
    await allocationRepository.transition(tx, placement, to, {
      userId: ctx.actor.userId,
      at: now,
      note: body.decision,
    });
    await recordChange(tx, ctx, {
      action: 'update',
      entity: 'placement',
      entityId: placementId,
      before: { status: placement.status },
      after: { status: to },
    });
    return { id: placementId, status: to };
  });
}

/**
 * A later round from a published one (DOMAIN R9): closed and ready to run, with the same offers and seats, the
 * students left without a place and their rankings (no new application); the seats accepted or still offered in
 * the earlier rounds are kept when it runs, the declined ones are free again.
 * @throws INVALID_TRANSITION (the round is not published), VALIDATION_FAILED (deadline not in the future)
 */
export async function createNextRound(
  ctx: ServiceContext,
  roundId: number,
  body: NextRoundBody,
): Promise<{
  id: number;
  name: Trilingual;
  status: 'closed';
  previousRoundId: number;
  students: number;
  offers: number;
}> {
  const responseClosesAt = new Date(body.responseClosesAt);
  if (responseClosesAt <= ctx.now())
    throw validationError([
      fieldIssue('body.responseClosesAt', 'periodInOrder', 'The response deadline must be in the future'),
    ]);
  return inTransaction(ctx, async (tx) => {
    await allocationRepository.lockRound(tx, roundId);
    const previous = await requireRound(tx, roundId);
    if (previous.status !== 'published')
      throw new AppError('INVALID_TRANSITION', {
        message: `A next round follows a published round; this one is ${previous.status}`,
        details: { status: previous.status },
      });
    const created = await allocationRepository.createNextRound(tx, previous, {
      name: body.name,
      responseClosesAt,
      at: ctx.now(),
      by: ctx.actor.userId > 0 ? ctx.actor.userId : null,
    });
    await recordChange(tx, ctx, {
      action: 'create',
      entity: 'placement_round',
      entityId: created.id,
      before: null,
      after: { name: body.name, previousRoundId: roundId, status: 'closed', ...created },
    });
    return { ...created, name: body.name, status: 'closed', previousRoundId: roundId };
  });
}
