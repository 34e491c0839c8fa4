import type { EscoImportQuery, EscoImportResult } from '@kadr/contracts';
import {
  type CompetencyInput,
  competenciesRepository,
  competencyFrameworksRepository,
  type Db,
} from '@kadr/db';
import type { Change } from '../audit/audit.service.ts';
import { recordChanges } from '../competencies/audit-changes.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError, fieldIssue, notFound, validationError } from '../errors.ts';
import type { UploadedFile } from '../uploads/multipart.ts';
import {
  type EscoIssue,
  type EscoPlan,
  MAX_ESCO_RELATIONS,
  MAX_ESCO_SKILLS,
  planEscoImport,
  readEscoRelations,
  readEscoSkills,
} from './esco.importer.ts';
import { readSheet } from './sheet.ts';

/** The files of an ESCO import: the skills file of one language and, optionally, the broader relations. */
export interface EscoFiles {
  skills: UploadedFile;
  broaderRelations?: UploadedFile | undefined;
}

/** IMPORT_FAILED listing every issue with its file, row and column; nothing was written. */
function failed(issues: EscoIssue[]): AppError {
  const order = { skills: 0, broaderRelations: 1 };
  const sorted = [...issues].sort(
    (a, b) => order[a.file] - order[b.file] || a.row - b.row || a.column.localeCompare(b.column),
  );
  return new AppError('IMPORT_FAILED', {
    message: `${sorted.length} problem(s) in the ESCO files; nothing was written`,
    details: {
      issues: sorted.map((i) => ({
        path: `${i.file} row ${i.row}${i.column ? `, column ${i.column}` : ''}`,
        row: i.row,
        column: i.column,
        message: i.message,
      })),
    },
  });
}

/** Writes the plan: new competencies, then changed ones, then the broader competency of the new ones. */
async function writePlan(tx: Db, ctx: ServiceContext, plan: EscoPlan, existing: Map<string, number>) {
  const at = ctx.now();
  const createdIds = await competenciesRepository.createMany(
    tx,
    plan.creates.map((p) => ({ ...p.input, parentId: null })),
    at,
  );
  const idOf = new Map(existing);
  plan.creates.forEach((p, i) => {
    idOf.set(p.input.code, createdIds[i]!);
  });
  const parentId = (code: string | null) => (code === null ? null : idOf.get(code)!);
  const updated = plan.updates.map((p) => ({
    id: p.before!.id,
    input: { ...p.input, parentId: parentId(p.parentCode) } satisfies CompetencyInput,
  }));
  await competenciesRepository.updateMany(tx, updated, at);
  const created = plan.creates.map((p, i) => ({
    id: createdIds[i]!,
    input: { ...p.input, parentId: parentId(p.parentCode) },
  }));
  await competenciesRepository.setParents(
    tx,
    created.filter((c) => c.input.parentId !== null).map((c) => ({ id: c.id, parentId: c.input.parentId })),
  );
  const changes: Change[] = [
    ...created.map((c) => ({
      action: 'create' as const,
      entity: 'competency' as const,
      entityId: c.id,
      before: null,
      after: { id: c.id, ...c.input },
    })),
    ...updated.map((u, i) => ({
      action: 'update' as const,
      entity: 'competency' as const,
      entityId: u.id,
      before: plan.updates[i]!.before,
      after: { id: u.id, ...u.input },
    })),
  ];
  await recordChanges(tx, ctx, changes);
}

/**
 * Imports ESCO's skills file (one language) and, optionally, its broader-relations file into an ESCO
 * framework (admin, coordinator), all or nothing: any issue answers IMPORT_FAILED naming the file, row and
 * column of each, and nothing is written. `dryRun` reports what would change. Every created or changed
 * competency is audited.
 */
export async function importEsco(
  ctx: ServiceContext,
  frameworkId: number,
  files: EscoFiles,
  query: EscoImportQuery,
): Promise<EscoImportResult> {
  const framework = await competencyFrameworksRepository.findById(ctx.db, frameworkId);
  if (!framework) throw notFound('framework', frameworkId);
  if (framework.source !== 'esco')
    throw validationError([
      fieldIssue(
        'params.id',
        'escoFramework',
        `Framework ${framework.code} is not an ESCO framework (source ${framework.source})`,
      ),
    ]);
  const skills = readEscoSkills(
    await readSheet(files.skills, { maxDataRows: MAX_ESCO_SKILLS }),
    query.language,
  );
  const relations = files.broaderRelations
    ? readEscoRelations(await readSheet(files.broaderRelations, { maxDataRows: MAX_ESCO_RELATIONS }))
    : undefined;
  const issues = [...skills.issues, ...(relations?.issues ?? [])];
  if (issues.length > 0) throw failed(issues);
  return inTransaction(ctx, async (tx) => {
    await competencyFrameworksRepository.lock(tx, frameworkId);
    const existing = await competenciesRepository.allOfFramework(tx, frameworkId);
    const plan = planEscoImport(frameworkId, existing, skills.concepts, relations?.relations, query.language);
    if (plan.issues.length > 0) throw failed(plan.issues);
    if (!query.dryRun) await writePlan(tx, ctx, plan, new Map(existing.map((c) => [c.code, c.id])));
    return {
      frameworkId,
      language: query.language,
      dryRun: query.dryRun,
      rows: skills.concepts.length,
      created: plan.creates.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged,
      relations: {
        rows: relations?.relations.length ?? 0,
        linked: plan.linked,
        skipped: plan.skipped,
      },
    };
  });
}
