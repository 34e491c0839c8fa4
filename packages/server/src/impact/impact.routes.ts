import {
  idParamSchema,
  impactAggregatesSchema,
  impactQuerySchema,
  impactReportSchema,
  periodQuerySchema,
} from '@kadr/contracts';
import { type CapabilityRoutes, routeOptions, sendAttachment } from '../plugins/route.ts';
import { AGGREGATE_READERS, RECORD_READERS } from '../policy.ts';
import { renderImpactPdf } from './impact-pdf.ts';
import { renderImpactXlsx } from './impact-xlsx.ts';
import { impactAggregates, impactReport } from './impact.service.ts';

const route = routeOptions('impact');
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const report = { params: idParamSchema, querystring: impactQuerySchema };

/**
 * The partner impact report as JSON, PDF and XLSX (`lang=kk|ru|en`): a partner gets its own and 404
 * for any other; staff get any; observers get 403 here and read `/api/impact/aggregates`.
 */
export const impactRoutes: CapabilityRoutes = async (app) => {
  app.get(
    '/api/partners/:id/impact',
    route(RECORD_READERS, 'What a partner funded and what it trained', {
      ...report,
      response: { 200: impactReportSchema },
    }),
    async ({ ctx, params, query }) => impactReport(ctx, params.id, query),
  );
  app.get(
    '/api/partners/:id/impact.pdf',
    route(RECORD_READERS, 'The impact report as PDF', { ...report, produces: ['application/pdf'] }),
    async ({ ctx, params, query }, reply) => {
      const found = await impactReport(ctx, params.id, query);
      const pdf = await renderImpactPdf(found, query.lang, ctx.timeZone);
      const fileName = `impact-${found.partner.shortName}-${found.period.to}.pdf`;
      return sendAttachment(reply, pdf, 'application/pdf', fileName);
    },
  );
  app.get(
    '/api/partners/:id/impact.xlsx',
    route(RECORD_READERS, 'The impact report as XLSX, a sheet per section', {
      ...report,
      produces: [XLSX_TYPE],
    }),
    async ({ ctx, params, query }, reply) => {
      const found = await impactReport(ctx, params.id, query);
      const xlsx = await renderImpactXlsx(found, query.lang);
      const fileName = `impact-${found.partner.shortName}-${found.period.to}.xlsx`;
      return sendAttachment(reply, xlsx, XLSX_TYPE, fileName);
    },
  );
  app.get(
    '/api/impact/aggregates',
    route(AGGREGATE_READERS, 'Money and training totals without per-partner or per-student data', {
      querystring: periodQuerySchema,
      response: { 200: impactAggregatesSchema },
    }),
    async ({ ctx, query }) => impactAggregates(ctx, query),
  );
};
