import { idParamSchema, programmeAnalysisSchema } from '@kadr/contracts';
import { type CapabilityRoutes, routeOptions } from '../plugins/route.ts';
import { CHART_READERS } from '../policy.ts';
import { analyseVersion } from './analysis.service.ts';

const route = routeOptions('analysis');

/** The analysis of a programme version: staff and observers any, a partner those it co-develops. */
export const analysisRoutes: CapabilityRoutes = async (app) => {
  app.get(
    '/api/programme-versions/:id/analysis',
    route(
      CHART_READERS,
      'The discipline × competency matrix, the knowledge/skill/competence balance and the gaps',
      {
        params: idParamSchema,
        response: { 200: programmeAnalysisSchema },
      },
    ),
    async ({ ctx, params }) => analyseVersion(ctx, params.id),
  );
};
