import type {
  CreateDisciplineBody,
  Discipline,
  DisciplineListQuery,
  Page,
  UpdateDisciplineBody,
} from '@kadr/contracts';
import {
  type Db,
  type DisciplineRecord,
  disciplinesRepository,
  equipmentRepository,
  labsRepository,
  programmesRepository,
} from '@kadr/db';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { fieldIssue, notFound, type ReasonedIssue, validationError } from '../errors.ts';
import { equivalencesOf, visibleVersion } from './programme-access.ts';
import { presentDiscipline } from './presenters.ts';
import { auditDisciplinesRemoval, PROGRAMME_ENTITIES as ENTITY } from './version-removal.ts';
import { lockEditableVersion } from './versions.service.ts';

/** The disciplines of a version, for whoever may read the version. */
export async function listDisciplines(
  ctx: ServiceContext,
  versionId: number,
  query: DisciplineListQuery,
): Promise<Page<Discipline>> {
  await visibleVersion(ctx, versionId);
  const page = await disciplinesRepository.list(ctx.db, versionId, {
    ...query,
    equivalencesOf: equivalencesOf(ctx),
  });
  return { ...page, items: page.items.map(presentDiscipline) };
}

/** A discipline the actor may read (through its version). */
export async function visibleDiscipline(ctx: ServiceContext, id: number): Promise<DisciplineRecord> {
  const found = await disciplinesRepository.findById(ctx.db, id, equivalencesOf(ctx));
  if (!found) throw notFound('discipline', id);
  try {
    await visibleVersion(ctx, found.versionId);
  } catch {
    throw notFound('discipline', id);
  }
  return found;
}

export async function getDiscipline(ctx: ServiceContext, id: number): Promise<Discipline> {
  return presentDiscipline(await visibleDiscipline(ctx, id));
}

type Fields = Partial<CreateDisciplineBody>;

/** Checks the semester against the programme's duration, the code's uniqueness in the version, labs and items. */
async function disciplineIssues(
  db: Db,
  version: { id: number; programmeId: number },
  body: Fields,
  exceptId?: number,
): Promise<ReasonedIssue[]> {
  const issues: ReasonedIssue[] = [];
  const programme = (await programmesRepository.findById(db, version.programmeId))!;
  if (body.semester !== undefined && body.semester > programme.durationSemesters)
    issues.push(
      fieldIssue(
        'body.semester',
        'withinDuration',
        `The programme lasts ${programme.durationSemesters} semesters`,
        {
          maximum: programme.durationSemesters,
        },
      ),
    );
  if (
    body.code !== undefined &&
    (await disciplinesRepository.isCodeTaken(db, version.id, body.code, exceptId))
  )
    issues.push(fieldIssue('body.code', 'unique', 'Another discipline of this version has this code'));
  const labs = await labsRepository.findByIds(db, body.labIds ?? []);
  for (const [index, id] of (body.labIds ?? []).entries())
    if (!labs.some((l) => l.id === id))
      issues.push(fieldIssue(`body.labIds.${index}`, 'exists', `No lab ${id}`));
  for (const [index, id] of (body.equipmentIds ?? []).entries())
    if (!(await equipmentRepository.findById(db, id)))
      issues.push(fieldIssue(`body.equipmentIds.${index}`, 'exists', `No equipment item ${id}`));
  return issues;
}

function split(body: Fields) {
  const { labIds, equipmentIds, ...fields } = body;
  return { fields, assets: { labIds, equipmentIds } };
}

/** Adds a discipline to a draft not yet submitted (admin, coordinator). */
export async function createDiscipline(
  ctx: ServiceContext,
  versionId: number,
  body: CreateDisciplineBody,
): Promise<Discipline> {
  return inTransaction(ctx, async (tx) => {
    const version = await lockEditableVersion(tx, versionId);
    const issues = await disciplineIssues(tx, version, body);
    if (issues.length > 0) throw validationError(issues);
    const { fields, assets } = split(body);
    const created = await disciplinesRepository.create(
      tx,
      versionId,
      fields as CreateDisciplineBody,
      assets,
      ctx.now(),
    );
    await recordChange(tx, ctx, {
      action: 'create',
      entity: ENTITY.discipline,
      entityId: created.id,
      before: null,
      after: created,
    });
    return presentDiscipline(created);
  });
}

/** Locks the discipline's version (a draft not yet submitted) and reads the discipline. */
async function lockEditableDiscipline(tx: Db, id: number) {
  const found = await disciplinesRepository.findById(tx, id);
  if (!found) throw notFound('discipline', id);
  const version = await lockEditableVersion(tx, found.versionId);
  return { discipline: found, version };
}

/** Changes a discipline of a draft not yet submitted (admin, coordinator); lab and item lists, when sent, replace. */
export async function updateDiscipline(
  ctx: ServiceContext,
  id: number,
  body: UpdateDisciplineBody,
): Promise<Discipline> {
  return inTransaction(ctx, async (tx) => {
    const { discipline: before, version } = await lockEditableDiscipline(tx, id);
    const issues = await disciplineIssues(tx, version, body, id);
    if (issues.length > 0) throw validationError(issues);
    const { fields, assets } = split(body);
    const after = (await disciplinesRepository.update(tx, id, fields, assets, ctx.now()))!;
    await recordChange(tx, ctx, { action: 'update', entity: ENTITY.discipline, entityId: id, before, after });
    return presentDiscipline(after);
  });
}

/** Deletes a discipline of a draft not yet submitted, with its equivalences and outcomes, each audited. */
export async function deleteDiscipline(ctx: ServiceContext, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { discipline } = await lockEditableDiscipline(tx, id);
    await auditDisciplinesRemoval(tx, ctx, [discipline]);
    await disciplinesRepository.delete(tx, id);
  });
}
