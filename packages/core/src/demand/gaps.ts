/**
 * Demand against supply (issue 13 item 3), pure.
 *
 * Formulas (docs/capabilities/demand.md repeats them):
 * - Demand of a cell (a programme group or a priority area, and a year) = the sum of the headcounts of the lines
 *   of the plans in force (the current version of each partner's plan for the year) in that group or area.
 * - Supply of a cell = actual + projected graduates of the programmes of that group or area in that year
 *   (supply.ts).
 * - balance = supply − demand; shortfall = max(0, −balance); surplus = max(0, balance).
 * - Regions: graduates (projected and actual) are supply of the region of the home university's campus (the
 *   `homeRegion` given; Kadr records no campus per programme); placements and hires of the region of the practice
 *   (placements.ts). A region's row is its demand against that supply.
 * - Skill gaps: for each programme group and competency its lines require, the level asked is the highest level
 *   any line of the group asks; the level taught is the highest level any active programme version of the group
 *   teaches it to in its analysis (the discipline × competency matrix of analyseProgramme: the best cell of the
 *   competency's column, promised or not). A skill gap is a level taught below the level asked (0: not taught).
 *   The best level anywhere in the catalogue is given too, to show where it is taught.
 */
import type { ProgrammeAnalysis } from '../competencies/analysis.ts';
import type { SupplyRow } from './supply.ts';

/** A line of a plan in force, as the gap reads it. */
export interface DemandLineInput {
  organisationId: number;
  year: number;
  programmeGroup: string;
  priorityArea: string;
  region: string;
  headcount: number;
  competencies?: readonly { competencyId: number; level: number }[];
}

/** Students placed and hired after practice of a programme group, area, region and year (placements.ts). */
export interface PlacementInput {
  programmeGroup: string;
  priorityArea: string;
  /** The practice's region code, or null when it names no Kazakh region. */
  region: string | null;
  year: number;
  placements: number;
  hires: number;
}

export interface GapCellValue {
  year: number;
  demand: number;
  projected: number;
  actual: number;
  supply: number;
  balance: number;
  shortfall: number;
  surplus: number;
  /** Null when placements are not recorded (no placements capability yet). */
  placements: number | null;
  hires: number | null;
  /** Distinct partners whose lines make the demand. */
  partners: number;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** One cell from its demand, supply and placement figures. */
export function gapCell(input: {
  year: number;
  demand: number;
  projected: number;
  actual: number;
  placements: number | null;
  hires: number | null;
  partners: number;
}): GapCellValue {
  const projected = round2(input.projected);
  const supply = round2(projected + input.actual);
  const balance = round2(supply - input.demand);
  return {
    ...input,
    projected,
    supply,
    balance,
    shortfall: Math.max(-balance, 0),
    surplus: Math.max(balance, 0),
  };
}

interface Accumulator {
  demand: number;
  projected: number;
  actual: number;
  placements: number;
  hires: number;
  partners: Set<number>;
}

function cellsBy(
  years: readonly number[],
  keyOfDemand: (l: DemandLineInput) => string,
  keyOfSupply: ((s: SupplyRow) => string) | null,
  keyOfPlacement: (p: PlacementInput) => string | null,
  input: GapInput,
): Map<string, GapCellValue[]> {
  const yearSet = new Set(years);
  const acc = new Map<string, Map<number, Accumulator>>();
  const at = (key: string, year: number) => {
    let byYear = acc.get(key);
    if (!byYear) {
      byYear = new Map();
      acc.set(key, byYear);
    }
    let a = byYear.get(year);
    if (!a) {
      a = { demand: 0, projected: 0, actual: 0, placements: 0, hires: 0, partners: new Set() };
      byYear.set(year, a);
    }
    return a;
  };
  for (const l of input.demand) {
    if (!yearSet.has(l.year)) continue;
    const a = at(keyOfDemand(l), l.year);
    a.demand += l.headcount;
    a.partners.add(l.organisationId);
  }
  if (keyOfSupply)
    for (const s of input.supply) {
      if (!yearSet.has(s.year)) continue;
      const a = at(keyOfSupply(s), s.year);
      a.projected += s.projected;
      a.actual += s.actual;
    }
  for (const p of input.placements ?? []) {
    const key = keyOfPlacement(p);
    if (!yearSet.has(p.year) || key === null) continue;
    const a = at(key, p.year);
    a.placements += p.placements;
    a.hires += p.hires;
  }
  const out = new Map<string, GapCellValue[]>();
  for (const [key, byYear] of acc) {
    out.set(
      key,
      years.map((year) => {
        const a = byYear.get(year);
        return gapCell({
          year,
          demand: a?.demand ?? 0,
          projected: a?.projected ?? 0,
          actual: a?.actual ?? 0,
          placements: input.placements ? (a?.placements ?? 0) : null,
          hires: input.placements ? (a?.hires ?? 0) : null,
          partners: a?.partners.size ?? 0,
        });
      }),
    );
  }
  return out;
}

export interface GapInput {
  years: readonly number[];
  demand: readonly DemandLineInput[];
  supply: readonly SupplyRow[];
  /** Null while placements are not recorded: the cells' placements and hires are null then. */
  placements: readonly PlacementInput[] | null;
  /** The region code of the home university's campus, whose supply the graduates are; null when unknown. */
  homeRegion?: string | null;
}

export interface GapTables {
  groups: { programmeGroup: string; priorityArea: string | null; cells: GapCellValue[]; shortfall: number }[];
  areas: { priorityArea: string; cells: GapCellValue[] }[];
  regions: { region: string; cells: GapCellValue[] }[];
}

/** The most frequent value of a list (ties: the first in sort order), or null for an empty list. */
function modeOf(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of [...counts].sort(([a], [b]) => a.localeCompare(b)))
    if (best === null || n > counts.get(best)!) best = v;
  return best;
}

