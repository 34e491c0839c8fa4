import type { CompetencyType, FrameworkSource } from '@kadr/contracts';
import { schema } from '@kadr/db';
import { CDIO_SYLLABUS, type CdioEntry, INDUSTRY_40, parentCode } from './cdio-data.ts';
import type { DemoContext } from './demo-context.ts';

const FRAMEWORKS: {
  code: string;
  source: FrameworkSource;
  name: [ru: string, kk: string, en: string];
  sourceVersion: string;
  entries: CdioEntry[];
}[] = [
  {
    code: 'CDIO',
    source: 'cdio',
    name: ['Синтаксис CDIO', 'CDIO синтаксисі', 'The CDIO Syllabus'],
    sourceVersion: 'CDIO Syllabus 2.0',
    entries: CDIO_SYLLABUS,
  },
  {
    code: 'I40',
    source: 'own',
    name: ['Индустрия 4.0', 'Индустрия 4.0', 'Industry 4.0'],
    sourceVersion: '',
    entries: INDUSTRY_40,
  },
];

/** Each entry's type: its own, or the nearest ancestor's. */
function typesOf(entries: CdioEntry[]): Map<string, CompetencyType> {
  const types = new Map<string, CompetencyType>();
  for (const [code, type] of entries) {
    const parent = parentCode(code, entries);
    types.set(code, type ?? types.get(parent ?? '')!);
  }
  return types;
}

/**
 * Seeds the CDIO Syllabus framework and Kadr's own Industry 4.0 framework, level by level (a parent is
 * written before its children). Returns competency code → id (codes are unique across the two).
 */
export async function seedCompetencyFrameworks(d: DemoContext): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const stamps = { createdAt: d.now, updatedAt: d.now };
  for (const framework of FRAMEWORKS) {
    const [ru, kk, en] = framework.name;
    const [created] = await d.tx
      .insert(schema.competencyFrameworks)
      .values({
        code: framework.code,
        source: framework.source,
        nameKk: kk,
        nameRu: ru,
        nameEn: en,
        sourceVersion: framework.sourceVersion,
        ...stamps,
      })
      .returning();
    d.record('competency_framework', created!.id, created);
    const types = typesOf(framework.entries);
    const depth = (code: string) => code.split('.').length;
    for (const level of [...new Set(framework.entries.map(([code]) => depth(code)))].sort()) {
      const entries = framework.entries.filter(([code]) => depth(code) === level);
      const rows = await d.tx
        .insert(schema.competencies)
        .values(
          entries.map(([code, , en, ru, kk]) => ({
            frameworkId: created!.id,
            code,
            type: types.get(code)!,
            nameKk: kk,
            nameRu: ru,
            nameEn: en,
            parentId: ids.get(parentCode(code, framework.entries) ?? '') ?? null,
            ...stamps,
          })),
        )
        .returning();
      for (const row of rows) {
        ids.set(row.code, row.id);
        d.record('competency', row.id, row);
      }
    }
  }
  return ids;
}
