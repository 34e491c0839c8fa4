import {
  type AllocationInput,
  type CreateInvestmentBody,
  type Investment,
  type InvestmentAggregates,
  type InvestmentListQuery,
  investmentIssues,
  type UpdateInvestmentBody,
} from '@kadr/contracts';
import {
  agreementsRepository,
  type Db,
  equipmentRepository,
  investmentAggregatesRepository,
  type InvestmentRecord,
  investmentsRepository,
  labsRepository,
  organisationsRepository,
  type RecordPage,
} from '@kadr/db';
import { todayOf } from '../agreements/agreements.service.ts';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { fieldIssue, notFound, type ReasonedIssue, validationError } from '../errors.ts';
import { presentInvestment } from './presenters.ts';
import { ledgerCharts } from './ledger-charts.ts';
import { organisationScope } from '../policy.ts';

type Issue = ReasonedIssue;

/** Lists the ledger; a partner sees only its own investments. */
export async function listInvestments(
  ctx: ServiceContext,
  query: InvestmentListQuery,
): Promise<RecordPage<Investment>> {
  const scope = organisationScope(ctx.actor);
  const page = await investmentsRepository.list(ctx.db, {
    ...query,
    organisationId: scope ?? query.organisationId,
  });
  return { ...page, items: page.items.map(presentInvestment) };
}

/** One investment; NOT_FOUND for a partner unless it is the partner's own. */
export async function getInvestment(ctx: ServiceContext, id: number): Promise<Investment> {
  const found = await investmentsRepository.findById(ctx.db, id);
  const scope = organisationScope(ctx.actor);
  if (!found || (scope !== undefined && found.organisationId !== scope)) throw notFound('investment', id);
  return presentInvestment(found);
}

/** Checks that referenced organisations, agreements, labs and items exist and fit together. */
async function referenceIssues(
  db: Db,
  i: Omit<CreateInvestmentBody, 'description' | 'investedOn'>,
): Promise<Issue[]> {
  const issues: Issue[] = [];
  if (i.organisationId && !(await organisationsRepository.findById(db, i.organisationId)))
    issues.push(fieldIssue('body.organisationId', 'exists', `No organisation ${i.organisationId}`));
  if (i.agreementId) {
    const agreement = await agreementsRepository.findById(db, i.agreementId);
    if (!agreement) issues.push(fieldIssue('body.agreementId', 'exists', `No agreement ${i.agreementId}`));
    else if (i.organisationId && !agreement.parties.some((p) => p.organisationId === i.organisationId))
      issues.push(
        fieldIssue(
          'body.agreementId',
          'partyToAgreement',
          'The organisation is not a party to this agreement',
        ),
      );
  }
  issues.push(...(await allocationIssues(db, i.allocations)));
  return issues;
}

async function allocationIssues(db: Db, allocations: AllocationInput[]): Promise<Issue[]> {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const [index, a] of allocations.entries()) {
    const key = a.labId ? `lab:${a.labId}` : `equipment:${a.equipmentId}`;
    if (seen.has(key))
      issues.push(fieldIssue(`body.allocations.${index}`, 'allocatedOnce', 'This asset is allocated twice'));
    seen.add(key);
    if (a.labId && !(await labsRepository.findById(db, a.labId)))
      issues.push(fieldIssue(`body.allocations.${index}.labId`, 'exists', `No lab ${a.labId}`));
    if (a.equipmentId && !(await equipmentRepository.findById(db, a.equipmentId)))
      issues.push(
        fieldIssue(`body.allocations.${index}.equipmentId`, 'exists', `No equipment item ${a.equipmentId}`),
      );
  }
  return issues;
}

const toAllocations = (allocations: AllocationInput[]) =>
  allocations.map((a) => ({
    labId: a.labId ?? null,
    equipmentId: a.equipmentId ?? null,
    amountTiyn: a.amountTiyn,
  }));

/** Records an investment with its allocations (admin). */
export async function createInvestment(ctx: ServiceContext, body: CreateInvestmentBody): Promise<Investment> {
  const issues = await referenceIssues(ctx.db, body);
  if (issues.length > 0) throw validationError(issues);
  const { allocations, ...fields } = body;
  return inTransaction(ctx, async (tx) => {
    const created = await investmentsRepository.create(tx, fields, toAllocations(allocations));
    await recordChange(tx, ctx, {
      action: 'create',
      entity: 'investment',
      entityId: created.id,
      before: null,
      after: created,
    });
    return presentInvestment(created);
  });
}

function merge(before: InvestmentRecord, body: UpdateInvestmentBody) {
  return {
    source: body.source ?? before.source,
    organisationId: body.organisationId !== undefined ? body.organisationId : before.organisationId,
    agreementId: body.agreementId !== undefined ? body.agreementId : before.agreementId,
    amountTiyn: body.amountTiyn ?? before.amountTiyn,
    original: body.original !== undefined ? body.original : before.original,
    allocations:
      body.allocations ??
      before.allocations.map((a) => ({
        labId: a.labId ?? undefined,
        equipmentId: a.equipmentId ?? undefined,
        amountTiyn: a.amountTiyn,
      })),
  };
}

/** Changes an investment (admin); `allocations`, when sent, replace them all. Checked after merging. */
export async function updateInvestment(
  ctx: ServiceContext,
  id: number,
  body: UpdateInvestmentBody,
): Promise<Investment> {
  return inTransaction(ctx, async (tx) => {
    const before = await investmentsRepository.findById(tx, id);
    if (!before) throw notFound('investment', id);
    const merged = merge(before, body);
    const issues = [
      ...investmentIssues(merged).map((i) => fieldIssue(`body.${i.path.join('.')}`, i.rule, i.message)),
      ...(await referenceIssues(tx, merged)),
    ];
    if (issues.length > 0) throw validationError(issues);
    const { allocations, ...patch } = body;
    const after = (await investmentsRepository.update(
      tx,
      id,
      patch,
      ctx.now(),
      allocations ? toAllocations(allocations) : undefined,
    ))!;
    await recordChange(tx, ctx, { action: 'update', entity: 'investment', entityId: id, before, after });
    return presentInvestment(after);
  });
}

/** Deletes an investment and its allocations (admin). */
export async function deleteInvestment(ctx: ServiceContext, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await investmentsRepository.findById(tx, id);
    if (!before) throw notFound('investment', id);
    await investmentsRepository.delete(tx, id);
    await recordChange(tx, ctx, {
      action: 'delete',
      entity: 'investment',
      entityId: id,
      before,
      after: null,
    });
  });
}

/**
 * Ledger totals for charts. A partner gets the totals of its own investments; an observer gets no
 * per-partner breakdown.
 */
export async function investmentAggregates(
  ctx: ServiceContext,
  period: { from?: string | undefined; to?: string | undefined },
): Promise<InvestmentAggregates> {
  const organisationId = organisationScope(ctx.actor);
  const totals = await investmentAggregatesRepository.totals(ctx.db, { ...period, organisationId });
  return ledgerCharts(totals, todayOf(ctx), period, ctx.actor.role !== 'observer');
}
