import {
  impactAggregatesSchema,
  impactQuerySchema,
  impactReportSchema,
  periodQuerySchema,
} from '@kadr/contracts';
import { defineRoutes } from '../plugins/declare-routes.ts';
import { AGGREGATE_READERS, RECORD_READERS } from '../policy.ts';
import { impactAggregates, impactReport } from './impact.service.ts';
import { PDF_TYPE, XLSX_TYPE } from '../attachment.ts';
import { impactReportPdf } from './impact-pdf.ts';
import { impactReportXlsx } from './impact-xlsx.ts';

/**
 * The partner impact report as JSON, PDF and XLSX (`lang=kk|ru|en`): a partner gets its own and 404
 * for any other; staff get any; observers get 403 here and read `/api/impact/aggregates`.
 */
export const impactRoutes = defineRoutes('impact', (api) => {
  api.get('/api/partners/:id/impact', RECORD_READERS, impactReport, {
    summary: 'What a partner funded and what it trained',
    query: impactQuerySchema,
    response: impactReportSchema,
  });
  api.download('/api/partners/:id/impact.pdf', RECORD_READERS, impactReportPdf, {
    summary: 'The impact report as PDF',
    query: impactQuerySchema,
    produces: [PDF_TYPE],
  });
  api.download('/api/partners/:id/impact.xlsx', RECORD_READERS, impactReportXlsx, {
    summary: 'The impact report as XLSX, a sheet per section',
    query: impactQuerySchema,
    produces: [XLSX_TYPE],
  });
  api.get('/api/impact/aggregates', AGGREGATE_READERS, impactAggregates, {
    summary: 'Money and training totals without per-partner or per-student data',
    query: periodQuerySchema,
    response: impactAggregatesSchema,
  });
});
