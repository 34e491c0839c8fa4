import { describe, expect, it } from 'vitest';
import { analyseProgramme } from '../competencies/analysis.ts';
import { computeGaps, gapCell, skillGaps, taughtLevels, taughtProgrammes } from './gaps.ts';
import { academicYearOf, dueGraduationYear, projectSupply, type SupplyEnrolment } from './supply.ts';

const enrolment = (over: Partial<SupplyEnrolment>): SupplyEnrolment => ({
  programmeId: 1,
  programmeGroup: 'B074',
  priorityArea: 'metallurgy',
  durationSemesters: 8,
  admissionYear: 2025,
  status: 'active',
  endedYear: null,
  ...over,
});

describe('academic years and due graduation', () => {
  it('starts the academic year in September', () => {
    expect(academicYearOf('2026-08-31')).toBe(2025);
    expect(academicYearOf('2026-09-01')).toBe(2026);
    expect(academicYearOf('2026-12-06')).toBe(2026);
  });
  it('rounds an odd number of semesters up to whole years', () => {
    expect(dueGraduationYear(2025, 8)).toBe(2029);
    expect(dueGraduationYear(2025, 3)).toBe(2027);
  });
});

describe('projectSupply', () => {
  it('applies the yearly attrition to each academic year still to study, the current one included', () => {
    const rows = projectSupply({
      today: '2026-12-06',
      attritionRate: 0.1,
      enrolments: [enrolment({ admissionYear: 2025, count: 100 })],
    });
    // due 2029; academic year 2026: 3 years to study (2026/27, 2027/28, 2028/29): 100 × 0.9³ = 72.9
    expect(rows).toEqual([
      {
        programmeId: 1,
        programmeGroup: 'B074',
        priorityArea: 'metallurgy',
        year: 2029,
        projected: 72.9,
        actual: 0,
      },
    ]);
  });

  it('projects an active student past the due year to the next commencement, and ignores leave and withdrawal', () => {
    const rows = projectSupply({
      today: '2026-12-06',
      attritionRate: 0.5,
      enrolments: [
        enrolment({ admissionYear: 2020 }),
        enrolment({ admissionYear: 2024, status: 'on-leave' }),
        enrolment({ admissionYear: 2024, status: 'withdrawn', endedYear: 2025 }),
      ],
    });
    expect(rows).toEqual([expect.objectContaining({ year: 2027, projected: 0.5, actual: 0 })]);
  });

  it('counts graduates in the year they ended, or the due year without an end date', () => {
    const rows = projectSupply({
      today: '2026-12-06',
      attritionRate: 0,
      enrolments: [
        enrolment({ admissionYear: 2021, status: 'graduated', endedYear: 2025, count: 3 }),
        enrolment({ admissionYear: 2022, status: 'graduated', endedYear: null }),
      ],
    });
    expect(rows.map((r) => [r.year, r.actual, r.projected])).toEqual([
      [2025, 3, 0],
      [2026, 1, 0],
    ]);
  });

  it('refuses an attrition rate outside [0, 1)', () => {
    expect(() => projectSupply({ today: '2026-12-06', attritionRate: 1, enrolments: [] })).toThrow(
      RangeError,
    );
    expect(() => projectSupply({ today: '2026-12-06', attritionRate: -0.1, enrolments: [] })).toThrow(
      RangeError,
    );
  });
});

