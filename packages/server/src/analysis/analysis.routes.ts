import { programmeAnalysisSchema } from '@kadr/contracts';
import { declareRoutes } from '../plugins/declare-routes.ts';
import type { CapabilityRoutes } from '../plugins/route.ts';
import { CHART_READERS } from '../policy.ts';
import { analyseVersion } from './analysis.service.ts';

/** The analysis of a programme version: staff and observers any, a partner those it co-develops. */
export const analysisRoutes: CapabilityRoutes = async (app) => {
  const api = declareRoutes(app, 'analysis');
  api.get('/api/programme-versions/:id/analysis', CHART_READERS, analyseVersion, {
    summary: 'The discipline × competency matrix, the knowledge/skill/competence balance and the gaps',
    response: programmeAnalysisSchema,
  });
};