/**
 * Demand against supply by programme group, priority area and region, for each of `years` (see the formulas at the
 * top of this file). Groups by code, areas and regions by code; a group's area is its programmes' (the most
 * frequent), else its lines'.
 */
export function computeGaps(input: GapInput): GapTables {
  const years = [...input.years].sort((a, b) => a - b);
  const groupCells = cellsBy(
    years,
    (l) => l.programmeGroup,
    (s) => s.programmeGroup,
    (p) => p.programmeGroup,
    input,
  );
  const areaCells = cellsBy(
    years,
    (l) => l.priorityArea,
    (s) => s.priorityArea,
    (p) => p.priorityArea,
    input,
  );
  const homeRegion = input.homeRegion ?? null;
  const regionCells = cellsBy(
    years,
    (l) => l.region,
    homeRegion === null ? null : () => homeRegion,
    (p) => p.region,
    input,
  );
  const groups = [...groupCells.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([programmeGroup, cells]) => ({
      programmeGroup,
      priorityArea:
        modeOf(input.supply.filter((s) => s.programmeGroup === programmeGroup).map((s) => s.priorityArea)) ??
        modeOf(input.demand.filter((l) => l.programmeGroup === programmeGroup).map((l) => l.priorityArea)),
      cells,
      shortfall: round2(cells.reduce((sum, c) => sum + c.shortfall, 0)),
    }));
  const areas = [...areaCells.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([priorityArea, cells]) => ({ priorityArea, cells }));
  const regions = [...regionCells.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([region, cells]) => ({ region, cells }));
  return { groups, areas, regions };
}

/**
 * The level a programme version teaches each competency to, from its analysis: the best cell of the competency's
 * column of the matrix (disciplines and practices), promised or not.
 */
export function taughtLevels(analysis: Pick<ProgrammeAnalysis, 'columns' | 'cells'>): Map<number, number> {
  const levels = new Map<number, number>();
  analysis.columns.forEach((column, c) => {
    let best = 0;
    for (const row of analysis.cells) best = Math.max(best, row[c] ?? 0);
    if (best > 0) levels.set(column.competencyId, best);
  });
  return levels;
}

