/**
 * Reading ESCO's CSV downloads into competencies of a framework (docs/competencies.md):
 * - the skills file (`skills_en.csv`, one file per language): conceptType, conceptUri, skillType, reuseLevel,
 *   preferredLabel, altLabels (one a line), hiddenLabels, status, modifiedDate, scopeNote, definition, inScheme,
 *   description; columns Kadr does not use are ignored;
 * - the broader-relations file (`broaderRelationsSkillPillar.csv`): conceptType, conceptUri, broaderType,
 *   broaderUri; a relation sets a competency's broader competency when both ends are competencies of the
 *   framework (relations to ESCO's skill groups are left aside), the first such relation of a concept winning
 *   (ESCO is a polyhierarchy; Kadr keeps one broader competency).
 * A concept is matched to a competency of the framework by its code, the last segment of its URI (a UUID).
 */
import {
  competencyTypeOfEsco,
  competencyBodyFieldsSchema,
  type EscoSkillType,
  type Locale,
  NO_ALT_LABELS,
  type ReuseLevel,
} from '@kadr/contracts';
import type { CompetencyInput, CompetencyRecord } from '@kadr/db';
import { cellIssue, checkRow, REQUIRED, type RowIssue } from './importer.ts';
import type { Sheet } from './sheet.ts';

/** Concepts per skills file: ESCO v1.2 has about 13,900 skills. */
export const MAX_ESCO_SKILLS = 20_000;
/** Relations per broader-relations file: about one or two a skill. */
export const MAX_ESCO_RELATIONS = 100_000;

/** A problem in one of the two files. */
export interface EscoIssue extends RowIssue {
  file: 'skills' | 'broaderRelations';
}

/** A concept of the skills file, checked. */
export interface EscoConcept {
  row: number;
  code: string;
  uri: string;
  type: CompetencyInput['type'];
  reuseLevel: ReuseLevel | '';
  name: string;
  description: string;
  /** The file language's alternative labels. */
  altLabels: string[];
}

/** A row of the broader-relations file: the concept's URI and its broader concept's URI. */
export interface EscoRelation {
  row: number;
  uri: string;
  broaderUri: string;
}

/** The file's column names (ESCO's spelling) by the lower-cased header names the sheet reader gives. */
const SKILL_COLUMNS = {
  concepttype: 'conceptType',
  concepturi: 'conceptUri',
  skilltype: 'skillType',
  reuselevel: 'reuseLevel',
  preferredlabel: 'preferredLabel',
  altlabels: 'altLabels',
  description: 'description',
  definition: 'definition',
} as const;
const REQUIRED_SKILL_COLUMNS = ['concepturi', 'skilltype', 'preferredlabel'] as const;
const REQUIRED_RELATION_COLUMNS = ['concepturi', 'broaderuri'] as const;
const RELATION_COLUMNS: Record<string, string> = {
  concepturi: 'conceptUri',
  broaderuri: 'broaderUri',
  concepttype: 'conceptType',
};

/** The row's body is checked with the competency contract, as the API checks a competency. */
const conceptSchema = competencyBodyFieldsSchema.pick({
  code: true,
  uri: true,
  type: true,
  name: true,
  description: true,
  altLabels: true,
  reuseLevel: true,
});

const COLUMN_OF: Record<string, string> = {
  code: 'conceptUri',
  uri: 'conceptUri',
  type: 'skillType',
  name: 'preferredLabel',
  description: 'description',
  altLabels: 'altLabels',
  reuseLevel: 'reuseLevel',
};

/** The code of an ESCO URI: its last path segment (`http://data.europa.eu/esco/skill/<uuid>` → `<uuid>`). */
export function codeOfUri(uri: string): string {
  return uri.replace(/\/+$/, '').split('/').pop() ?? '';
}

