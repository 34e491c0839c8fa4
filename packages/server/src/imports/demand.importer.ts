import type { AuditEntity } from '@kadr/contracts';
import {
  demandLineBodySchema,
  KZ_REGIONS,
  MAX_ID,
  nationalCodeIssues,
  PRIORITY_AREAS,
  ruleReason,
} from '@kadr/contracts';
import { type Db, type DemandLineInput, demandRepository, organisationsRepository } from '@kadr/db';
import { writePlanVersion } from '../demand/plans.service.ts';
import { asText, oneOf, type Parsed, wholeNumber } from './columns.ts';
import { cellIssue, checkRow, type Importer, type RowIssue, type ValidRow } from './importer.ts';

/** A competency a row requires: by database id or by `FRAMEWORK/CODE`, with the level asked. */
export interface CompetencyCell {
  id: number | null;
  key: string | null;
  level: number;
}

/** A demand row: a line of a partner's plan for a year; the rows of one partner and year make one new version. */
export interface DemandRow {
  partner: string;
  year: number;
  note: string;
  line: Omit<DemandLineInput, 'competencies'>;
  competencies: CompetencyCell[];
}

const COMPETENCY_ITEM = /^(?:(\d{1,10})|([A-Za-z0-9_.-]{1,40})\/([^=\s]{1,80}))\s*[=:]\s*([1-5])$/;

