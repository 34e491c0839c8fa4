import { type GapQuery, type GapReport, type Locale, type PriorityArea, REGION_NAMES } from '@kadr/contracts';
import ExcelJS from 'exceljs';
import { impactLabels } from '../impact/impact-i18n.ts';
import { FORMATS, sheetName } from '../impact/impact-xlsx.ts';
import { type Attachment, XLSX_TYPE } from '../attachment.ts';
import type { ServiceContext } from '../context.ts';
import { gapReport } from './gaps.service.ts';

/** The workbook's headings in the three languages. */
const LABELS: Record<
  Locale,
  {
    title: string;
    asOf: string;
    attrition: string;
    heatmap: string;
    heatmapNote: string;
    cells: string;
    areas: string;
    regions: string;
    skills: string;
    group: string;
    area: string;
    region: string;
    year: string;
    demand: string;
    projected: string;
    actual: string;
    supply: string;
    balance: string;
    shortfall: string;
    surplus: string;
    placed: string;
    hired: string;
    partners: string;
    competency: string;
    code: string;
    levelAsked: string;
    inGroup: string;
    anywhere: string;
    programme: string;
    headcount: string;
    none: string;
  }
> = {
  kk: {
    title: 'Кадрлық сұраныс пен ұсыныс',
    asOf: 'Күні',
    attrition: 'Жылдық шығып қалу болжамы',
    heatmap: 'Баланс топ × жыл',
    heatmapNote: 'Ұсыныс − сұраныс: теріс сан тапшылықты білдіреді',
    cells: 'Топтар бойынша',
    areas: 'Басым бағыттар',
    regions: 'Өңірлер',
    skills: 'Құзыреттер тапшылығы',
    group: 'Бағдарламалар тобы',
    area: 'Басым бағыт',
    region: 'Өңір',
    year: 'Жыл',
    demand: 'Сұраныс',
    projected: 'Болжамды түлектер',
    actual: 'Нақты түлектер',
    supply: 'Ұсыныс',
    balance: 'Баланс',
    shortfall: 'Тапшылық',
    surplus: 'Артықшылық',
    placed: 'Практикаға жіберілді',
    hired: 'Практикадан кейін жұмысқа алынды',
    partners: 'Серіктестер',
    competency: 'Құзырет',
    code: 'Коды',
    levelAsked: 'Сұралған деңгей',
    inGroup: 'Топта оқытылатын деңгей',
    anywhere: 'Ең жоғары деңгей (барлық бағдарлама)',
    programme: 'Бағдарлама',
    headcount: 'Адам саны',
    none: 'Деректер жоқ',
  },
  ru: {
    title: 'Кадровый спрос и предложение',
    asOf: 'На дату',
    attrition: 'Допущение о годовом отсеве',
    heatmap: 'Баланс группа × год',
    heatmapNote: 'Предложение − спрос: отрицательное число означает дефицит',
    cells: 'По группам',
    areas: 'Приоритетные направления',
    regions: 'Регионы',
    skills: 'Дефицит компетенций',
    group: 'Группа программ',
    area: 'Приоритетное направление',
    region: 'Регион',
    year: 'Год',
    demand: 'Спрос',
    projected: 'Прогноз выпуска',
    actual: 'Фактический выпуск',
    supply: 'Предложение',
    balance: 'Баланс',
    shortfall: 'Дефицит',
    surplus: 'Избыток',
    placed: 'Направлены на практику',
    hired: 'Приняты на работу после практики',
    partners: 'Партнёры',
    competency: 'Компетенция',
    code: 'Код',
    levelAsked: 'Требуемый уровень',
    inGroup: 'Уровень в группе',
    anywhere: 'Лучший уровень (все программы)',
    programme: 'Программа',
    headcount: 'Численность',
    none: 'Нет данных',
  },
  en: {
    title: 'Workforce demand and supply',
    asOf: 'As of',
    attrition: 'Yearly attrition assumed',
    heatmap: 'Balance group × year',
    heatmapNote: 'Supply − demand: a negative number is a shortfall',
    cells: 'By group',
    areas: 'Priority areas',
    regions: 'Regions',
    skills: 'Skill gaps',
    group: 'Programme group',
    area: 'Priority area',
    region: 'Region',
    year: 'Year',
    demand: 'Demand',
    projected: 'Projected graduates',
    actual: 'Actual graduates',
    supply: 'Supply',
    balance: 'Balance',
    shortfall: 'Shortfall',
    surplus: 'Surplus',
    placed: 'Placed for practice',
    hired: 'Hired after practice',
    partners: 'Partners',
    competency: 'Competency',
    code: 'Code',
    levelAsked: 'Level asked',
    inGroup: 'Level taught in the group',
    anywhere: 'Best level (any programme)',
    programme: 'Programme',
    headcount: 'Headcount',
    none: 'No data',
  },
};

/**
 * The gap report as XLSX: the group × year balance (a colour scale from shortfall red to surplus green, the
 * numbers in the cells), the cells by group, area and region, and the skill gaps; headings, the regions' names
 * (REGION_NAMES) and the priority areas' names (the impact report's, impactLabels) in the report language.
 */
