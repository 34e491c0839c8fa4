/**
 * The analysis of a programme version (DESIGN.md capability 2, issue 11 §4): the discipline × competency matrix,
 * the balance of knowledge, skill and competence per programme and per study year (credits weighted), and the
 * gaps: promised competencies that no discipline or practice teaches to the promised level.
 *
 * Credits weighting: a discipline's credits are shared equally among its learning outcomes, and each share counts
 * for the type of the outcome's competency; a discipline with no outcome counts as `unmapped`. Practices carry no
 * credits in the catalogue, so they appear in the matrix and close gaps but do not weigh in the balance.
 * A study year is semesters 2y-1 and 2y. Complexity: O(disciplines + competencies + outcomes) plus sorting, and the
 * matrix is rows × columns numbers.
 */

/** The three types of competency (EQF: knowledge, skills, responsibility and autonomy). */
export const COMPETENCY_KINDS = ['knowledge', 'skill', 'competence'] as const;
export type CompetencyKind = (typeof COMPETENCY_KINDS)[number];

/** What the analysis needs of a version; the lists in any order (rows keep the disciplines' order per semester). */
export interface AnalysisInput {
  disciplines: readonly { id: number; semester: number; credits: number }[];
  competencies: readonly { id: number; type: CompetencyKind }[];
  outcomes: readonly {
    disciplineId: number | null;
    practiceType: string | null;
    competencyId: number;
    targetLevel: number;
  }[];
  promised: readonly { competencyId: number; targetLevel: number }[];
}

/** Credits by competency type, the credits of disciplines without outcomes, and the shares of the mapped credits. */
export interface Balance {
  credits: Record<CompetencyKind | 'unmapped', number>;
  /** Shares of knowledge, skill and competence in the mapped credits (they sum to 1; all 0 when nothing is mapped). */
  shares: Record<CompetencyKind, number>;
}

/** A promised competency taught below its promised level, or not at all (bestLevel 0). */
export interface Gap {
  competencyId: number;
  targetLevel: number;
  bestLevel: number;
  /** Disciplines (by id) and practice types that teach it, below the target. */
  disciplineIds: number[];
  practiceTypes: string[];
}

/** The analysis of one version. */
export interface ProgrammeAnalysis {
  /** Matrix rows: disciplines by semester, then practice types. */
  rows: (
    | { kind: 'discipline'; disciplineId: number; semester: number }
    | { kind: 'practice'; practiceType: string }
  )[];
  /** Matrix columns: promised competencies first, then the others taught, each group by id. */
  columns: { competencyId: number; promised: boolean; targetLevel: number | null }[];
  /** `cells[row][column]`: the level the row teaches the column's competency to, 0 when it does not. */
  cells: number[][];
  balance: Balance;
  /** The balance of each study year that has disciplines, by year. */
  years: (Balance & { year: number })[];
  gaps: Gap[];
}

const round = (value: number, places: number) => {
  const f = 10 ** places;
  return Math.round(value * f) / f;
};

function emptyCredits(): Balance['credits'] {
  return { knowledge: 0, skill: 0, competence: 0, unmapped: 0 };
}

function balanceOf(credits: Balance['credits']): Balance {
  const mapped = credits.knowledge + credits.skill + credits.competence;
  const share = (kind: CompetencyKind) => (mapped === 0 ? 0 : round(credits[kind] / mapped, 4));
  return {
    credits: {
      knowledge: round(credits.knowledge, 2),
      skill: round(credits.skill, 2),
      competence: round(credits.competence, 2),
      unmapped: round(credits.unmapped, 2),
    },
    shares: { knowledge: share('knowledge'), skill: share('skill'), competence: share('competence') },
  };
}

/** The study year of a semester: semesters 1-2 are year 1, 3-4 year 2, … */
export function studyYearOf(semester: number): number {
  return Math.ceil(semester / 2);
}

