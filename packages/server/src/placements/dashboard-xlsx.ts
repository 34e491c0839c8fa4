import {
  type Locale,
  type PlacementDashboard,
  type PlacementDashboardQuery,
  type PriorityArea,
  priorityAreaNamesIn,
} from '@kadr/contracts';
import ExcelJS from 'exceljs';
import { FORMATS, sheetName } from '../impact/impact-xlsx.ts';
import { type Attachment, XLSX_TYPE } from '../attachment.ts';
import type { ServiceContext } from '../context.ts';
import { placementDashboard } from './dashboard.service.ts';

interface Labels {
  title: string;
  year: (y: number) => string;
  totals: string;
  programmes: string;
  partners: string;
  areas: string;
  withheld: string;
  figure: string;
  value: string;
  programme: string;
  partner: string;
  area: string;
  needed: string;
  offered: string;
  placed: string;
  accepted: string;
  declined: string;
  completed: string;
  hired: string;
  fillRate: string;
  acceptanceRate: string;
  completionRate: string;
  hireRate: string;
  areaNames: Record<PriorityArea, string>;
}

/** The XLSX's words in each language (the web page has its own in the locale files). */
export const dashboardLabels: Record<Locale, Labels> = {
  kk: {
    title: 'Практика орындары',
    year: (y) => `${y}/${y + 1} оқу жылы`,
    totals: 'Жиынтық',
    programmes: 'Бағдарламалар',
    partners: 'Серіктестер',
    areas: 'Басым бағыттар',
    withheld: 'Үш серіктестен аз: серіктестер бойынша сандар көрсетілмейді.',
    figure: 'Көрсеткіш',
    value: 'Мәні',
    programme: 'Бағдарлама',
    partner: 'Серіктес',
    area: 'Басым бағыт',
    needed: 'Қажет орындар',
    offered: 'Ұсынылған орындар',
    placed: 'Орналастырылды',
    accepted: 'Қабылданды',
    declined: 'Бас тартылды',
    completed: 'Аяқталды',
    hired: 'Жұмысқа алынды',
    fillRate: 'Толу үлесі',
    acceptanceRate: 'Қабылдау үлесі',
    completionRate: 'Аяқтау үлесі',
    hireRate: 'Жұмысқа алу үлесі',
    areaNames: priorityAreaNamesIn('kk'),
  },
  ru: {
    title: 'Места практики',
    year: (y) => `${y}/${y + 1} учебный год`,
    totals: 'Итоги',
    programmes: 'Программы',
    partners: 'Партнёры',
    areas: 'Приоритетные направления',
    withheld: 'Меньше трёх партнёров: данные по партнёрам не показываются.',
    figure: 'Показатель',
    value: 'Значение',
    programme: 'Программа',
    partner: 'Партнёр',
    area: 'Направление',
    needed: 'Нужно мест',
    offered: 'Предложено мест',
    placed: 'Распределено',
    accepted: 'Принято',
    declined: 'Отказов',
    completed: 'Завершено',
    hired: 'Трудоустроено',
    fillRate: 'Доля заполнения',
    acceptanceRate: 'Доля принятия',
    completionRate: 'Доля завершения',
    hireRate: 'Доля трудоустройства',
    areaNames: priorityAreaNamesIn('ru'),
  },
  en: {
    title: 'Practice placements',
    year: (y) => `Academic year ${y}/${y + 1}`,
    totals: 'Totals',
    programmes: 'Programmes',
    partners: 'Partners',
    areas: 'Priority areas',
    withheld: 'Fewer than three partners: the figures by partner are not shown.',
    figure: 'Figure',
    value: 'Value',
    programme: 'Programme',
    partner: 'Partner',
    area: 'Priority area',
    needed: 'Places needed',
    offered: 'Places offered',
    placed: 'Placed',
    accepted: 'Accepted',
    declined: 'Declined',
    completed: 'Completed',
    hired: 'Hired',
    fillRate: 'Fill rate',
    acceptanceRate: 'Acceptance rate',
    completionRate: 'Completion rate',
    hireRate: 'Hire rate',
    areaNames: priorityAreaNamesIn('en'),
  },
};

type Cell = string | number | null;
const RATE_KEYS = ['fillRate', 'acceptanceRate', 'completionRate', 'hireRate'] as const;
const COUNT_KEYS = ['offered', 'placed', 'accepted', 'declined', 'completed', 'hired'] as const;

/** Renders the dashboard as XLSX: a sheet per table, counts as integers and rates as percentages. */
export async function renderDashboardXlsx(d: PlacementDashboard, lang: Locale): Promise<Buffer> {
  const t = dashboardLabels[lang];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kadr';
  workbook.title = `${t.title} ${d.academicYear}`;
  const sheet = (
    title: string,
    headers: string[],
    rows: Cell[][],
    percentFrom = Number.POSITIVE_INFINITY,
  ) => {
    const ws = workbook.addWorksheet(sheetName(title));
    ws.addRow([`${t.title}: ${title}`]).font = { bold: true, size: 13 };
    ws.addRow([t.year(d.academicYear)]);
    ws.addRow(headers).font = { bold: true };
    for (const row of rows) {
      const added = ws.addRow(row);
      row.forEach((cell, i) => {
        if (typeof cell === 'number')
          added.getCell(i + 1).numFmt = i >= percentFrom ? FORMATS.percent : FORMATS.integer;
      });
    }
    ws.columns.forEach((column, i) => {
      column.width = i === 0 ? 40 : 16;
    });
    return ws;
  };
  const totals = sheet(
    t.totals,
    [t.figure, t.value],
    [[t.needed, d.totals.needed], ...COUNT_KEYS.map((k): Cell[] => [t[k], d.totals[k]])],
  );
  for (const k of RATE_KEYS) totals.addRow([t[k], d.totals[k]]).getCell(2).numFmt = FORMATS.percent;
  sheet(
    t.programmes,
    [t.programme, t.area, t.needed, t.offered, t.placed],
    d.byProgramme.map((p) => [
      `${p.code} ${p.name[lang] || p.name.ru}`,
      t.areaNames[p.priorityArea],
      p.needed,
      p.offered,
      p.placed,
    ]),
  );
  if (d.byPartner)
    sheet(
      t.partners,
      [t.partner, ...COUNT_KEYS.map((k) => t[k]), ...RATE_KEYS.map((k) => t[k])],
      d.byPartner.map((p) => [
        p.name[lang] || p.name.ru || p.shortName,
        ...COUNT_KEYS.map((k) => p[k]),
        ...RATE_KEYS.map((k) => p[k]),
      ]),
      1 + COUNT_KEYS.length,
    );
  else sheet(t.partners, [t.withheld], []);
  sheet(
    t.areas,
    [t.area, t.placed, t.completed, t.hired],
    d.byPriorityArea.map((a) => [t.areaNames[a.priorityArea], a.placed, a.completed, a.hired]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The placement dashboard as an XLSX workbook in `query.lang`, a sheet per table. */
export async function placementDashboardXlsx(
  ctx: ServiceContext,
  query: PlacementDashboardQuery & { lang: Locale },
): Promise<Attachment> {
  const dashboard = await placementDashboard(ctx, query);
  const body = await renderDashboardXlsx(dashboard, query.lang);
  return { body, type: XLSX_TYPE, fileName: `placements-${dashboard.academicYear}-${query.lang}.xlsx` };
}
