/**
 * Demo partnerships of the founding context (DESIGN.md): PPPs with the refinery, the metals group,
 * the petrochemical plant, the machine builder and the copper mine; joint programmes with Brunel,
 * Lund and UPV (see partner-facts-demo-data.ts).
 *
 * The demo has to look alive on whatever day it is seeded, so its dates come in two kinds: history
 * (signing dates, obligations met or ended before 2026, terminations) is written as fixed dates and stays
 * history; everything the screens judge against today (the expiry of active agreements, obligations due
 * or met from 2026 on) is written `+N`/`-N`, days from the seed day. So one agreement always expires in
 * 45 days, a few obligations are always overdue, none of the active ones lapses as years pass, and no
 * obligation is met in the future.
 */
import type { AgreementKind, Trilingual } from '@kadr/contracts';

/** An agreement of the demo; `validUntil` may be relative to the seed day (`+45`). */
export interface DemoAgreement {
  number: string;
  kind: AgreementKind;
  title: Trilingual;
  partners: string[];
  status: 'draft' | 'active' | 'terminated';
  signedOn: string | null;
  validUntil: string | null;
  terminatedOn?: string;
  obligations: DemoObligation[];
}

/**
 * An obligation; met ones carry evidence. `dueOn` and `metOn` may be relative to the seed day; then a year in the
 * title is too: `{year}` is the due date's year, `{academicYear}` its academic year (`2026/27` from September).
 */
export interface DemoObligation {
  kind: 'deliverable' | 'instalment' | 'practice_places' | 'equipment_delivery';
  title: Trilingual;
  dueOn: string;
  amountKzt?: number;
  placesPerYear?: number;
  status: 'pending' | 'met' | 'waived';
  metOn?: string;
  evidence?: string;
  url?: string;
}

const t = (ru: string, kk: string, en: string): Trilingual => ({ kk, ru, en });