/** An active programme version's taught levels (taughtLevels of its analysis). */
export interface TaughtProgramme {
  programmeId: number;
  code: string;
  programmeGroup: string;
  levels: ReadonlyMap<number, number>;
}

/**
 * The taught programmes from rows of (programme, competency, best level over its active versions), as the
 * repository aggregates them: the same levels as taughtLevels of each active version's analysis, merged per
 * programme by their maximum (which is all skillGaps reads). Sorted by programme id.
 */
export function taughtProgrammes(
  rows: readonly {
    programmeId: number;
    code: string;
    programmeGroup: string;
    competencyId: number;
    level: number;
  }[],
): TaughtProgramme[] {
  const byProgramme = new Map<number, TaughtProgramme & { levels: Map<number, number> }>();
  for (const r of rows) {
    let p = byProgramme.get(r.programmeId);
    if (!p) {
      p = { programmeId: r.programmeId, code: r.code, programmeGroup: r.programmeGroup, levels: new Map() };
      byProgramme.set(r.programmeId, p);
    }
    if (r.level > 0) p.levels.set(r.competencyId, Math.max(p.levels.get(r.competencyId) ?? 0, r.level));
  }
  return [...byProgramme.values()].sort((a, b) => a.programmeId - b.programmeId);
}

export interface SkillGap {
  competencyId: number;
  programmeGroup: string;
  levelAsked: number;
  bestLevelInGroup: number;
  bestLevelAnywhere: number;
  /** The programme teaching it best anywhere (lowest id among equals), or null when none teaches it. */
  bestProgramme: { id: number; code: string } | null;
  /** People asked with it (sum of the headcounts of the lines requiring it) and distinct partners asking. */
  headcount: number;
  partners: number;
}

/**
 * Skill gaps: per programme group and competency the lines of the group require, the level asked against the
 * best level the group's programmes teach (see the top of this file). Sorted by headcount (most asked first),
 * then group and competency.
 */
export function skillGaps(input: {
  demand: readonly DemandLineInput[];
  programmes: readonly TaughtProgramme[];
}): SkillGap[] {
  const asked = new Map<
    string,
    { group: string; competencyId: number; level: number; headcount: number; partners: Set<number> }
  >();
  for (const l of input.demand)
    for (const c of l.competencies ?? []) {
      const key = `${l.programmeGroup}:${c.competencyId}`;
      const a = asked.get(key) ?? {
        group: l.programmeGroup,
        competencyId: c.competencyId,
        level: 0,
        headcount: 0,
        partners: new Set<number>(),
      };
      a.level = Math.max(a.level, c.level);
      a.headcount += l.headcount;
      a.partners.add(l.organisationId);
      asked.set(key, a);
    }
  const programmes = [...input.programmes].sort((a, b) => a.programmeId - b.programmeId);
  const gaps: SkillGap[] = [];
  for (const a of asked.values()) {
    let inGroup = 0;
    let anywhere = 0;
    let bestProgramme: SkillGap['bestProgramme'] = null;
    for (const p of programmes) {
      const level = p.levels.get(a.competencyId) ?? 0;
      if (p.programmeGroup === a.group) inGroup = Math.max(inGroup, level);
      if (level > anywhere) {
        anywhere = level;
        bestProgramme = { id: p.programmeId, code: p.code };
      }
    }
    if (inGroup >= a.level) continue;
    gaps.push({
      competencyId: a.competencyId,
      programmeGroup: a.group,
      levelAsked: a.level,
      bestLevelInGroup: inGroup,
      bestLevelAnywhere: anywhere,
      bestProgramme,
      headcount: a.headcount,
      partners: a.partners.size,
    });
  }
  return gaps.sort(
    (x, y) =>
      y.headcount - x.headcount ||
      x.programmeGroup.localeCompare(y.programmeGroup) ||
      x.competencyId - y.competencyId,
  );
}