describe('computeGaps', () => {
  const supply = [
    {
      programmeId: 1,
      programmeGroup: 'B074',
      priorityArea: 'metallurgy',
      year: 2027,
      projected: 20.5,
      actual: 0,
    },
    { programmeId: 2, programmeGroup: 'B057', priorityArea: 'it', year: 2027, projected: 30, actual: 0 },
  ];
  const demand = [
    {
      organisationId: 10,
      year: 2027,
      programmeGroup: 'B074',
      priorityArea: 'metallurgy',
      region: 'pavlodar',
      headcount: 40,
    },
    {
      organisationId: 11,
      year: 2027,
      programmeGroup: 'B074',
      priorityArea: 'metallurgy',
      region: 'karaganda',
      headcount: 10,
    },
    {
      organisationId: 10,
      year: 2028,
      programmeGroup: 'B057',
      priorityArea: 'it',
      region: 'astana',
      headcount: 5,
    },
    {
      organisationId: 10,
      year: 2031,
      programmeGroup: 'B057',
      priorityArea: 'it',
      region: 'astana',
      headcount: 99,
    },
  ];

  it('puts demand against supply per group and year with the shortfall or surplus', () => {
    const { groups } = computeGaps({ years: [2027, 2028], demand, supply, placements: null });
    expect(groups.map((g) => g.programmeGroup)).toEqual(['B057', 'B074']);
    const metallurgy = groups[1]!;
    expect(metallurgy.priorityArea).toBe('metallurgy');
    expect(metallurgy.cells[0]).toEqual({
      year: 2027,
      demand: 50,
      projected: 20.5,
      actual: 0,
      supply: 20.5,
      balance: -29.5,
      shortfall: 29.5,
      surplus: 0,
      placements: null,
      hires: null,
      partners: 2,
    });
    expect(metallurgy.shortfall).toBe(29.5);
    const it2027 = groups[0]!.cells[0]!;
    expect([it2027.demand, it2027.surplus, it2027.shortfall]).toEqual([0, 30, 0]);
    expect(groups[0]!.cells[1]).toMatchObject({ year: 2028, demand: 5, supply: 0, shortfall: 5 });
  });

  it('leaves years outside the range out; a region without the campus has its demand only', () => {
    const { regions, areas } = computeGaps({ years: [2027], demand, supply, placements: null });
    expect(regions.map((r) => [r.region, r.cells[0]!.demand, r.cells[0]!.supply])).toEqual([
      ['karaganda', 10, 0],
      ['pavlodar', 40, 0],
    ]);
    expect(areas.find((a) => a.priorityArea === 'it')!.cells[0]).toMatchObject({ demand: 0, supply: 30 });
  });

  it("gives the campus's region the graduates and each region the placements and hires of its practices", () => {
    const { regions, groups } = computeGaps({
      years: [2027],
      demand,
      supply,
      homeRegion: 'pavlodar',
      placements: [
        {
          programmeGroup: 'B074',
          priorityArea: 'metallurgy',
          region: 'karaganda',
          year: 2027,
          placements: 4,
          hires: 1,
        },
        {
          programmeGroup: 'B074',
          priorityArea: 'metallurgy',
          region: null,
          year: 2027,
          placements: 2,
          hires: 0,
        },
      ],
    });
    expect(regions.find((r) => r.region === 'pavlodar')!.cells[0]).toMatchObject({
      demand: 40,
      supply: 50.5,
      surplus: 10.5,
      placements: 0,
    });
    expect(regions.find((r) => r.region === 'karaganda')!.cells[0]).toMatchObject({
      demand: 10,
      supply: 0,
      shortfall: 10,
      placements: 4,
      hires: 1,
    });
    // a practice in no Kazakh region counts in its group, in no region
    expect(groups.find((g) => g.programmeGroup === 'B074')!.cells[0]).toMatchObject({
      placements: 6,
      hires: 1,
    });
  });

  it('counts placements and hires when they are recorded', () => {
    const { groups } = computeGaps({
      years: [2027],
      demand,
      supply,
      placements: [
        {
          programmeGroup: 'B074',
          priorityArea: 'metallurgy',
          region: 'pavlodar',
          year: 2027,
          placements: 7,
          hires: 3,
        },
      ],
    });
    expect(groups.find((g) => g.programmeGroup === 'B074')!.cells[0]).toMatchObject({
      placements: 7,
      hires: 3,
    });
    expect(groups.find((g) => g.programmeGroup === 'B057')!.cells[0]).toMatchObject({
      placements: 0,
      hires: 0,
    });
  });

  it('rounds a cell to hundredths', () => {
    expect(
      gapCell({
        year: 1,
        demand: 1,
        projected: 0.333333,
        actual: 0,
        placements: null,
        hires: null,
        partners: 1,
      }),
    ).toMatchObject({ projected: 0.33, balance: -0.67, shortfall: 0.67 });
  });
});

