/**
 * The demo's declared workforce demand (issue 13 items 1-3): the plans of the industrial partners for this year
 * and the next four, in the demo's programme groups, so that the gap page's heat map reads: a growing shortfall
 * of metallurgy engineers (B074: ERG, KAZ Minerals and Prommashkomplekt ask for more than the Metallurgy programme
 * graduates, with Industry 4.0 competencies it does not teach to the level asked), petrochemistry about balanced
 * (B072), and energy and IT in surplus. ERG revised its plan for next year (version 2 supersedes version 1).
 *
 * The occupations are concepts of the ESCO occupations pillar (ESCO v1.2.0, `occupations_en.csv`): each URI is the
 * concept's, and the English label its preferred label (the Kazakh and Russian ones are the partners' words). ESCO has no "metallurgical engineer" concept;
 * its nearest, "metallurgist" (ISCO 2146.5), stands for it. ESCO puts each occupation in exactly one ISCO-08 unit
 * group (`iscoGroup` of occupations_en.csv, copied below); the national classifier of occupations builds on those
 * unit groups (its codes' first four digits), so the national code recorded is that unit group: the classifier's
 * finer codes could not be checked here and none is invented (docs/capabilities/demand.md).
 */
import type { PriorityArea, Region } from '@kadr/contracts';

/**
 * An occupation of the demo: an ESCO concept URI, its label in kk, ru and en, the ISCO-08 unit group ESCO gives it, and the
 * national classifier code recorded (the unit group).
 */
export interface DemoOccupation {
  uri: string;
  label: { kk: string; ru: string; en: string };
  iscoGroup: string;
  nationalCode: string;
}

const occupation = (
  escoId: string,
  [ru, kk, en]: readonly [string, string, string],
  iscoGroup: string,
): DemoOccupation => ({
  uri: `http://data.europa.eu/esco/occupation/${escoId}`,
  label: { kk, ru, en },
  iscoGroup,
  nationalCode: iscoGroup,
});

export const DEMO_OCCUPATIONS = {
  metallurgist: occupation(
    'bcf8f332-c7e1-4a08-8651-28d668290eaf',
    ['Инженер-металлург', 'Металлург-инженер', 'metallurgist'],
    '2146',
  ),
  processEngineer: occupation(
    '4efee3ed-de09-44c6-bd4a-d9eaafd04683',
    [
      'Инженер-технолог металлургического производства',
      'Металлургиялық өндірістің технолог-инженері',
      'process metallurgist',
    ],
    '2146',
  ),
  processChemist: occupation(
    'ec21ce88-ce14-49b6-be0a-cc53cf5a3a67',
    ['Инженер-химик-технолог', 'Химик-технолог инженер', 'chemical engineer'],
    '2145',
  ),
  powerEngineer: occupation(
    '58db3ac6-5217-4d46-8a4c-126598be1d13',
    ['Инженер-энергетик', 'Энергетик-инженер', 'electric power generation engineer'],
    '2151',
  ),
  dataEngineer: occupation(
    '2079755f-d809-49e6-8037-4de6180e54c0',
    ['Инженер по данным', 'Деректер жөніндегі инженер', 'data engineer'],
    '2511',
  ),
  automationEngineer: occupation(
    'bb609566-3ab6-44dd-8f48-cf0b15b96827',
    ['Инженер АСУ ТП', 'ТП АБЖ инженері', 'automation engineer'],
    '2141',
  ),
} as const;

/** A line of a demo plan; the headcount of each year from this year on (index 0 = this year). */
export interface DemoDemandLine {
  occupation: DemoOccupation;
  programmeGroup: string;
  priorityArea: PriorityArea;
  region: Region;
  headcounts: readonly number[];
  /** Required competencies as `FRAMEWORK/CODE:level`, space-separated. */
  competencies: string;
}

/** A partner's demand: its lines, each giving a headcount per year. */
export interface DemoDemand {
  partner: string;
  lines: DemoDemandLine[];
  /** Earlier versions for a year (offset from this year): their lines' headcounts, and days before today. */
  revisions?: { yearOffset: number; headcounts: Record<number, number>; daysAgo: number; note: string }[];
  note: string;
}