export async function renderGapXlsx(report: GapReport, lang: Locale): Promise<Buffer> {
  const t = LABELS[lang];
  const regionName = (region: keyof typeof REGION_NAMES) => REGION_NAMES[region][lang];
  const areaName = (area: PriorityArea) => impactLabels[lang].areas[area];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kadr';
  workbook.title = t.title;
  const head = (sheet: ExcelJS.Worksheet, heading: string, headers: string[]) => {
    sheet.addRow([heading]).font = { bold: true, size: 13 };
    sheet.addRow([
      [
        `${t.asOf}: ${report.asOf}`,
        `${t.attrition}: ${Math.round(report.attritionRate * 1000) / 10} %`,
        ...(report.priorityArea ? [`${t.area}: ${areaName(report.priorityArea)}`] : []),
        ...(report.region ? [`${t.region}: ${regionName(report.region)}`] : []),
      ].join(' · '),
    ]);
    sheet.addRow(headers).font = { bold: true };
  };
  const numbers = (row: ExcelJS.Row, from: number, format: string) => {
    row.eachCell((cell, column) => {
      if (column >= from) cell.numFmt = format;
    });
  };

  const heat = workbook.addWorksheet(sheetName(t.heatmap));
  head(heat, `${t.heatmap} (${t.heatmapNote})`, [t.group, t.area, ...report.years.map(String)]);
  for (const g of report.groups)
    numbers(
      heat.addRow([
        g.programmeGroup,
        g.priorityArea ? areaName(g.priorityArea) : '',
        ...g.cells.map((c) => c.balance),
      ]),
      3,
      FORMATS.decimal,
    );
  if (report.groups.length === 0) heat.addRow([t.none]);
  else
    heat.addConditionalFormatting({
      ref: `C4:${String.fromCharCode(66 + report.years.length)}${3 + report.groups.length}`,
      rules: [
        {
          type: 'colorScale',
          priority: 1,
          cfvo: [{ type: 'min' }, { type: 'num', value: 0 }, { type: 'max' }],
          color: [{ argb: 'FFF03E3E' }, { argb: 'FFFFFFFF' }, { argb: 'FF40C057' }],
        },
      ],
    });

  const cellHeaders = [
    t.year,
    t.demand,
    t.projected,
    t.actual,
    t.supply,
    t.balance,
    t.shortfall,
    t.surplus,
    t.placed,
    t.hired,
    t.partners,
  ];
  const cellValues = (c: GapReport['groups'][number]['cells'][number]) => [
    c.year,
    c.demand,
    c.projected,
    c.actual,
    c.supply,
    c.balance,
    c.shortfall,
    c.surplus,
    c.placements,
    c.hires,
    c.partners,
  ];
  const groups = workbook.addWorksheet(sheetName(t.cells));
  head(groups, t.cells, [t.group, ...cellHeaders]);
  for (const g of report.groups)
    for (const c of g.cells) numbers(groups.addRow([g.programmeGroup, ...cellValues(c)]), 3, FORMATS.decimal);
  const areas = workbook.addWorksheet(sheetName(t.areas));
  head(areas, t.areas, [t.area, ...cellHeaders]);
  for (const a of report.areas)
    for (const c of a.cells)
      numbers(areas.addRow([areaName(a.priorityArea), ...cellValues(c)]), 3, FORMATS.decimal);
  const regions = workbook.addWorksheet(sheetName(t.regions));
  head(regions, t.regions, [t.region, ...cellHeaders]);
  for (const r of report.regions)
    for (const c of r.cells)
      numbers(regions.addRow([regionName(r.region), ...cellValues(c)]), 3, FORMATS.decimal);
  const skills = workbook.addWorksheet(sheetName(t.skills));
  head(skills, t.skills, [
    t.group,
    t.code,
    t.competency,
    t.levelAsked,
    t.inGroup,
    t.anywhere,
    t.programme,
    t.headcount,
    t.partners,
  ]);
  for (const s of report.skillGaps)
    skills.addRow([
      s.programmeGroup,
      s.competency.code,
      s.competency.name[lang] || s.competency.name.en || s.competency.name.ru,
      s.levelAsked,
      s.bestLevelInGroup,
      s.bestLevelAnywhere,
      s.bestProgramme?.code ?? '',
      s.headcount,
      s.partners,
    ]);
  if (report.skillGaps.length === 0) skills.addRow([t.none]);
  for (const sheet of workbook.worksheets)
    sheet.columns.forEach((column, index) => {
      column.width = index === 0 ? 22 : index === 2 && sheet === skills ? 48 : 16;
    });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The gap report as an XLSX workbook in `query.lang`, named by its date and language. */
export async function gapReportXlsx(
  ctx: ServiceContext,
  query: GapQuery & { lang: Locale },
): Promise<Attachment> {
  const { lang, ...rest } = query;
  const report = await gapReport(ctx, rest);
  const body = await renderGapXlsx(report, lang);
  return { body, type: XLSX_TYPE, fileName: `demand-gaps-${report.asOf}-${lang}.xlsx` };
}
