import type { PracticeType, ProgrammeAnalysis } from '@kadr/contracts';
import { analyseProgramme } from '@kadr/core';
import { passportRepository } from '@kadr/db';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { catalogueIndex } from '../passport/presenters.ts';
import { organisationScope } from '../policy.ts';

/**
 * The analysis of a programme version (matrix, balance, gaps). Staff and observers read any version; a partner
 * only versions of programmes it co-develops (NOT_FOUND otherwise).
 */
export async function analyseVersion(ctx: ServiceContext, versionId: number): Promise<ProgrammeAnalysis> {
  const version = await passportRepository.findVersion(ctx.db, versionId);
  if (!version) throw notFound('programme version', versionId);
  const scope = organisationScope(ctx.actor);
  if (
    scope !== undefined &&
    !(await passportRepository.codeveloperIdsOfVersion(ctx.db, versionId)).includes(scope)
  )
    throw notFound('programme version', versionId);
  const catalogue = await passportRepository.versionCatalogue(ctx.db, versionId);
  const analysis = analyseProgramme(catalogue);
  const index = catalogueIndex(catalogue);
  return {
    version,
    rows: analysis.rows.map((row) =>
      row.kind === 'discipline'
        ? { discipline: index.discipline(row.disciplineId), practiceType: null }
        : { discipline: null, practiceType: row.practiceType as PracticeType },
    ),
    columns: analysis.columns.map((c) => ({
      competency: index.competency(c.competencyId),
      promised: c.promised,
      targetLevel: c.targetLevel,
    })),
    cells: analysis.cells,
    balance: analysis.balance,
    years: analysis.years,
    gaps: analysis.gaps.map((gap) => ({
      competency: index.competency(gap.competencyId),
      targetLevel: gap.targetLevel,
      bestLevel: gap.bestLevel,
      disciplines: gap.disciplineIds.map(index.discipline),
      practiceTypes: gap.practiceTypes as PracticeType[],
    })),
  };
}
