import {
  createKpiTargetBodySchema,
  createMilestoneBodySchema,
  createProjectBodySchema,
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
import { PDF_TYPE, XLSX_TYPE } from '../attachment.ts';
import { defineRoutes } from '../plugins/declare-routes.ts';
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
import { strategyReportPdf, strategyReportXlsx } from './report/report-files.ts';

/**
 * The strategy tracker: the KPI dashboard (staff and observers; observers get no records and confidential sums
 * only from three partners), targets and snapshots (admin writes), projects and milestones (admin and coordinators
 * write, staff read, owners update their milestones), and each user's overdue milestones.
 */
export const strategyRoutes = defineRoutes('strategy', async (api, app, deps) => {
  api
    .resource('/api/kpi-targets', { read: AGGREGATE_READERS, write: ADMIN_ONLY, item: kpiTargetSchema })
    .list('List KPI targets', kpiTargetListQuerySchema, listTargets)
    .get('One KPI target', getTarget)
    .create('Set a target for a KPI', createKpiTargetBodySchema, createTarget)
    .update('Change a KPI target', updateKpiTargetBodySchema, updateTarget)
    .remove('Delete a KPI target', deleteTarget);
  api
    .resource('/api/strategy-projects', { read: STAFF, write: PROJECT_WRITERS, item: projectSchema })
    .list('List branch and joint-programme projects', projectListQuerySchema, listProjects)
    .get('One project with its milestones', getProject, projectDetailSchema)
    .create('Start a project', createProjectBodySchema, createProject)
    .update('Change a project', updateProjectBodySchema, updateProject)
    .remove('Delete a project and its milestones', deleteProject);
  await app.register(milestoneFileRoutes, deps);
  api.get('/api/strategy/kpis', AGGREGATE_READERS, kpiDashboard, {
    summary: 'Every KPI now, with targets, progress and history',
    query: kpiDashboardQuerySchema,
    response: kpiDashboardSchema,
  });
  api.get('/api/strategy/kpis/:kpiId/records', STAFF, kpiRecords, {
    summary: 'The records behind a KPI value',
    params: kpiIdParamSchema,
    query: kpiRecordsQuerySchema,
    response: kpiRecordListSchema,
  });
  api.get('/api/kpi-snapshots', AGGREGATE_READERS, listSnapshots, {
    summary: 'KPI values kept per month',
    query: kpiSnapshotListQuerySchema,
    page: kpiSnapshotSchema,
  });
  api.post('/api/kpi-snapshots', ADMIN_ONLY, takeSnapshot, {
    summary: "Keep this month's KPI values (a KPI already kept is left as it was)",
    body: takeSnapshotBodySchema,
    response: takeSnapshotResultSchema,
  });
  api.get('/api/milestone-owners', PROJECT_WRITERS, milestoneOwners, {
    summary: 'The users who may own milestones',
    list: milestoneOwnerSchema,
  });
  api.get('/api/strategy-projects/:id/milestones', STAFF, listMilestones, {
    summary: "A project's milestones by due date",
    list: milestoneSchema,
  });
  api.post('/api/strategy-projects/:id/milestones', PROJECT_WRITERS, createMilestone, {
    summary: 'Add a milestone',
    body: createMilestoneBodySchema,
    created: milestoneSchema,
  });
  api.patch('/api/milestones/:id', SIGNED_IN, updateMilestone, {
    summary: 'Change a milestone (its owner: status, completion and evidence only)',
    body: updateMilestoneBodySchema,
    response: milestoneSchema,
  });
  api.delete('/api/milestones/:id', PROJECT_WRITERS, deleteMilestone, {
    summary: 'Delete a milestone',
  });
  api.get('/api/me/milestones', SIGNED_IN, myMilestones, {
    summary: "The signed-in user's milestones (overdue=true: the overdue ones)",
    query: milestoneListQuerySchema,
    page: milestoneSchema,
  });
  api.download('/api/strategy/report.pdf', AGGREGATE_READERS, strategyReportPdf, {
    summary: 'The annual strategy report as PDF (lang=kk|ru|en), from live data',
    query: strategyReportQuerySchema,
    produces: [PDF_TYPE],
  });
  api.download('/api/strategy/report.xlsx', AGGREGATE_READERS, strategyReportXlsx, {
    summary: 'The annual strategy report as XLSX, a sheet per table',
    query: strategyReportQuerySchema,
    produces: [XLSX_TYPE],
  });
});