function balances(input: AnalysisInput): { balance: Balance; years: (Balance & { year: number })[] } {
  const typeOf = new Map(input.competencies.map((c) => [c.id, c.type]));
  const byDiscipline = new Map<number, CompetencyKind[]>();
  for (const o of input.outcomes) {
    const type = typeOf.get(o.competencyId);
    if (o.disciplineId === null || !type) continue;
    byDiscipline.set(o.disciplineId, [...(byDiscipline.get(o.disciplineId) ?? []), type]);
  }
  const total = emptyCredits();
  const perYear = new Map<number, Balance['credits']>();
  for (const d of input.disciplines) {
    const year = studyYearOf(d.semester);
    const yearCredits = perYear.get(year) ?? emptyCredits();
    perYear.set(year, yearCredits);
    const types = byDiscipline.get(d.id) ?? [];
    if (types.length === 0) {
      total.unmapped += d.credits;
      yearCredits.unmapped += d.credits;
      continue;
    }
    const share = d.credits / types.length;
    for (const type of types) {
      total[type] += share;
      yearCredits[type] += share;
    }
  }
  const years = [...perYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, credits]) => ({ year, ...balanceOf(credits) }));
  return { balance: balanceOf(total), years };
}

/**
 * Analyses a programme version: matrix, balance and gaps (see the rules at the top of this file).
 * @example analyseProgramme({ disciplines: [{ id: 1, semester: 1, credits: 5 }],
 *   competencies: [{ id: 9, type: 'skill' }], outcomes: [{ disciplineId: 1, practiceType: null, competencyId: 9,
 *   targetLevel: 2 }], promised: [{ competencyId: 9, targetLevel: 3 }] })
 *   // → cells [[2]], balance.credits.skill 5, one gap (competency 9, best level 2 of 3)
 */
export function analyseProgramme(input: AnalysisInput): ProgrammeAnalysis {
  const disciplineRows = input.disciplines
    .map((d, order) => ({ d, order }))
    .sort((a, b) => a.d.semester - b.d.semester || a.order - b.order)
    .map(({ d }) => ({ kind: 'discipline' as const, disciplineId: d.id, semester: d.semester }));
  const practiceTypes = [
    ...new Set(
      input.outcomes.flatMap((o) => (o.disciplineId === null && o.practiceType ? [o.practiceType] : [])),
    ),
  ].sort();
  const rows = [
    ...disciplineRows,
    ...practiceTypes.map((practiceType) => ({ kind: 'practice' as const, practiceType })),
  ];
  const rowOf = new Map<string, number>();
  rows.forEach((row, i) => {
    rowOf.set(row.kind === 'discipline' ? `d${row.disciplineId}` : `p${row.practiceType}`, i);
  });

  const targets = new Map<number, number>();
  for (const p of input.promised)
    targets.set(p.competencyId, Math.max(targets.get(p.competencyId) ?? 0, p.targetLevel));
  const taughtOnly = [...new Set(input.outcomes.map((o) => o.competencyId))].filter((id) => !targets.has(id));
  const columns = [
    ...[...targets.keys()]
      .sort((a, b) => a - b)
      .map((id) => ({ competencyId: id, promised: true, targetLevel: targets.get(id)! })),
    ...taughtOnly
      .sort((a, b) => a - b)
      .map((id) => ({ competencyId: id, promised: false, targetLevel: null })),
  ];
  const columnOf = new Map(columns.map((c, i) => [c.competencyId, i]));

  const cells = rows.map(() => new Array<number>(columns.length).fill(0));
  for (const o of input.outcomes) {
    const row = rowOf.get(o.disciplineId !== null ? `d${o.disciplineId}` : `p${o.practiceType}`);
    const column = columnOf.get(o.competencyId)!;
    if (row === undefined) continue; // an outcome of a discipline outside the version: not this matrix
    cells[row]![column] = Math.max(cells[row]![column]!, o.targetLevel);
  }

  const gaps: Gap[] = [];
  columns.forEach((column, c) => {
    if (!column.promised) return;
    let bestLevel = 0;
    const disciplineIds: number[] = [];
    const practices: string[] = [];
    rows.forEach((row, r) => {
      const level = cells[r]![c]!;
      if (level === 0) return;
      bestLevel = Math.max(bestLevel, level);
      if (row.kind === 'discipline') disciplineIds.push(row.disciplineId);
      else practices.push(row.practiceType);
    });
    if (bestLevel < column.targetLevel!)
      gaps.push({
        competencyId: column.competencyId,
        targetLevel: column.targetLevel!,
        bestLevel,
        disciplineIds,
        practiceTypes: practices,
      });
  });
  return { rows, columns, cells, ...balances(input), gaps };
}
