import {
  type CodeveloperInput,
  type CreateProgrammeBody,
  type Programme,
  type ProgrammeListQuery,
  programmeIssues,
  type UpdateProgrammeBody,
} from '@kadr/contracts';
import {
  agreementsRepository,
  type Db,
  organisationsRepository,
  type ProgrammeRecord,
  programmesRepository,
  programmeVersionsRepository,
  type RecordPage,
} from '@kadr/db';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import {
  AppError,
  fieldIssue,
  notFound,
  type ReasonedIssue,
  validationError,
  withUniqueCheck,
} from '../errors.ts';
import { assertProgrammeVisible, programmeViewOf } from './programme-access.ts';
import { presentProgramme } from './presenters.ts';
import { auditVersionRemoval } from './version-removal.ts';

function codeTaken(): AppError {
  return new AppError('CONFLICT', {
    message: 'A programme with this code exists',
    details: { issues: [fieldIssue('body.code', 'unique', 'already used')] },
  });
}

/** The catalogue as the actor may read it (see programme-access.ts). */
export async function listProgrammes(
  ctx: ServiceContext,
  query: ProgrammeListQuery,
): Promise<RecordPage<Programme>> {
  const view = await programmeViewOf(ctx);
  const page = await programmesRepository.list(ctx.db, {
    ...query,
    organisationId: view.kind === 'partner' ? view.organisationId : query.organisationId,
    onlyIds: view.kind === 'student' ? view.programmeIds : undefined,
  });
  // A partner filtering by another co-developer sees the programmes both co-develop.
  if (
    view.kind === 'partner' &&
    query.organisationId !== undefined &&
    query.organisationId !== view.organisationId
  )
    return { ...page, items: [], total: 0 };
  return { ...page, items: page.items.map((p) => presentProgramme(p, view)) };
}

/** One programme; NOT_FOUND outside the actor's view. */
export async function getProgramme(ctx: ServiceContext, id: number): Promise<Programme> {
  const view = await programmeViewOf(ctx);
  await assertProgrammeVisible(ctx.db, view, id);
  const found = await programmesRepository.findById(ctx.db, id);
  if (!found) throw notFound('programme', id);
  return presentProgramme(found, view);
}

/** Checks that co-developers and their agreements exist and fit together (the agreement names the organisation). */
async function codeveloperIssues(db: Db, codevelopers: CodeveloperInput[]): Promise<ReasonedIssue[]> {
  const issues: ReasonedIssue[] = [];
  for (const [index, c] of codevelopers.entries()) {
    const path = `body.codevelopers.${index}`;
    const organisation = await organisationsRepository.findById(db, c.organisationId);
    if (!organisation)
      issues.push(fieldIssue(`${path}.organisationId`, 'exists', `No organisation ${c.organisationId}`));
    else if (organisation.kind === 'home_university')
      issues.push(
        fieldIssue(
          `${path}.organisationId`,
          'notHomeUniversity',
          'The university itself is not a co-developer',
        ),
      );
    if (c.agreementId === null) continue;
    const agreement = await agreementsRepository.findById(db, c.agreementId);
    if (!agreement) issues.push(fieldIssue(`${path}.agreementId`, 'exists', `No agreement ${c.agreementId}`));
    else if (!agreement.parties.some((p) => p.organisationId === c.organisationId))
      issues.push(
        fieldIssue(
          `${path}.agreementId`,
          'partyToAgreement',
          'The organisation is not a party to this agreement',
        ),
      );
  }
  return issues;
}

/** Creates a programme with its co-developers (admin, coordinator). */
export async function createProgramme(ctx: ServiceContext, body: CreateProgrammeBody): Promise<Programme> {
  const issues = await codeveloperIssues(ctx.db, body.codevelopers);
  if (issues.length > 0) throw validationError(issues);
  const { codevelopers, ...fields } = body;
  return withUniqueCheck(
    () =>
      inTransaction(ctx, async (tx) => {
        const created = await programmesRepository.create(tx, fields, codevelopers);
        await recordChange(tx, ctx, {
          action: 'create',
          entity: 'programme',
          entityId: created.id,
          before: null,
          after: created,
        });
        return presentProgramme(created, { kind: 'staff' });
      }),
    codeTaken,
  );
}

function merge(before: ProgrammeRecord, body: UpdateProgrammeBody) {
  return {
    code: body.code ?? before.code,
    level: body.level ?? before.level,
    credits: body.credits ?? before.credits,
    degreeType: body.degreeType ?? before.degreeType,
    codevelopers: body.codevelopers ?? before.codevelopers,
  };
}

/**
 * Changes a programme (admin, coordinator); `codevelopers`, when sent, replace them all. Who must approve a
 * submitted draft cannot change under it: withdraw the draft first.
 */
export async function updateProgramme(
  ctx: ServiceContext,
  id: number,
  body: UpdateProgrammeBody,
): Promise<Programme> {
  return withUniqueCheck(
    () =>
      inTransaction(ctx, async (tx) => {
        if (!(await programmesRepository.lock(tx, id))) throw notFound('programme', id);
        const before = (await programmesRepository.findById(tx, id))!;
        const issues = [
          ...programmeIssues(merge(before, body)).map((i) =>
            fieldIssue(`body.${i.path.join('.')}`, i.rule, i.message),
          ),
          ...(body.codevelopers ? await codeveloperIssues(tx, body.codevelopers) : []),
        ];
        if (issues.length > 0) throw validationError(issues);
        const { codevelopers, ...patch } = body;
        if (codevelopers && before.draftVersion && (await isSubmitted(tx, before.draftVersion.id)))
          throw new AppError('INVALID_TRANSITION', {
            message: `Version ${before.draftVersion.number} awaits the co-developers' approval: withdraw it before changing them`,
          });
        const after = (await programmesRepository.update(tx, id, patch, ctx.now(), codevelopers))!;
        await recordChange(tx, ctx, { action: 'update', entity: 'programme', entityId: id, before, after });
        return presentProgramme(after, { kind: 'staff' });
      }),
    codeTaken,
  );
}

async function isSubmitted(db: Db, versionId: number): Promise<boolean> {
  return (await programmeVersionsRepository.findById(db, versionId))?.submittedAt != null;
}

/**
 * Deletes a programme with its whole history (admin, coordinator), auditing every version, discipline,
 * equivalence, outcome and approval it removes. Refused once a student has enrolled in any of its versions.
 */
export async function deleteProgramme(ctx: ServiceContext, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    if (!(await programmesRepository.lock(tx, id))) throw notFound('programme', id);
    const before = (await programmesRepository.findById(tx, id))!;
    const enrolled = await programmesRepository.enrolmentCount(tx, id);
    if (enrolled > 0)
      throw new AppError('CONFLICT', {
        message: `${enrolled} enrolments name versions of this programme; its history is kept`,
      });
    for (const version of await programmeVersionsRepository.allOfProgramme(tx, id))
      await auditVersionRemoval(tx, ctx, version);
    await programmesRepository.delete(tx, id);
    await recordChange(tx, ctx, { action: 'delete', entity: 'programme', entityId: id, before, after: null });
  });
}
