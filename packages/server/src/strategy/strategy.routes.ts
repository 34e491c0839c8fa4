import {
  createKpiTargetBodySchema,
  createMilestoneBodySchema,
  createProjectBodySchema,
  idParamSchema,
  kpiDashboardQuerySchema,
  kpiDashboardSchema,
  kpiIdParamSchema,
  kpiRecordsQuerySchema,
  kpiRecordListSchema,
  kpiSnapshotListQuerySchema,
  kpiSnapshotSchema,
  kpiTargetListQuerySchema,
  kpiTargetSchema,
  milestoneListQuerySchema,
  milestoneOwnerSchema,
  milestoneSchema,
  pageOf,
  projectDetailSchema,
  projectListQuerySchema,
  projectSchema,
  strategyReportQuerySchema,
  takeSnapshotBodySchema,
  takeSnapshotResultSchema,
  updateKpiTargetBodySchema,
  updateMilestoneBodySchema,
  updateProjectBodySchema,
} from '@kadr/contracts';
import { z } from 'zod';
import { resourceRoutes } from '../plugins/resource.ts';
import { type CapabilityRoutes, created, noContent, routeOptions, sendAttachment } from '../plugins/route.ts';
import { ADMIN_ONLY, AGGREGATE_READERS, PROJECT_WRITERS, SIGNED_IN, STAFF } from '../policy.ts';
import {
  createTarget,
  deleteTarget,
  getTarget,
  kpiDashboard,
  kpiRecords,
  listSnapshots,
  listTargets,
  takeSnapshot,
  updateTarget,
} from './kpis.service.ts';
import {
  createMilestone,
  createProject,
  deleteMilestone,
  deleteProject,
  getProject,
  listMilestones,
  listProjects,
  milestoneOwners,
  myMilestones,
  updateMilestone,
  updateProject,
} from './projects.service.ts';
import { milestoneFileRoutes } from './milestone-files.routes.ts';
import { renderStrategyPdf } from './report/report-pdf.ts';
import { renderStrategyXlsx } from './report/report-xlsx.ts';
import { strategyReport } from './report/report.service.ts';

const tag = 'strategy';
const route = routeOptions(tag);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The strategy tracker: the KPI dashboard (staff and observers; observers get no records and confidential sums
 * only from three partners), targets and snapshots (admin writes), projects and milestones (admin and coordinators
 * write, staff read, owners update their milestones), and each user's overdue milestones.
 */
