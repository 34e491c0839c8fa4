import { schema } from '@kadr/db';
import type { DemoContext } from './demo-context.ts';
import type { SeededAssets } from './material-base-demo.ts';
import {
  type DemoProgramme,
  type DemoVersion,
  demoProgrammes,
  disciplinesOf,
  parseLevels,
} from './programmes-demo-data.ts';

/** A seeded discipline, as the students and bookings seeders need it. */
export interface SeededDiscipline {
  id: number;
  code: string;
  nameRu: string;
  semester: number;
  credits: number;
}

/** A seeded programme version with its absolute first academic year and its disciplines. */
export interface SeededVersion {
  id: number;
  programme: DemoProgramme;
  number: number;
  status: DemoVersion['status'];
  startYear: number;
  /** The first academic year of the next version (students admitted from then on enrol in it), or null. */
  endYear: number | null;
  disciplines: SeededDiscipline[];
}

/** Who the programme seeder needs: the coordinator who drafts versions, a partner user per co-developer. */
export interface ProgrammeSeedPeople {
  coordinatorId: number;
  partnerUserIds: Map<string, number>;
}

/** The academic year a calendar day falls in (2026 for 2026/27): it starts on 1 September. */
export function academicYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 9 ? year : year - 1;
}

const at = (day: string) => new Date(`${day}T06:00:00.000Z`);

/** When each version was submitted, approved and activated (history: the June before its first year). */
function versionDates(d: DemoContext, v: DemoVersion, startYear: number, next: number | null) {
  if (v.status === 'draft') {
    return {
      submittedAt: at(d.date('-12')),
      activatedAt: null,
      supersededAt: null,
      approvedOn: (i: number) => at(d.date(`-${8 - i}`)),
    };
  }
  const activated = `${startYear}-06-20`;
  return {
    submittedAt: at(`${startYear}-05-15`),
    activatedAt: at(activated),
    supersededAt: next === null ? null : at(`${next}-06-20`),
    approvedOn: (i: number, last: boolean) =>
      at(last ? activated : `${startYear}-06-${String(1 + i * 5).padStart(2, '0')}`),
  };
}

/** Resolves `LAB` / `LAB#i` references to lab and equipment ids. */
function assetResolver(assets: SeededAssets) {
  const labIds = new Map(assets.labs.map((l) => [l.lab.code, l.id]));
  return (text: string) => {
    const labs: number[] = [];
    const items: number[] = [];
    for (const ref of text.split(' ').filter(Boolean)) {
      const [code, index] = ref.split('#');
      if (index === undefined) labs.push(labIds.get(code!)!);
      else items.push(assets.items.filter((item) => item.labCode === code)[Number(index)]!.id);
    }
    return { labs, items };
  };
}

async function insertVersions(
  d: DemoContext,
  people: ProgrammeSeedPeople,
  agreementIds: Map<string, number>,
): Promise<Omit<SeededVersion, 'disciplines'>[]> {
  const stamps = { createdAt: d.now, updatedAt: d.now };
  const academicYear = academicYearOf(d.today);
  const programmeRows = await d.tx
    .insert(schema.programmes)
    .values(
      demoProgrammes.map(({ code, programmeGroup, level, priorityArea, name, languages, ...p }) => ({
        code,
        programmeGroup,
        level,
        priorityArea,
        nameRu: name[0],
        nameKk: name[1],
        nameEn: name[2],
        languages,
        credits: p.credits,
        durationSemesters: p.durationSemesters,
        degreeType: p.degreeType,
        ...stamps,
      })),
    )
    .returning();
  const codevelopers = demoProgrammes.flatMap((p, i) =>
    p.codevelopers.map((c) => ({
      programmeId: programmeRows[i]!.id,
      organisationId: d.organisationIds.get(c.partner)!,
      contributions: c.contributions,
      note: c.note,
      agreementId: c.agreement ? agreementIds.get(c.agreement)! : null,
    })),
  );
  await d.tx.insert(schema.programmeCodevelopers).values(codevelopers);
  for (const row of programmeRows)
    d.record('programme', row.id, {
      ...row,
      codevelopers: codevelopers.filter((c) => c.programmeId === row.id),
    });

  const planned = demoProgrammes.flatMap((programme, i) =>
    programme.versions.map((v) => {
      const startYear = academicYear + v.startYear;
      const next = programme.versions.find((n) => n.number === v.number + 1);
      const endYear = next && next.status !== 'draft' ? academicYear + next.startYear : null;
      return { programme, programmeId: programmeRows[i]!.id, v, startYear, endYear };
    }),
  );
  const versionRows = await d.tx
    .insert(schema.programmeVersions)
    .values(
      planned.map(({ programmeId, v, startYear, endYear }) => {
        const { submittedAt, activatedAt, supersededAt } = versionDates(d, v, startYear, endYear);
        return {
          programmeId,
          number: v.number,
          status: v.status,
          startYear,
          note: v.note,
          createdBy: people.coordinatorId,
          submittedAt,
          activatedAt,
          supersededAt,
          ...stamps,
        };
      }),
    )
    .returning();
  const approvals = planned.flatMap(({ v, startYear, endYear }, i) => {
    const dates = versionDates(d, v, startYear, endYear);
    return v.approvedBy.map((partner, k) => ({
      versionId: versionRows[i]!.id,
      organisationId: d.organisationIds.get(partner)!,
      userId: people.partnerUserIds.get(partner)!,
      approvedAt: dates.approvedOn(k, k === v.approvedBy.length - 1),
      comment: '',
    }));
  });
  if (approvals.length > 0) await d.tx.insert(schema.programmeVersionApprovals).values(approvals);
  for (const row of versionRows)
    d.record('programme_version', row.id, {
      ...row,
      approvals: approvals.filter((a) => a.versionId === row.id),
    });
  return planned.map(({ programme, v, startYear, endYear }, i) => ({
    id: versionRows[i]!.id,
    programme,
    number: v.number,
    status: v.status,
    startYear,
    endYear,
  }));
}