/** Reads `12=3; CDIO/2.1.3=4` (items separated by `;`, `|` or lines): a competency id or FRAMEWORK/CODE, `=`, a level 1-5. */
export function parseCompetencies(t: string): Parsed<CompetencyCell[]> {
  const cells: CompetencyCell[] = [];
  for (const item of t
    .split(/[;|\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const match = COMPETENCY_ITEM.exec(item);
    if (!match)
      return {
        ok: false,
        message: `Cannot read "${item}": write ID=level or FRAMEWORK/CODE=level (level 1-5)`,
        reason: ruleReason('listItem'),
      };
    cells.push({
      id: match[1] ? Number(match[1]) : null,
      key: match[1] ? null : `${match[2]}/${match[3]}`.toLowerCase(),
      level: Number(match[4]),
    });
  }
  return { ok: true, value: cells };
}

/** The file's column of each field of a line's body. */
const COLUMN_OF: Record<string, string> = {
  occupationUri: 'occupation_uri',
  occupationLabel: 'occupation_label_kk',
  'occupationLabel.kk': 'occupation_label_kk',
  'occupationLabel.ru': 'occupation_label_ru',
  'occupationLabel.en': 'occupation_label_en',
  nationalCode: 'national_code',
  programmeGroup: 'programme_group',
  priorityArea: 'priority_area',
  region: 'region',
  headcount: 'headcount',
  competencies: 'competencies',
};

async function resolveCompetencies(db: Db, rows: DemandRow[]) {
  const cells = rows.flatMap((r) => r.competencies);
  const ids = await demandRepository.existingCompetencyIds(
    db,
    cells.flatMap((c) => (c.id === null ? [] : [c.id])),
  );
  const byKey = await demandRepository.competencyIdsByCode(
    db,
    cells.flatMap((c) => {
      if (c.key === null) return [];
      const slash = c.key.indexOf('/');
      return [{ framework: c.key.slice(0, slash), code: c.key.slice(slash + 1) }];
    }),
  );
  return (c: CompetencyCell): number | undefined =>
    c.id !== null ? (ids.has(c.id) ? c.id : undefined) : byKey.get(c.key!);
}

async function referenceIssues(db: Db, rows: ValidRow<DemandRow>[]): Promise<RowIssue[]> {
  const issues: RowIssue[] = [];
  const resolve = await resolveCompetencies(
    db,
    rows.map((r) => r.value),
  );
  const partners = new Map<string, boolean>();
  for (const { row, value } of rows) {
    let known = partners.get(value.partner.toLowerCase());
    if (known === undefined) {
      const o = await organisationsRepository.findByShortName(db, value.partner);
      known = o !== undefined && o.kind !== 'home_university';
      partners.set(value.partner.toLowerCase(), known);
    }
    if (!known)
      issues.push({
        row,
        ...cellIssue('partner', 'exists', `No partner organisation with short name ${value.partner}`),
      });
    // Repeats of one id are the schema's to report (build); a code naming a competency listed otherwise is here.
    const seen = new Map<number, boolean>();
    for (const c of value.competencies) {
      const id = resolve(c);
      const byKey = c.key !== null;
      if (id === undefined)
        issues.push({ row, ...cellIssue('competencies', 'exists', `No competency ${c.id ?? c.key}`) });
      else if (seen.has(id) && (byKey || seen.get(id)))
        issues.push({ row, ...cellIssue('competencies', 'noRepeats', `Competency ${id} is listed twice`) });
      else seen.set(id, byKey);
    }
  }
  // One occupation, one ISCO-08 unit group: across the file, as the API checks across a plan's lines.
  for (const { index, message } of nationalCodeIssues(rows.map((r) => r.value.line)))
    issues.push({ row: rows[index]!.row, ...cellIssue('national_code', 'oneUnitGroup', message) });
  return issues;
}

/**
 * Demand: one row per line of a partner's plan. All rows of one partner and year become one new version of its
 * plan for that year, superseding the one in force (kept as history).
 */
export const demandImporter: Importer<DemandRow> = {
  kind: 'demand',
  entity: 'demand_plan',
  columns: [
    {
      name: 'partner',
      required: true,
      format: 'Short name of the partner organisation',
      example: 'ERG',
      parse: asText,
    },
    {
      name: 'year',
      required: true,
      format: 'The year the people are needed, 2000-2100',
      example: '2028',
      parse: wholeNumber(2000, 2100),
    },
    {
      name: 'occupation_uri',
      required: true,
      format: 'ESCO occupation URI',
      example: 'http://data.europa.eu/esco/occupation/bcf8f332-c7e1-4a08-8651-28d668290eaf',
      parse: asText,
    },
    {
      name: 'occupation_label_kk',
      required: true,
      format: 'The occupation as named, in Kazakh, up to 300 characters',
      example: 'металлург-инженер',
      parse: asText,
    },
    {
      name: 'occupation_label_ru',
      required: true,
      format: 'In Russian, up to 300 characters',
      example: 'инженер-металлург',
      parse: asText,
    },
    {
      name: 'occupation_label_en',
      required: false,
      format: "In English (ESCO's preferred label), up to 300 characters",
      example: 'metallurgist',
      parse: asText,
    },
    {
      name: 'national_code',
      required: false,
      format: 'National classifier of occupations code',
      example: '2146-1-002',
      parse: asText,
    },
    {
      name: 'programme_group',
      required: true,
      format: 'Programme group code such as B074',
      example: 'B074',
      parse: (t) => asText(t.toUpperCase()),
    },
    {
      name: 'priority_area',
      required: true,
      format: PRIORITY_AREAS.join(' | '),
      example: 'metallurgy',
      parse: oneOf(PRIORITY_AREAS),
    },
    {
      name: 'region',
      required: true,
      format: KZ_REGIONS.join(' | '),
      example: 'pavlodar',
      parse: oneOf(KZ_REGIONS),
    },
    {
      name: 'headcount',
      required: true,
      format: 'People needed, 1-100000',
      example: '25',
      parse: wholeNumber(1, 100_000),
    },
    {
      name: 'competencies',
      required: false,
      format: 'ID=level or FRAMEWORK/CODE=level, separated by ";" (level 1-5; quote the cell in a ";" CSV)',
      example: 'CDIO/4.4.1=4; CDIO/2.1.3=3',
      parse: parseCompetencies,
    },
    {
      name: 'note',
      required: false,
      format: "The plan version's note (the first of a partner and year is kept)",
      example: '',
      parse: asText,
    },
  ],

  build(v) {
    const competencies = (v.competencies as CompetencyCell[] | undefined) ?? [];
    const value: DemandRow = {
      partner: v.partner as string,
      year: v.year as number,
      note: (v.note as string | undefined) ?? '',
      line: {
        occupationUri: v.occupation_uri as string,
        occupationLabel: {
          kk: (v.occupation_label_kk as string | undefined) ?? '',
          ru: (v.occupation_label_ru as string | undefined) ?? '',
          en: (v.occupation_label_en as string | undefined) ?? '',
        },
        nationalCode: (v.national_code as string | undefined) ?? '',
        programmeGroup: v.programme_group as string,
        priorityArea: v.priority_area as DemandLineInput['priorityArea'],
        region: v.region as DemandLineInput['region'],
        headcount: v.headcount as number,
      },
      competencies,
    };
    // The API's line schema, with stand-in ids for competencies named by code (checked against the database).
    const checked = checkRow(
      demandLineBodySchema,
      {
        ...value.line,
        competencies: competencies.map((c, i) => ({ competencyId: c.id ?? MAX_ID - i, level: c.level })),
      },
      COLUMN_OF,
    );
    return {
      value: checked.value ? { ...value, line: { ...value.line, ...strip(checked.value) } } : value,
      issues: checked.issues,
    };
  },

  check: referenceIssues,

  async write(tx, rows, at) {
    const resolve = await resolveCompetencies(tx, rows);
    const plans = new Map<
      string,
      { partner: string; year: number; note: string; lines: DemandLineInput[] }
    >();
    for (const r of rows) {
      const key = `${r.partner.toLowerCase()}|${r.year}`;
      const plan = plans.get(key) ?? { partner: r.partner, year: r.year, note: r.note, lines: [] };
      plan.lines.push({
        ...r.line,
        competencies: r.competencies.map((c) => ({ competencyId: resolve(c)!, level: c.level })),
      });
      plans.set(key, plan);
    }
    const out: { id: number; after: unknown; entity?: AuditEntity }[] = [];
    for (const plan of plans.values()) {
      const organisation = (await organisationsRepository.findByShortName(tx, plan.partner))!;
      const written = await writePlanVersion(
        tx,
        { organisationId: organisation.id, year: plan.year, note: plan.note, lines: plan.lines },
        null,
        at,
      );
      out.push({ id: written.id, after: written.after });
    }
    return out;
  },
};

/** The line fields of a checked body (trimmed), without its competencies. */
function strip({
  competencies: _c,
  ...line
}: { competencies: unknown } & Omit<DemandLineInput, 'competencies'>) {
  return line;
}