const METALLURGY_SKILLS = 'I40/I4.2.1:4 I40/I4.3.2:3 CDIO/4.6.1:4 CDIO/2.1.2:3 I40/I4.1.3:3';

export const demoDemand: DemoDemand[] = [
  {
    partner: 'ERG',
    note: 'Потребность алюминиевого и ферросплавного заводов',
    lines: [
      {
        occupation: DEMO_OCCUPATIONS.metallurgist,
        programmeGroup: 'B074',
        priorityArea: 'metallurgy',
        region: 'pavlodar',
        headcounts: [28, 34, 38, 42, 45],
        competencies: METALLURGY_SKILLS,
      },
      {
        occupation: DEMO_OCCUPATIONS.processEngineer,
        programmeGroup: 'B074',
        priorityArea: 'metallurgy',
        region: 'kostanay',
        headcounts: [6, 8, 8, 10, 10],
        competencies: 'CDIO/4.6.1:3 I40/I4.2.1:3',
      },
      {
        occupation: DEMO_OCCUPATIONS.powerEngineer,
        programmeGroup: 'B062',
        priorityArea: 'energy',
        region: 'pavlodar',
        headcounts: [6, 6, 7, 7, 8],
        competencies: '',
      },
      {
        occupation: DEMO_OCCUPATIONS.dataEngineer,
        programmeGroup: 'B057',
        priorityArea: 'it',
        region: 'astana',
        headcounts: [4, 5, 5, 6, 6],
        competencies: '',
      },
    ],
    revisions: [{ yearOffset: 1, headcounts: { 0: 26, 1: 6 }, daysAgo: 210, note: 'Первоначальный план' }],
  },
  {
    partner: 'KAZ Minerals Bozshakol',
    note: 'Обогатительная фабрика и металлургический передел',
    lines: [
      {
        occupation: DEMO_OCCUPATIONS.metallurgist,
        programmeGroup: 'B074',
        priorityArea: 'metallurgy',
        region: 'pavlodar',
        headcounts: [12, 15, 18, 20, 22],
        competencies: 'I40/I4.2.1:4 CDIO/4.6.1:3',
      },
      {
        occupation: DEMO_OCCUPATIONS.automationEngineer,
        programmeGroup: 'B057',
        priorityArea: 'it',
        region: 'pavlodar',
        headcounts: [3, 4, 4, 5, 5],
        competencies: '',
      },
    ],
  },
  {
    partner: 'Prommashkomplekt',
    note: 'Литейное производство и энергохозяйство',
    lines: [
      {
        occupation: DEMO_OCCUPATIONS.metallurgist,
        programmeGroup: 'B074',
        priorityArea: 'metallurgy',
        region: 'astana',
        headcounts: [6, 8, 8, 10, 10],
        competencies: 'CDIO/2.1.2:3',
      },
      {
        occupation: DEMO_OCCUPATIONS.powerEngineer,
        programmeGroup: 'B062',
        priorityArea: 'energy',
        region: 'astana',
        headcounts: [5, 5, 6, 6, 6],
        competencies: '',
      },
    ],
  },
  {
    partner: 'POCR LLP',
    note: 'Павлодарский НХЗ: модернизация установок',
    lines: [
      {
        occupation: DEMO_OCCUPATIONS.processChemist,
        programmeGroup: 'B072',
        priorityArea: 'petrochemistry',
        region: 'pavlodar',
        headcounts: [12, 14, 15, 15, 16],
        competencies: '',
      },
    ],
  },
  {
    partner: 'Nephtechim LTD',
    note: '',
    lines: [
      {
        occupation: DEMO_OCCUPATIONS.processChemist,
        programmeGroup: 'B072',
        priorityArea: 'petrochemistry',
        region: 'pavlodar',
        headcounts: [8, 10, 10, 12, 12],
        competencies: '',
      },
    ],
  },
];