/** Disciplines, their labs and equipment, equivalences, learning outcomes and promised competencies. */
async function insertCurricula(
  d: DemoContext,
  versions: Omit<SeededVersion, 'disciplines'>[],
  assets: SeededAssets,
  competencyIds: Map<string, number>,
): Promise<SeededVersion[]> {
  const stamps = { createdAt: d.now, updatedAt: d.now };
  const planned = versions.flatMap((version) =>
    disciplinesOf(version.programme, version.number).map((discipline) => ({ version, discipline })),
  );
  const rows = await d.tx
    .insert(schema.disciplines)
    .values(
      planned.map(({ version, discipline: x }) => ({
        versionId: version.id,
        code: x.code,
        nameRu: x.name[0],
        nameKk: x.name[1],
        nameEn: x.name[2],
        credits: x.credits,
        ects: x.credits,
        semester: x.semester,
        cycle: x.cycle,
        component: x.component,
        ...stamps,
      })),
    )
    .returning();
  const resolve = assetResolver(assets);
  const uses = planned.map(({ discipline }) => resolve(discipline.assets));
  const labLinks = uses.flatMap((u, i) => u.labs.map((labId) => ({ disciplineId: rows[i]!.id, labId })));
  const itemLinks = uses.flatMap((u, i) =>
    u.items.map((equipmentId) => ({ disciplineId: rows[i]!.id, equipmentId })),
  );
  if (labLinks.length > 0) await d.tx.insert(schema.disciplineLabs).values(labLinks);
  if (itemLinks.length > 0) await d.tx.insert(schema.disciplineEquipment).values(itemLinks);
  for (const [i, row] of rows.entries())
    d.record('discipline', row.id, { ...row, labIds: uses[i]!.labs, equipmentIds: uses[i]!.items });

  const disciplineId = (versionId: number, code: string) =>
    rows.find((r) => r.versionId === versionId && r.code === code)!.id;
  const equivalences = versions.flatMap((version) =>
    version.programme.equivalences.map(({ discipline, partner, ...e }) => ({
      disciplineId: disciplineId(version.id, discipline),
      organisationId: d.organisationIds.get(partner)!,
      ...e,
      ...stamps,
    })),
  );
  for (const row of await d.tx.insert(schema.creditEquivalences).values(equivalences).returning())
    d.record('credit_equivalence', row.id, row);

  const outcomes = [
    ...planned.flatMap(({ version, discipline }, i) =>
      parseLevels(discipline.outcomes).map(([code, level]) => ({
        versionId: version.id,
        disciplineId: rows[i]!.id,
        practiceType: null,
        competencyId: competencyIds.get(code)!,
        targetLevel: level,
        ...stamps,
      })),
    ),
    ...versions.flatMap((version) =>
      version.programme.practices.flatMap(([practiceType, text]) =>
        parseLevels(text).map(([code, level]) => ({
          versionId: version.id,
          disciplineId: null,
          practiceType,
          competencyId: competencyIds.get(code)!,
          targetLevel: level,
          ...stamps,
        })),
      ),
    ),
  ];
  for (const row of await d.tx.insert(schema.learningOutcomes).values(outcomes).returning())
    d.record('learning_outcome', row.id, row);
  const promised = versions.flatMap((version) =>
    parseLevels(version.programme.promise).map(([code, level]) => ({
      versionId: version.id,
      competencyId: competencyIds.get(code)!,
      targetLevel: level,
    })),
  );
  await d.tx.insert(schema.programmeCompetencies).values(promised);
  for (const version of versions)
    d.record('programme_competencies', version.id, {
      versionId: version.id,
      promised: promised.filter((p) => p.versionId === version.id),
    });

  return versions.map((version) => ({
    ...version,
    disciplines: rows
      .filter((r) => r.versionId === version.id)
      .map((r) => ({ id: r.id, code: r.code, nameRu: r.nameRu, semester: r.semester, credits: r.credits })),
  }));
}

/**
 * Seeds the demo programmes (programmes-demo-data.ts): programmes with their co-developers, versions with
 * approvals (one superseded, one draft waiting for ERG), disciplines with the labs and equipment they use,
 * credit equivalences, learning outcomes and promised competencies. Bulk inserts, audited as `system:seed`.
 */
export async function seedProgrammesDemo(
  d: DemoContext,
  options: {
    agreementIds: Map<string, number>;
    assets: SeededAssets;
    competencyIds: Map<string, number>;
    people: ProgrammeSeedPeople;
  },
): Promise<SeededVersion[]> {
  const versions = await insertVersions(d, options.people, options.agreementIds);
  return insertCurricula(d, versions, options.assets, options.competencyIds);
}
