import { programmeAnalysisSchema } from '@kadr/contracts';
import { defineRoutes } from '../plugins/declare-routes.ts';
import { CHART_READERS } from '../policy.ts';
import { analyseVersion } from './analysis.service.ts';

/** The analysis of a programme version: staff and observers any, a partner those it co-develops. */
export const analysisRoutes = defineRoutes('analysis', (api) => {
  api.get('/api/programme-versions/:id/analysis', CHART_READERS, analyseVersion, {
    summary: 'The discipline × competency matrix, the knowledge/skill/competence balance and the gaps',
    response: programmeAnalysisSchema,
  });
});
