import type {
  CreateDemandPlanBody,
  DemandPlan,
  DemandPlanDetail,
  DemandPlanListQuery,
  Page,
} from '@kadr/contracts';
import {
  type Db,
  type DemandLineInput,
  type DemandPlanRecord,
  demandRepository,
  organisationsRepository,
} from '@kadr/db';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import {
  AppError,
  type ReasonedIssue,
  fieldIssue,
  notFound,
  validationError,
  withUniqueCheck,
} from '../errors.ts';
import { assertOrganisationVisible, organisationFilter } from '../policy.ts';

/** A plan as the API answers it. */
export const presentPlan = ({ supersededAt, createdAt, ...p }: DemandPlanRecord): DemandPlan => ({
  ...p,
  current: supersededAt === null,
  createdAt: createdAt.toISOString(),
  supersededAt: supersededAt?.toISOString() ?? null,
});

/** Lists plan versions: staff any partner's, a partner only its own. */
export async function listPlans(ctx: ServiceContext, query: DemandPlanListQuery): Promise<Page<DemandPlan>> {
  const page = await demandRepository.list(ctx.db, {
    ...query,
    organisationId: organisationFilter(ctx.actor, query.organisationId),
    current: query.current === undefined ? undefined : query.current === 'true',
  });
  return { ...page, items: page.items.map(presentPlan) };
}

/** One plan version with its lines (a partner only its own; NOT_FOUND otherwise). */
export async function getPlan(ctx: ServiceContext, id: number): Promise<DemandPlanDetail> {
  const found = await demandRepository.findById(ctx.db, id);
  if (!found) throw notFound('demand plan', id);
  assertOrganisationVisible(ctx.actor, found.organisationId, 'demand plan');
  return { ...presentPlan(found), lines: await demandRepository.linesOf(ctx.db, id) };
}

/**
 * The issues of a plan's references: the organisation exists and is not the home university, and every
 * competency exists. `at` prefixes the paths (`body` for the API).
 */
export async function planReferenceIssues(
  db: Db,
  organisationId: number,
  lines: { competencies: { competencyId: number }[] }[],
  at = 'body',
): Promise<ReasonedIssue[]> {
  const issues: ReasonedIssue[] = [];
  const organisation = await organisationsRepository.findById(db, organisationId);
  if (!organisation || organisation.kind === 'home_university')
    issues.push(fieldIssue(`${at}.organisationId`, 'exists', `No partner organisation ${organisationId}`));
  const known = await demandRepository.existingCompetencyIds(
    db,
    lines.flatMap((l) => l.competencies.map((c) => c.competencyId)),
  );
  lines.forEach((l, i) => {
    l.competencies.forEach((c, j) => {
      if (!known.has(c.competencyId))
        issues.push(
          fieldIssue(
            `${at}.lines.${i}.competencies.${j}.competencyId`,
            'exists',
            `No competency ${c.competencyId}`,
          ),
        );
    });
  });
  return issues;
}

/**
 * Writes a new version of a partner's plan for a year, superseding the one in force (kept as history), and audits
 * both: the old version's update and the new one's creation (which names the version it supersedes).
 */
export async function writePlanVersion(
  tx: Db,
  input: { organisationId: number; year: number; note: string; lines: DemandLineInput[] },
  by: number | null,
  at: Date,
): Promise<{
  id: number;
  after: DemandPlanRecord & { lines: DemandLineInput[]; supersedes: number | null };
  superseded?: { before: DemandPlanRecord; after: DemandPlanRecord };
}> {
  const previous = (
    await demandRepository.list(tx, {
      page: 1,
      pageSize: 1,
      organisationId: input.organisationId,
      year: input.year,
      current: true,
    })
  ).items[0];
  const supersededId = await demandRepository.supersede(tx, input.organisationId, input.year, at);
  const version = await demandRepository.nextVersion(tx, input.organisationId, input.year);
  const id = await withUniqueCheck(
    () =>
      demandRepository.create(
        tx,
        {
          organisationId: input.organisationId,
          year: input.year,
          version,
          note: input.note,
          createdBy: by,
          createdAt: at,
        },
        input.lines,
      ),
    () =>
      new AppError('CONFLICT', {
        message: 'Another version of this plan was declared at the same time; try again',
      }),
  );
  const created = (await demandRepository.findById(tx, id))!;
  const superseded =
    previous && supersededId !== undefined
      ? { before: previous, after: (await demandRepository.findById(tx, supersededId))! }
      : undefined;
  return {
    id,
    after: { ...created, lines: input.lines, supersedes: supersededId ?? null },
    ...(superseded ? { superseded } : {}),
  };
}

/**
 * Declares a new version of a partner's demand plan for a year (admin and officer for any partner, a partner for
 * its own organisation: another's answers NOT_FOUND). One transaction; audited.
 */
export async function createPlan(ctx: ServiceContext, body: CreateDemandPlanBody): Promise<DemandPlanDetail> {
  assertOrganisationVisible(ctx.actor, body.organisationId);
  const issues = await planReferenceIssues(ctx.db, body.organisationId, body.lines);
  if (issues.length > 0) throw validationError(issues);
  const id = await inTransaction(ctx, async (tx) => {
    const written = await writePlanVersion(
      tx,
      body,
      ctx.actor.userId > 0 ? ctx.actor.userId : null,
      ctx.now(),
    );
    if (written.superseded)
      await recordChange(tx, ctx, {
        action: 'update',
        entity: 'demand_plan',
        entityId: written.superseded.before.id,
        ...written.superseded,
      });
    await recordChange(tx, ctx, {
      action: 'create',
      entity: 'demand_plan',
      entityId: written.id,
      before: null,
      after: written.after,
    });
    return written.id;
  });
  return getPlan(ctx, id);
}
