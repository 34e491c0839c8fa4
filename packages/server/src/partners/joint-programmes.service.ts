import type { CreateJointProgrammeBody, JointProgramme, JointProgrammeListQuery } from '@kadr/contracts';
import {
  agreementsRepository,
  type Db,
  type JointProgrammeInput,
  type JointProgrammeRecord,
  jointProgrammesRepository,
  organisationsRepository,
  type RecordPage,
} from '@kadr/db';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { fieldIssue, notFound, type ReasonedIssue, validationError } from '../errors.ts';
import { organisationFilter } from '../policy.ts';

/** Presents a joint programme. */
export function presentJointProgramme(p: JointProgrammeRecord): JointProgramme {
  return {
    ...p,
    degreeType: p.degreeType,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** Joint programmes are run with foreign partner universities, under an agreement they are party to. */
async function checkReferences(
  db: Db,
  organisationId: number,
  agreementId: number | null | undefined,
): Promise<void> {
  const organisation = await organisationsRepository.findById(db, organisationId);
  const issues: ReasonedIssue[] = [];
  if (!organisation)
    issues.push(fieldIssue('body.organisationId', 'exists', `No organisation ${organisationId}`));
  else if (organisation.kind !== 'partner_university')
    issues.push(
      fieldIssue(
        'body.organisationId',
        'partnerUniversity',
        'Joint programmes are run with partner universities',
      ),
    );
  if (agreementId && !(await agreementsRepository.isParty(db, agreementId, organisationId)))
    issues.push(
      fieldIssue(
        'body.agreementId',
        'partyToAgreement',
        'No agreement with this id to which the university is a party',
      ),
    );
  if (issues.length > 0) throw validationError(issues);
}

/** Lists joint programmes; a partner sees its own. */
export async function listJointProgrammes(
  ctx: ServiceContext,
  query: JointProgrammeListQuery,
): Promise<RecordPage<JointProgramme>> {
  const page = await jointProgrammesRepository.list(ctx.db, {
    ...query,
    organisationId: organisationFilter(ctx.actor, query.organisationId),
  });
  return { ...page, items: page.items.map(presentJointProgramme) };
}

/** Records a joint programme (admin). */
export async function createJointProgramme(
  ctx: ServiceContext,
  body: CreateJointProgrammeBody,
): Promise<JointProgramme> {
  await checkReferences(ctx.db, body.organisationId, body.agreementId);
  return inTransaction(ctx, async (tx) => {
    const created = await jointProgrammesRepository.create(tx, body);
    await recordChange(tx, ctx, {
      action: 'create',
      entity: 'joint_programme',
      entityId: created.id,
      before: null,
      after: created,
    });
    return presentJointProgramme(created);
  });
}

/** Changes a joint programme (admin). */
export async function updateJointProgramme(
  ctx: ServiceContext,
  id: number,
  patch: Partial<JointProgrammeInput>,
): Promise<JointProgramme> {
  return inTransaction(ctx, async (tx) => {
    const before = await jointProgrammesRepository.findById(tx, id);
    if (!before) throw notFound('joint programme', id);
    const agreementId = patch.agreementId !== undefined ? patch.agreementId : before.agreementId;
    await checkReferences(tx, patch.organisationId ?? before.organisationId, agreementId);
    const after = (await jointProgrammesRepository.update(tx, id, patch, ctx.now()))!;
    await recordChange(tx, ctx, { action: 'update', entity: 'joint_programme', entityId: id, before, after });
    return presentJointProgramme(after);
  });
}

/** Deletes a joint programme (admin). */
export async function deleteJointProgramme(ctx: ServiceContext, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await jointProgrammesRepository.findById(tx, id);
    if (!before) throw notFound('joint programme', id);
    await jointProgrammesRepository.delete(tx, id);
    await recordChange(tx, ctx, {
      action: 'delete',
      entity: 'joint_programme',
      entityId: id,
      before,
      after: null,
    });
  });
}