describe('skillGaps', () => {
  const analysis = analyseProgramme({
    disciplines: [{ id: 1, semester: 1, credits: 5 }],
    competencies: [
      { id: 100, type: 'skill' },
      { id: 101, type: 'knowledge' },
    ],
    outcomes: [
      { disciplineId: 1, practiceType: null, competencyId: 100, targetLevel: 2 },
      { disciplineId: null, practiceType: 'industrial', competencyId: 101, targetLevel: 4 },
    ],
    promised: [{ competencyId: 100, targetLevel: 3 }],
  });

  it('reads the taught level from the analysis matrix, practices included', () => {
    expect([...taughtLevels(analysis)]).toEqual([
      [100, 2],
      [101, 4],
    ]);
  });

  it('finds competencies the group teaches below the level asked, and where they are taught best', () => {
    const programmes = [
      { programmeId: 1, code: '6B07203', programmeGroup: 'B074', levels: taughtLevels(analysis) },
      { programmeId: 2, code: '6B06101', programmeGroup: 'B057', levels: new Map([[102, 4]]) },
    ];
    const line = (
      organisationId: number,
      headcount: number,
      competencies: { competencyId: number; level: number }[],
    ) => ({
      organisationId,
      year: 2027,
      programmeGroup: 'B074',
      priorityArea: 'metallurgy',
      region: 'pavlodar',
      headcount,
      competencies,
    });
    const gaps = skillGaps({
      programmes,
      demand: [
        line(10, 30, [
          { competencyId: 100, level: 3 }, // taught to 2: a gap
          { competencyId: 101, level: 4 }, // taught to 4 by practice: no gap
          { competencyId: 102, level: 3 }, // not taught in the group, taught to 4 in B057
        ]),
        line(11, 5, [{ competencyId: 100, level: 2 }]),
        line(11, 40, [{ competencyId: 103, level: 1 }]), // taught nowhere
      ],
    });
    expect(gaps).toEqual([
      {
        competencyId: 103,
        programmeGroup: 'B074',
        levelAsked: 1,
        bestLevelInGroup: 0,
        bestLevelAnywhere: 0,
        bestProgramme: null,
        headcount: 40,
        partners: 1,
      },
      {
        competencyId: 100,
        programmeGroup: 'B074',
        levelAsked: 3,
        bestLevelInGroup: 2,
        bestLevelAnywhere: 2,
        bestProgramme: { id: 1, code: '6B07203' },
        headcount: 35,
        partners: 2,
      },
      {
        competencyId: 102,
        programmeGroup: 'B074',
        levelAsked: 3,
        bestLevelInGroup: 0,
        bestLevelAnywhere: 4,
        bestProgramme: { id: 2, code: '6B06101' },
        headcount: 30,
        partners: 1,
      },
    ]);
  });
});

describe('taughtProgrammes', () => {
  it("groups the aggregated rows per programme, keeping each competency's best level", () => {
    const rows = [
      { programmeId: 2, code: 'P2', programmeGroup: 'B057', competencyId: 7, level: 4 },
      { programmeId: 1, code: 'P1', programmeGroup: 'B074', competencyId: 7, level: 2 },
      { programmeId: 1, code: 'P1', programmeGroup: 'B074', competencyId: 7, level: 3 },
      { programmeId: 1, code: 'P1', programmeGroup: 'B074', competencyId: 8, level: 0 },
    ];
    const programmes = taughtProgrammes(rows);
    expect(programmes.map((p) => [p.programmeId, [...p.levels]])).toEqual([
      [1, [[7, 3]]],
      [2, [[7, 4]]],
    ]);
    expect(
      skillGaps({
        demand: [
          {
            organisationId: 1,
            year: 2027,
            programmeGroup: 'B074',
            priorityArea: 'metallurgy',
            region: 'pavlodar',
            headcount: 5,
            competencies: [{ competencyId: 7, level: 4 }],
          },
        ],
        programmes,
      }),
    ).toMatchObject([
      { competencyId: 7, bestLevelInGroup: 3, bestLevelAnywhere: 4, bestProgramme: { id: 2, code: 'P2' } },
    ]);
  });
});
