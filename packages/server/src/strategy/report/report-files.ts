import type { Locale } from '@kadr/contracts';
import { type Attachment, PDF_TYPE, XLSX_TYPE } from '../../attachment.ts';
import type { ServiceContext } from '../../context.ts';
import { renderStrategyPdf } from './report-pdf.ts';
import { renderStrategyXlsx } from './report-xlsx.ts';
import { strategyReport } from './report.service.ts';

/** The annual strategy report as a PDF in `lang`, named by its date and language. */
export async function strategyReportPdf(
  ctx: ServiceContext,
  { lang }: { lang: Locale },
): Promise<Attachment> {
  const report = await strategyReport(ctx);
  const body = await renderStrategyPdf(report, lang, ctx.timeZone);
  return { body, type: PDF_TYPE, fileName: `strategy-report-${report.dashboard.asOf}-${lang}.pdf` };
}

/** The annual strategy report as an XLSX workbook in `lang`, a sheet per table. */
export async function strategyReportXlsx(
  ctx: ServiceContext,
  { lang }: { lang: Locale },
): Promise<Attachment> {
  const report = await strategyReport(ctx);
  const body = await renderStrategyXlsx(report, lang);
  return { body, type: XLSX_TYPE, fileName: `strategy-report-${report.dashboard.asOf}-${lang}.xlsx` };
}
