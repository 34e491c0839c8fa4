import { organisationsRepository, projectsRepository } from '@kadr/db';
import { todayOf } from '../../agreements/agreements.service.ts';
import type { ServiceContext } from '../../context.ts';
import { kpiDashboard } from '../kpis.service.ts';
import { presentProject } from '../projects.service.ts';
import type { StrategyReport } from './report-tables.ts';

/**
 * The annual strategy report from live data, as the actor may see it: the KPI dashboard with a year of history
 * (an observer gets confidential sums only from three partners, see kpis.service.ts) and every project with its
 * milestone counts (no owners: no personal data).
 */
export async function strategyReport(ctx: ServiceContext): Promise<StrategyReport> {
  const [home] = (
    await organisationsRepository.list(ctx.db, { kind: 'home_university', page: 1, pageSize: 1 })
  ).items;
  const dashboard = await kpiDashboard(ctx, { months: 12 });
  const projects = await projectsRepository.all(ctx.db, todayOf(ctx));
  return {
    universityName: home?.name ?? { kk: 'Kadr', ru: 'Kadr', en: 'Kadr' },
    generatedAt: ctx.now().toISOString(),
    dashboard,
    projects: projects.map(presentProject),
  };
}
