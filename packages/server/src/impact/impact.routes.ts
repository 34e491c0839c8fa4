import {
  idParamSchema,
  impactAggregatesSchema,
  impactQuerySchema,
  impactReportSchema,
  periodQuerySchema,
} from '@kadr/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import { roles } from '../policy.ts';
import { AGGREGATE_READERS, RECORD_READERS } from '../partners/scope.ts';
import { renderImpactPdf } from './impact-pdf.ts';
import { renderImpactXlsx } from './impact-xlsx.ts';
import { impactAggregates, impactReport } from './impact.service.ts';

const tags = ['impact'];
const read = { policy: roles(...RECORD_READERS) };
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendFile(reply: FastifyReply, body: Buffer, type: string, fileName: string): FastifyReply {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(body);
}

/**
 * The partner impact report as JSON, PDF and XLSX (`lang=kk|ru|en`): a partner gets its own and 404
 * for any other; staff get any; observers get 403 here and read `/api/impact/aggregates`.
 */
export function registerImpactRoutes(app: App, deps: RouteDeps): void {
  const ctx = (request: FastifyRequest) => contextOf(request, deps.db, deps.now);
  const schema = (summary: string) => ({
    tags,
    summary,
    params: idParamSchema,
    querystring: impactQuerySchema,
  });
  app.get(
    '/api/partners/:id/impact',
    {
      config: read,
      schema: {
        ...schema('What a partner funded and what it trained'),
        response: { 200: impactReportSchema },
      },
    },
    async (request) => impactReport(ctx(request), request.params.id, request.query),
  );
  app.get(
    '/api/partners/:id/impact.pdf',
    { config: read, schema: { ...schema('The impact report as PDF'), produces: ['application/pdf'] } },
    async (request, reply) => {
      const report = await impactReport(ctx(request), request.params.id, request.query);
      const pdf = await renderImpactPdf(report, request.query.lang);
      return sendFile(
        reply,
        pdf,
        'application/pdf',
        `impact-${report.partner.shortName}-${report.period.to}.pdf`,
      );
    },
  );
  app.get(
    '/api/partners/:id/impact.xlsx',
    {
      config: read,
      schema: { ...schema('The impact report as XLSX, a sheet per section'), produces: [XLSX_TYPE] },
    },
    async (request, reply) => {
      const report = await impactReport(ctx(request), request.params.id, request.query);
      const xlsx = await renderImpactXlsx(report, request.query.lang);
      return sendFile(reply, xlsx, XLSX_TYPE, `impact-${report.partner.shortName}-${report.period.to}.xlsx`);
    },
  );
  app.get(
    '/api/impact/aggregates',
    {
      config: { policy: roles(...AGGREGATE_READERS) },
      schema: {
        tags,
        summary: 'Money and training totals without per-partner or per-student data',
        querystring: periodQuerySchema,
        response: { 200: impactAggregatesSchema },
      },
    },
    async (request) => impactAggregates(ctx(request), request.query),
  );
}