export const demoAgreements: DemoAgreement[] = [
  {
    number: 'PPP-2016-POCR',
    kind: 'ppp',
    title: t(
      'ГЧП: лаборатория нефтепереработки',
      'МЖӘ: мұнай өңдеу зертханасы',
      'PPP: petroleum process laboratory',
    ),
    partners: ['POCR LLP'],
    status: 'active',
    signedOn: '2016-03-10',
    validUntil: '+1555',
    obligations: [
      {
        kind: 'instalment',
        title: t(
          'Первый транш на оснащение лаборатории',
          'Зертхананы жабдықтауға арналған бірінші транш',
          'First tranche for laboratory equipment',
        ),
        dueOn: '2016-04-30',
        amountKzt: 185_000_000,
        status: 'met',
        metOn: '2016-04-20',
        evidence: 'Платёжное поручение № 1184 от 20.04.2016',
      },
      {
        kind: 'equipment_delivery',
        title: t(
          'Поставка пилотной ректификационной колонны',
          'Пилоттық ректификациялық колоннаны жеткізу',
          'Delivery of the pilot distillation column',
        ),
        dueOn: '2016-09-30',
        status: 'met',
        metOn: '2016-09-12',
        evidence: 'Акт приёма-передачи оборудования № 27',
      },
      {
        kind: 'instalment',
        title: t('Второй транш', 'Екінші транш', 'Second tranche'),
        dueOn: '2016-12-31',
        amountKzt: 96_500_000,
        status: 'met',
        metOn: '2016-11-15',
        evidence: 'Платёжное поручение № 2210 от 15.11.2016',
      },
      {
        kind: 'practice_places',
        title: t(
          'Места производственной практики {year}',
          '{year} жылғы өндірістік практика орындары',
          'Industrial practice places {year}',
        ),
        dueOn: '-188',
        placesPerYear: 25,
        status: 'met',
        metOn: '-188',
        evidence: 'Приказ о практике № 312-П, 25 студентов',
      },
      {
        kind: 'deliverable',
        title: t(
          'Совместный годовой отчёт о работе лаборатории',
          'Зертхана жұмысы туралы бірлескен жылдық есеп',
          'Joint annual report on the laboratory',
        ),
        dueOn: '+33',
        status: 'pending',
      },
    ],
  },
  {
    number: 'PPP-2018-ERG',
    kind: 'ppp',
    title: t(
      'ГЧП: металлургический кластер ERG',
      'МЖӘ: ERG металлургиялық кластері',
      'PPP: ERG metallurgy cluster',
    ),
    partners: ['ERG'],
    status: 'active',
    signedOn: '2018-02-01',
    validUntil: '+422',
    obligations: [
      {
        kind: 'instalment',
        title: t(
          'Транш 2018: лаборатория металлургии',
          '2018 жылғы транш: металлургия зертханасы',
          '2018 tranche: metallurgy laboratory',
        ),
        dueOn: '2018-04-30',
        amountKzt: 299_295_000,
        status: 'met',
        metOn: '2018-04-10',
        evidence: 'SWIFT USD 900 000, 10.04.2018',
      },
      {
        kind: 'instalment',
        title: t(
          'Транш 2020: испытательная лаборатория',
          '2020 жылғы транш: сынақ зертханасы',
          '2020 tranche: testing laboratory',
        ),
        dueOn: '2020-12-31',
        amountKzt: 118_000_000,
        status: 'met',
        metOn: '2020-10-12',
        evidence: 'Платёжное поручение № 5120',
      },
      {
        kind: 'instalment',
        title: t(
          'Транш {year}: модернизация печного участка',
          '{year} жылғы транш: пеш учаскесін жаңғырту',
          '{year} tranche: furnace section upgrade',
        ),
        dueOn: '-60',
        amountKzt: 30_000_000,
        status: 'pending',
      },
      {
        kind: 'practice_places',
        title: t(
          'Места практики на предприятиях ERG {year}',
          '{year} жылы ERG кәсіпорындарындағы практика орындары',
          'Practice places at ERG plants {year}',
        ),
        dueOn: '-174',
        placesPerYear: 40,
        status: 'met',
        metOn: '-174',
        evidence: 'Список направленных студентов',
        url: 'https://www.erg.kz',
      },
      {
        kind: 'deliverable',
        title: t(
          'Обновление программы «Металлургия» с экспертами ERG',
          'ERG сарапшыларымен «Металлургия» бағдарламасын жаңарту',
          'Updating the Metallurgy programme with ERG experts',
        ),
        dueOn: '+115',
        status: 'pending',
      },
    ],
  },
  {
    number: 'PPP-2019-KAZM',
    kind: 'ppp',
    title: t(
      'ГЧП: горная электромеханика и энергетика',
      'МЖӘ: тау-кен электромеханикасы және энергетика',
      'PPP: mining electromechanics and energy',
    ),
    partners: ['KAZ Minerals Bozshakol'],
    status: 'active',
    signedOn: '2019-04-15',
    validUntil: '+45',
    obligations: [
      {
        kind: 'instalment',
        title: t(
          'Транш 2019: лаборатория энергосистем',
          '2019 жылғы транш: энергожүйелер зертханасы',
          '2019 tranche: power systems laboratory',
        ),
        dueOn: '2019-06-30',
        amountKzt: 229_920_000,
        status: 'met',
        metOn: '2019-05-20',
        evidence: 'SWIFT USD 600 000',
      },
      {
        kind: 'equipment_delivery',
        title: t('Стенд мониторинга конвейера', 'Конвейерді бақылау стенді', 'Conveyor monitoring rig'),
        dueOn: '2020-10-31',
        status: 'met',
        metOn: '2020-10-02',
        evidence: 'Акт ввода в эксплуатацию № 14',
      },
      {
        kind: 'instalment',
        title: t(
          'Транш {year}: цифровой двойник рудника',
          '{year} жылғы транш: кеніштің цифрлық егізі',
          '{year} tranche: digital twin of the mine',
        ),
        dueOn: '-28',
        amountKzt: 52_000_000,
        status: 'pending',
      },
      {
        kind: 'practice_places',
        title: t(
          'Места практики на руднике 2026',
          '2026 жылы кеніштегі практика орындары',
          'Practice places at the mine 2026',
        ),
        dueOn: '2026-07-01',
        placesPerYear: 30,
        status: 'waived',
        evidence: 'Плановый ремонт обогатительной фабрики; перенос на 2027',
      },
      {
        kind: 'deliverable',
        title: t(
          'Переговоры о продлении соглашения',
          'Келісімді ұзарту туралы келіссөздер',
          "Negotiating the agreement's extension",
        ),
        dueOn: '+30',
        status: 'pending',
      },
    ],
  },
  {
    number: 'DUAL-2019-PMK',
    kind: 'dual_education',
    title: t(
      'Дуальное обучение: машиностроение',
      'Дуалды оқыту: машина жасау',
      'Dual education: machine building',
    ),
    partners: ['Prommashkomplekt'],
    status: 'active',
    signedOn: '2019-09-01',
    validUntil: '+268',
    obligations: [
      {
        kind: 'practice_places',
        title: t(
          'Места дуального обучения {academicYear}',
          '{academicYear} оқу жылындағы дуалды оқыту орындары',
          'Dual education places {academicYear}',
        ),
        dueOn: '-96',
        placesPerYear: 20,
        status: 'met',
        metOn: '-96',
        evidence: 'Трудовые договоры со студентами (20)',
      },
      {
        kind: 'deliverable',
        title: t(
          'Обучение 10 наставников-мастеров',
          '10 тәлімгер-шеберді оқыту',
          'Training 10 master mentors',
        ),
        dueOn: '-27',
        status: 'pending',
      },
    ],
  },
  {
    number: 'PPP-2019-NPH',
    kind: 'ppp',
    title: t(
      'ГЧП: катализ и анализ нефти',
      'МЖӘ: катализ және мұнай талдауы',
      'PPP: catalysis and oil analysis',
    ),
    partners: ['Nephtechim LTD'],
    status: 'active',
    signedOn: '2019-08-20',
    validUntil: '+988',
    obligations: [
      {
        kind: 'instalment',
        title: t('Транш 2019', '2019 жылғы транш', '2019 tranche'),
        dueOn: '2019-10-15',
        amountKzt: 120_000_000,
        status: 'met',
        metOn: '2019-10-01',
        evidence: 'Платёжное поручение № 744',
      },
      {
        kind: 'instalment',
        title: t('Транш 2021', '2021 жылғы транш', '2021 tranche'),
        dueOn: '2021-03-31',
        amountKzt: 64_000_000,
        status: 'met',
        metOn: '2021-03-15',
        evidence: 'Платёжное поручение № 198',
      },
      {
        kind: 'equipment_delivery',
        title: t('Монтаж вытяжного шкафа', 'Тартпа шкафты орнату', 'Installing the fume hood'),
        dueOn: '2025-09-30',
        status: 'met',
        metOn: '2025-08-25',
        evidence: 'Акт монтажа',
      },
      {
        kind: 'deliverable',
        title: t(
          'Совместная НИР по катализаторам',
          'Катализаторлар бойынша бірлескен ҒЗЖ',
          'Joint research on catalysts',
        ),
        dueOn: '+206',
        status: 'pending',
      },
    ],
  },
  {
    number: 'PB-2017-NPH',
    kind: 'practice_base',
    title: t('База практики: Нефтехим', 'Практика базасы: Нефтехим', 'Practice base: Nephtechim'),
    partners: ['Nephtechim LTD'],
    status: 'active',
    signedOn: '2017-05-20',
    validUntil: '2022-05-20',
    obligations: [
      {
        kind: 'practice_places',
        title: t('Места практики 2021', '2021 жылғы практика орындары', 'Practice places 2021'),
        dueOn: '2021-06-01',
        placesPerYear: 15,
        status: 'met',
        metOn: '2021-06-01',
        evidence: 'Приказ о практике № 201-П',
      },
    ],
  },
  {
    number: 'PB-2021-ERG',
    kind: 'practice_base',
    title: t(
      'База практики: ERG, Аксуский завод ферросплавов',
      'Практика базасы: ERG, Ақсу ферроқорытпа зауыты',
      'Practice base: ERG Aksu ferroalloy plant',
    ),
    partners: ['ERG'],
    status: 'terminated',
    signedOn: '2021-02-01',
    validUntil: '2026-02-01',
    terminatedOn: '2024-01-31',
    obligations: [],
  },
  {
    number: 'MOU-2015-BRUNEL',
    kind: 'mou',
    title: t(
      'Меморандум о сотрудничестве с Университетом Брунеля',
      'Брунель университетімен ынтымақтастық меморандумы',
      'Memorandum of understanding with Brunel University London',
    ),
    partners: ['Brunel'],
    status: 'active',
    signedOn: '2015-11-01',
    validUntil: '+1426',
    obligations: [],
  },
  {
    number: 'JP-2019-BRUNEL',
    kind: 'joint_programme',
    title: t(
      'Двудипломная магистратура «Электроэнергетика»',
      '«Электр энергетикасы» қос дипломды магистратура',
      'Double-degree MSc Electrical Power Engineering',
    ),
    partners: ['Brunel'],
    status: 'active',
    signedOn: '2019-06-14',
    validUntil: '+921',
    obligations: [
      {
        kind: 'deliverable',
        title: t(
          'Совместный пересмотр учебного плана',
          'Оқу жоспарын бірлесіп қайта қарау',
          'Joint curriculum review',
        ),
        dueOn: '-159',
        status: 'met',
        metOn: '-169',
        evidence: 'Протокол совместной комиссии',
        url: 'https://www.brunel.ac.uk',
      },
      {
        kind: 'deliverable',
        title: t('Аккредитационный визит Brunel', 'Brunel аккредиттеу сапары', 'Brunel accreditation visit'),
        dueOn: '+84',
        status: 'pending',
      },
    ],
  },
  {
    number: 'JP-2021-LUND',
    kind: 'joint_programme',
    title: t(
      'Совместная программа «Устойчивая энергетика»',
      '«Тұрақты энергетика» бірлескен бағдарламасы',
      'Joint programme Sustainable Energy Engineering',
    ),
    partners: ['Lund'],
    status: 'active',
    signedOn: '2021-03-01',
    validUntil: '+300',
    obligations: [
      {
        kind: 'deliverable',
        title: t(
          'Академическая мобильность: 10 студентов в Лунд',
          'Академиялық ұтқырлық: Лундқа 10 студент',
          'Academic mobility: 10 students to Lund',
        ),
        dueOn: '-189',
        status: 'met',
        metOn: '-205',
        evidence: 'Приказ о направлении № 88-М',
      },
    ],
  },
  {
    number: 'JP-2022-UPV',
    kind: 'joint_programme',
    title: t(
      'Двудипломная программа «Промышленная информатика»',
      '«Өнеркәсіптік информатика» қос дипломды бағдарламасы',
      'Double-degree Industrial Informatics',
    ),
    partners: ['UPV'],
    status: 'active',
    signedOn: '2022-04-04',
    validUntil: '+485',
    obligations: [
      {
        kind: 'deliverable',
        title: t(
          'Согласование таблицы перезачёта кредитов',
          'Кредиттерді қайта есептеу кестесін келісу',
          'Agreeing the credit transfer table',
        ),
        dueOn: '-44',
        status: 'pending',
      },
    ],
  },
  {
    number: 'FB-2025-UPV',
    kind: 'foreign_branch',
    title: t('Филиал UPV на базе университета', 'Университет базасындағы UPV филиалы', 'UPV branch campus'),
    partners: ['UPV'],
    status: 'active',
    signedOn: '2025-01-20',
    validUntil: '+2967',
    obligations: [
      {
        kind: 'deliverable',
        title: t(
          'Лицензия филиала и первый набор',
          'Филиал лицензиясы және алғашқы қабылдау',
          'Branch licence and first intake',
        ),
        dueOn: '2025-09-01',
        status: 'met',
        metOn: '2025-08-10',
        evidence: 'Лицензия МНВО',
      },
    ],
  },
  {
    number: 'FB-2027-BRUNEL',
    kind: 'foreign_branch',
    title: t(
      'Филиал Университета Брунеля (проект)',
      'Брунель университетінің филиалы (жоба)',
      'Brunel branch campus (draft)',
    ),
    partners: ['Brunel'],
    status: 'draft',
    signedOn: null,
    validUntil: null,
    obligations: [],
  },
  {
    number: 'MOU-2023-UPV',
    kind: 'mou',
    title: t('Меморандум с UPV', 'UPV-мен меморандум', 'Memorandum with UPV'),
    partners: ['UPV', 'Lund'],
    status: 'active',
    signedOn: '2023-02-10',
    validUntil: '+431',
    obligations: [],
  },
];

/**
 * The title of a demo obligation due on `dueOn` (`YYYY-MM-DD`), its `{year}` and `{academicYear}` filled in, in
 * each language.
 * @example obligationTitle(t('Транш {year}', '{year} жылғы транш', '{year} tranche'), '2029-10-08').ru // 'Транш 2029'
 */
export function obligationTitle(title: Trilingual, dueOn: string): Trilingual {
  const year = Number(dueOn.slice(0, 4));
  const start = Number(dueOn.slice(5, 7)) >= 9 ? year : year - 1;
  const fill = (text: string) =>
    text
      .replaceAll('{year}', String(year))
      .replaceAll('{academicYear}', `${start}/${String(start + 1).slice(-2)}`);
  return { kk: fill(title.kk), ru: fill(title.ru), en: fill(title.en) };
}
