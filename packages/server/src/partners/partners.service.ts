import {
  AGREEMENT_EXPIRING_DAYS,
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  type AgreementKind,
  type AgreementStatus,
  BRANCH_STATUSES,
  type BranchStatus,
  DEGREE_TYPES,
  ORGANISATION_KINDS,
  type OrganisationKind,
  type PartnerAggregates,
  type PartnerSummary,
  type PartnerListQuery,
} from '@kadr/contracts';
import {
  agreementsRepository,
  jointProgrammesRepository,
  organisationsRepository,
  partnersRepository,
  type RecordPage,
} from '@kadr/db';
import { todayOf } from '../agreements/agreements.service.ts';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { fieldIssue, notFound, validationError } from '../errors.ts';
import { organisationScope } from '../policy.ts';

/** Lists partners (every organisation but the home university) with their figures; a partner sees itself. */
export async function listPartners(
  ctx: ServiceContext,
  query: PartnerListQuery,
): Promise<RecordPage<PartnerSummary>> {
  const page = await partnersRepository.list(ctx.db, {
    ...query,
    today: todayOf(ctx),
    onlyId: organisationScope(ctx.actor),
  });
  return page;
}

/** Sets the branch status of a foreign partner university (admin). */
export async function updateBranch(
  ctx: ServiceContext,
  organisationId: number,
  body: { status: BranchStatus; note: string },
): Promise<{ status: BranchStatus; note: string }> {
  const organisation = await organisationsRepository.findById(ctx.db, organisationId);
  if (!organisation) throw notFound('organisation', organisationId);
  if (organisation.kind !== 'partner_university')
    throw validationError([
      fieldIssue('params.id', 'partnerUniversity', 'Branch status belongs to foreign partner universities'),
    ]);
  return inTransaction(ctx, async (tx) => {
    const before = await partnersRepository.findBranch(tx, organisationId);
    const after = await partnersRepository.saveBranch(tx, organisationId, body, ctx.now());
    await recordChange(tx, ctx, {
      action: 'update',
      entity: 'partner_branch',
      entityId: organisationId,
      before,
      after,
    });
    return { status: after.status, note: after.note };
  });
}

function countsOf<K extends string, F extends string>(
  keys: readonly K[],
  field: F,
  found: Map<string, number>,
) {
  return keys.map(
    (key) => ({ [field]: key, count: found.get(key) ?? 0 }) as { [P in F]: K } & { count: number },
  );
}

/** Counts for dashboards and observers: no personal data, no per-partner figures. Statuses as of today. */
export async function partnerAggregates(ctx: ServiceContext): Promise<PartnerAggregates> {
  const { kinds, branches } = await partnersRepository.countsByKindAndBranch(ctx.db);
  const degrees = await jointProgrammesRepository.countByDegree(ctx.db);
  const agreements = await agreementsRepository.counts(ctx.db, todayOf(ctx), AGREEMENT_EXPIRING_DAYS);
  return {
    partnersByKind: countsOf(
      ORGANISATION_KINDS.filter(
        (k): k is Exclude<OrganisationKind, 'home_university'> => k !== 'home_university',
      ),
      'kind',
      kinds,
    ),
    branchesByStatus: countsOf(BRANCH_STATUSES, 'status', branches),
    jointProgrammesByDegree: countsOf(DEGREE_TYPES, 'degreeType', degrees),
    agreementsByKind: countsOf<AgreementKind, 'kind'>(AGREEMENT_KINDS, 'kind', agreements.kinds),
    agreementsByStatus: countsOf<AgreementStatus, 'status'>(
      AGREEMENT_STATUSES,
      'status',
      agreements.statuses,
    ),
  };
}