export const strategyRoutes: CapabilityRoutes = async (app, deps) => {
  await app.register(milestoneFileRoutes, deps);
  app.get(
    '/api/strategy/kpis',
    route(AGGREGATE_READERS, 'Every KPI now, with targets, progress and history', {
      querystring: kpiDashboardQuerySchema,
      response: { 200: kpiDashboardSchema },
    }),
    async ({ ctx, query }) => kpiDashboard(ctx, query),
  );
  app.get(
    '/api/strategy/kpis/:kpiId/records',
    route(STAFF, 'The records behind a KPI value', {
      params: kpiIdParamSchema,
      querystring: kpiRecordsQuerySchema,
      response: { 200: kpiRecordListSchema },
    }),
    async ({ ctx, params, query }) => kpiRecords(ctx, params.kpiId, query.lang),
  );
  resourceRoutes(app, '/api/kpi-targets', {
    tag,
    read: AGGREGATE_READERS,
    write: ADMIN_ONLY,
    item: kpiTargetSchema,
  })
    .list('List KPI targets', kpiTargetListQuerySchema, listTargets)
    .get('One KPI target', getTarget)
    .create('Set a target for a KPI', createKpiTargetBodySchema, createTarget)
    .update('Change a KPI target', updateKpiTargetBodySchema, updateTarget)
    .remove('Delete a KPI target', deleteTarget);
  app.get(
    '/api/kpi-snapshots',
    route(AGGREGATE_READERS, 'KPI values kept per month', {
      querystring: kpiSnapshotListQuerySchema,
      response: { 200: pageOf(kpiSnapshotSchema) },
    }),
    async ({ ctx, query }) => listSnapshots(ctx, query),
  );
  app.post(
    '/api/kpi-snapshots',
    route(ADMIN_ONLY, "Keep this month's KPI values (a KPI already kept is left as it was)", {
      body: takeSnapshotBodySchema,
      response: { 200: takeSnapshotResultSchema },
    }),
    async ({ ctx, body }) => takeSnapshot(ctx, body),
  );
  app.get(
    '/api/milestone-owners',
    route(PROJECT_WRITERS, 'The users who may own milestones', {
      response: { 200: z.array(milestoneOwnerSchema) },
    }),
    async ({ ctx }) => milestoneOwners(ctx),
  );
  resourceRoutes(app, '/api/strategy-projects', {
    tag,
    read: STAFF,
    write: PROJECT_WRITERS,
    item: projectSchema,
  })
    .list('List branch and joint-programme projects', projectListQuerySchema, listProjects)
    .get('One project with its milestones', getProject, projectDetailSchema)
    .create('Start a project', createProjectBodySchema, createProject)
    .update('Change a project', updateProjectBodySchema, updateProject)
    .remove('Delete a project and its milestones', deleteProject);
  app.get(
    '/api/strategy-projects/:id/milestones',
    route(STAFF, "A project's milestones by due date", {
      params: idParamSchema,
      response: { 200: z.array(milestoneSchema) },
    }),
    async ({ ctx, params }) => listMilestones(ctx, params.id),
  );
  app.post(
    '/api/strategy-projects/:id/milestones',
    route(PROJECT_WRITERS, 'Add a milestone', {
      params: idParamSchema,
      body: createMilestoneBodySchema,
      response: { 201: milestoneSchema },
    }),
    async ({ ctx, params, body }, reply) => created(reply, await createMilestone(ctx, params.id, body)),
  );
  app.patch(
    '/api/milestones/:id',
    route(SIGNED_IN, 'Change a milestone (its owner: status, completion and evidence only)', {
      params: idParamSchema,
      body: updateMilestoneBodySchema,
      response: { 200: milestoneSchema },
    }),
    async ({ ctx, params, body }) => updateMilestone(ctx, params.id, body),
  );
  app.delete(
    '/api/milestones/:id',
    route(PROJECT_WRITERS, 'Delete a milestone', { params: idParamSchema }),
    async ({ ctx, params }, reply) => noContent(reply, deleteMilestone(ctx, params.id)),
  );
  app.get(
    '/api/me/milestones',
    route(SIGNED_IN, "The signed-in user's milestones (overdue=true: the overdue ones)", {
      querystring: milestoneListQuerySchema,
      response: { 200: pageOf(milestoneSchema) },
    }),
    async ({ ctx, query }) => myMilestones(ctx, query),
  );
  app.get(
    '/api/strategy/report.pdf',
    route(AGGREGATE_READERS, 'The annual strategy report as PDF (lang=kk|ru|en), from live data', {
      querystring: strategyReportQuerySchema,
      produces: ['application/pdf'],
    }),
    async ({ ctx, query }, reply) => {
      const report = await strategyReport(ctx);
      const pdf = await renderStrategyPdf(report, query.lang, ctx.timeZone);
      return sendAttachment(
        reply,
        pdf,
        'application/pdf',
        `strategy-report-${report.dashboard.asOf}-${query.lang}.pdf`,
      );
    },
  );
  app.get(
    '/api/strategy/report.xlsx',
    route(AGGREGATE_READERS, 'The annual strategy report as XLSX, a sheet per table', {
      querystring: strategyReportQuerySchema,
      produces: [XLSX_TYPE],
    }),
    async ({ ctx, query }, reply) => {
      const report = await strategyReport(ctx);
      const xlsx = await renderStrategyXlsx(report, query.lang);
      return sendAttachment(
        reply,
        xlsx,
        XLSX_TYPE,
        `strategy-report-${report.dashboard.asOf}-${query.lang}.xlsx`,
      );
    },
  );
};