/** ESCO writes alternative labels one a line in one cell. */
function labelsOf(cell: string): string[] {
  return [
    ...new Set(
      cell
        .split(/\r?\n|\r/)
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
}

function headerIssues(
  sheet: Sheet,
  required: readonly string[],
  names: Record<string, string>,
  file: EscoIssue['file'],
  maxRows: number,
): EscoIssue[] {
  const issues: EscoIssue[] = required
    .filter((c) => !sheet.header.includes(c))
    .map((c) => ({
      file,
      row: 1,
      ...cellIssue(names[c]!, 'requiredColumn', 'Required column is missing from the header'),
    }));
  if (sheet.rows.length === 0)
    issues.push({ file, row: 2, ...cellIssue('', 'hasRows', 'The file has no data rows') });
  if (sheet.rows.length > maxRows)
    issues.push({
      file,
      row: maxRows + 2,
      ...cellIssue('', 'rowLimit', `At most ${maxRows} rows per file`, { maximum: maxRows }),
    });
  return issues;
}

function readSkillType(cell: string): EscoSkillType | undefined {
  const value = cell.toLowerCase();
  // An empty skillType is read as skill/competence, ESCO's type of everything that is not knowledge.
  if (value === '' || value === 'skill/competence') return 'skill/competence';
  return value === 'knowledge' ? 'knowledge' : undefined;
}

/** Reads one concept row; issues name ESCO's column. */
function readConcept(
  row: number,
  cells: Record<string, string>,
  language: Locale,
): { concept?: EscoConcept; issues: EscoIssue[] } {
  const issues: EscoIssue[] = [];
  const conceptType = cells.concepttype ?? '';
  if (conceptType && conceptType.toLowerCase() !== 'knowledgeskillcompetence')
    issues.push({
      file: 'skills',
      row,
      ...cellIssue(
        'conceptType',
        'escoConcept',
        `A skills file holds KnowledgeSkillCompetence concepts, not ${conceptType}`,
      ),
    });
  const skillType = readSkillType(cells.skilltype ?? '');
  if (!skillType)
    issues.push({
      file: 'skills',
      row,
      ...cellIssue('skillType', 'escoConcept', 'Use knowledge or skill/competence'),
    });
  const uri = cells.concepturi ?? '';
  const reuseLevel = (cells.reuselevel ?? '').toLowerCase();
  const built = checkRow(
    conceptSchema,
    {
      code: codeOfUri(uri),
      uri,
      type: 'skill',
      name: { [language]: cells.preferredlabel ?? '' },
      description: { [language]: cells.description || cells.definition || '' },
      altLabels: { [language]: labelsOf(cells.altlabels ?? '') },
      reuseLevel,
    },
    COLUMN_OF,
  );
  if (!uri) built.issues.unshift({ column: 'conceptUri', message: 'Required', reason: REQUIRED });
  if (!(cells.preferredlabel ?? ''))
    built.issues.unshift({ column: 'preferredLabel', message: 'Required', reason: REQUIRED });
  const seen = new Set<string>();
  for (const issue of built.issues) {
    // One issue a column: an empty URI also fails as a code and as a web address.
    if (seen.has(issue.column)) continue;
    seen.add(issue.column);
    issues.push({ file: 'skills', row, ...issue });
  }
  if (issues.length > 0 || !built.value || !skillType) return { issues };
  const value = built.value;
  return {
    issues,
    concept: {
      row,
      code: value.code,
      uri: value.uri,
      type: competencyTypeOfEsco(skillType, value.reuseLevel),
      reuseLevel: value.reuseLevel,
      name: value.name[language],
      description: value.description[language],
      altLabels: value.altLabels[language],
    },
  };
}

/** Reads and checks every row of a skills file; a concept URI repeated in the file is an issue. */
export function readEscoSkills(
  sheet: Sheet,
  language: Locale,
): { concepts: EscoConcept[]; issues: EscoIssue[] } {
  const issues = headerIssues(sheet, REQUIRED_SKILL_COLUMNS, SKILL_COLUMNS, 'skills', MAX_ESCO_SKILLS);
  if (issues.length > 0) return { concepts: [], issues };
  const concepts: EscoConcept[] = [];
  const firstRow = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    const read = readConcept(row, cells, language);
    issues.push(...read.issues);
    if (!read.concept) continue;
    const first = firstRow.get(read.concept.code.toLowerCase());
    if (first !== undefined)
      issues.push({ file: 'skills', row, ...cellIssue('conceptUri', 'noRepeats', `Repeats row ${first}`) });
    else {
      firstRow.set(read.concept.code.toLowerCase(), row);
      concepts.push(read.concept);
    }
  }
  return { concepts, issues };
}

const isWebAddress = (text: string) => /^https?:\/\/\S+$/.test(text);

/** Reads and checks every row of a broader-relations file. */
export function readEscoRelations(sheet: Sheet): { relations: EscoRelation[]; issues: EscoIssue[] } {
  const file = 'broaderRelations';
  const issues = headerIssues(sheet, REQUIRED_RELATION_COLUMNS, RELATION_COLUMNS, file, MAX_ESCO_RELATIONS);
  if (issues.length > 0) return { relations: [], issues };
  const relations: EscoRelation[] = [];
  for (const { row, cells } of sheet.rows) {
    const bad = REQUIRED_RELATION_COLUMNS.filter((c) => !isWebAddress(cells[c] ?? ''));
    for (const c of bad)
      issues.push({
        file,
        row,
        column: RELATION_COLUMNS[c]!,
        message: cells[c] ? 'Write the concept URI (http://…)' : 'Required',
        reason: cells[c] ? { code: 'invalid_format', format: 'url' } : REQUIRED,
      });
    if (bad.length === 0) relations.push({ row, uri: cells.concepturi!, broaderUri: cells.broaderuri! });
  }
  return { relations, issues };
}

/** A competency the import creates or changes, with its broader competency named by code. */
export interface PlannedCompetency {
  input: Omit<CompetencyInput, 'parentId'>;
  parentCode: string | null;
  before?: CompetencyRecord;
}

/** What an import writes: the competencies to create, to change, how many stay as they are, the relations used. */
export interface EscoPlan {
  creates: PlannedCompetency[];
  updates: PlannedCompetency[];
  unchanged: number;
  linked: number;
  skipped: number;
  issues: EscoIssue[];
}

/**
 * The broader competency of each concept of the file, by code, from the relations (the first usable one wins).
 * Both ends are matched by URI: a skill group's URI may end like a competency's code.
 */
function broaderCodes(
  concepts: EscoConcept[],
  relations: EscoRelation[],
  codeOfKnownUri: Map<string, string>,
): { parents: Map<string, { code: string; row: number }>; linked: number; skipped: number } {
  const inFile = new Map(concepts.map((c) => [c.uri, c.code]));
  const parents = new Map<string, { code: string; row: number }>();
  let skipped = 0;
  for (const r of relations) {
    const code = inFile.get(r.uri);
    const broaderCode = codeOfKnownUri.get(r.broaderUri);
    if (code && broaderCode && code !== broaderCode && !parents.has(code))
      parents.set(code, { code: broaderCode, row: r.row });
    else skipped++;
  }
  return { parents, linked: parents.size, skipped };
}

/** Relations that would make a competency its own broader one, through the chain of broader competencies. */
function cycleIssues(
  parentOf: Map<string, string | null>,
  assigned: Map<string, { code: string; row: number }>,
): EscoIssue[] {
  const issues: EscoIssue[] = [];
  for (const [code, { row }] of assigned) {
    const seen = new Set<string>([code]);
    for (let up = parentOf.get(code) ?? null; up !== null; up = parentOf.get(up) ?? null) {
      if (seen.has(up)) {
        if (up === code)
          issues.push({
            file: 'broaderRelations',
            row,
            ...cellIssue('broaderUri', 'noCycle', 'This relation makes a cycle of broader competencies'),
          });
        break;
      }
      seen.add(up);
    }
  }
  return issues;
}

const sameTexts = (a: CompetencyInput['name'], b: CompetencyInput['name']) =>
  a.kk === b.kk && a.ru === b.ru && a.en === b.en;
const sameLists = (a: CompetencyInput['altLabels'], b: CompetencyInput['altLabels']) =>
  (['kk', 'ru', 'en'] as const).every((l) => a[l].join('\n') === b[l].join('\n'));

function isUnchanged(before: CompetencyRecord, after: PlannedCompetency): boolean {
  const i = after.input;
  return (
    before.type === i.type &&
    before.uri === i.uri &&
    before.reuseLevel === i.reuseLevel &&
    sameLists(before.altLabels, i.altLabels) &&
    sameTexts(before.name, i.name) &&
    sameTexts(before.description, i.description) &&
    before.parentCode === after.parentCode
  );
}

/**
 * Compares the file with the framework's competencies: a concept whose code the framework has updates it
 * (the file's language columns, type, reuse level, that language's alternative labels when the file gives some; the broader
 * competency when a relations file is given), any other is created. Pure: the caller writes the plan.
 * @param relations undefined when no relations file was sent: broader competencies then stay as they are
 */
export function planEscoImport(
  frameworkId: number,
  existing: CompetencyRecord[],
  concepts: EscoConcept[],
  relations: EscoRelation[] | undefined,
  language: Locale,
): EscoPlan {
  const byCode = new Map(existing.map((c) => [c.code, c]));
  const codeOfKnownUri = new Map([
    ...existing.filter((c) => c.uri).map((c) => [c.uri, c.code] as const),
    ...concepts.map((c) => [c.uri, c.code] as const),
  ]);
  const links = relations ? broaderCodes(concepts, relations, codeOfKnownUri) : undefined;
  const parentOf = new Map<string, string | null>(existing.map((c) => [c.code, c.parentCode]));
  const plan: EscoPlan = { creates: [], updates: [], unchanged: 0, linked: 0, skipped: 0, issues: [] };
  for (const concept of concepts) {
    const before = byCode.get(concept.code);
    const empty = { kk: '', ru: '', en: '' };
    const parentCode = links ? (links.parents.get(concept.code)?.code ?? null) : (before?.parentCode ?? null);
    parentOf.set(concept.code, parentCode);
    const planned: PlannedCompetency = {
      input: {
        frameworkId,
        code: concept.code,
        uri: concept.uri,
        type: concept.type,
        reuseLevel: concept.reuseLevel,
        name: { ...(before?.name ?? empty), [language]: concept.name },
        description: { ...(before?.description ?? empty), [language]: concept.description },
        // The file's language's labels when it gives some; the other languages' stay as they are.
        altLabels: {
          ...(before?.altLabels ?? NO_ALT_LABELS),
          ...(concept.altLabels.length > 0 ? { [language]: concept.altLabels } : {}),
        },
      },
      parentCode,
      ...(before ? { before } : {}),
    };
    if (!before) plan.creates.push(planned);
    else if (isUnchanged(before, planned)) plan.unchanged++;
    else plan.updates.push(planned);
  }
  if (links) {
    plan.linked = links.linked;
    plan.skipped = links.skipped;
    plan.issues = cycleIssues(parentOf, links.parents);
  }
  return plan;
}
