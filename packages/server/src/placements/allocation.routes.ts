import {
  allocationJobSchema,
  allocationRoundSchema,
  idParamSchema,
  nextRoundBodySchema,
  nextRoundSchema,
  placementResponseBodySchema,
  placementResponseSchema,
  publishedRoundSchema,
  resultsQuerySchema,
  roundPreviewSchema,
  roundResultsQuerySchema,
  roundResultsSchema,
  studentRoundResultSchema,
} from '@kadr/contracts';
import { z } from 'zod';
import { type CapabilityRoutes, created, routeOptions } from '../plugins/route.ts';
import { ALLOCATION_OFFICERS, RECORD_READERS, STAFF, STUDENTS_ONLY } from '../policy.ts';
import {
  createNextRound,
  getAllocationJob,
  getPreview,
  listAllocationRounds,
  myRoundResults,
  publishRound,
  respondToPlacement,
  roundResults,
  startAllocation,
} from './allocation.service.ts';

const tag = 'placements';
const route = routeOptions(tag);
const params = idParamSchema;

/**
 * Allocation of placement rounds (issue 12 item 2): officers run the engine (a job: 202, then polled), preview,
 * publish and open the next round; staff read the preview; students read their results and answer; partners read
 * who was placed at their own offers.
 */
export const allocationRoutes: CapabilityRoutes = async (app) => {
  app.get(
    '/api/allocation/rounds',
    route(RECORD_READERS, 'Rounds to allocate (staff: closed and published; a partner: published)', {
      response: { 200: z.array(allocationRoundSchema) },
    }),
    async ({ ctx }) => listAllocationRounds(ctx),
  );
  app.post(
    '/api/rounds/:id/allocation',
    route(ALLOCATION_OFFICERS, 'Run the allocation engine on a closed round (answers the job to poll)', {
      params,
      response: { 202: allocationJobSchema },
    }),
    async ({ ctx, params }, reply) => reply.status(202).send(await startAllocation(ctx, params.id)),
  );
  app.get(
    '/api/rounds/:id/allocation',
    route(STAFF, "The round's last engine run in this server: stage and progress", {
      params,
      response: { 200: allocationJobSchema },
    }),
    async ({ ctx, params }) => getAllocationJob(ctx, params.id),
  );
  app.get(
    '/api/rounds/:id/allocation/preview',
    route(STAFF, 'The preview of an allocated round: statistics and the checker verdict', {
      params,
      response: { 200: roundPreviewSchema },
    }),
    async ({ ctx, params }) => getPreview(ctx, params.id),
  );
  app.post(
    '/api/rounds/:id/allocation/publish',
    route(ALLOCATION_OFFICERS, 'Publish the previewed allocation: every placement or none', {
      params,
      response: { 200: publishedRoundSchema },
    }),
    async ({ ctx, params }) => publishRound(ctx, params.id),
  );
  app.post(
    '/api/rounds/:id/next-round',
    route(ALLOCATION_OFFICERS, 'Open the next round: the offers, the unplaced students, the kept seats', {
      params,
      body: nextRoundBodySchema,
      response: { 201: nextRoundSchema },
    }),
    async ({ ctx, params, body }, reply) => created(reply, await createNextRound(ctx, params.id, body)),
  );
  app.get(
    '/api/rounds/:id/results',
    route(RECORD_READERS, 'Who was placed at each offer (a partner: its own offers, consented data only)', {
      params,
      querystring: roundResultsQuerySchema,
      response: { 200: roundResultsSchema },
    }),
    async ({ ctx, params, query }) => roundResults(ctx, params.id, query),
  );
  app.get(
    '/api/me/placement-results',
    route(STUDENTS_ONLY, "The signed-in student's placement results, explained", {
      querystring: resultsQuerySchema,
      response: { 200: z.array(studentRoundResultSchema) },
    }),
    async ({ ctx, query }) => myRoundResults(ctx, query.locale),
  );
  app.post(
    '/api/placements/:id/response',
    route(STUDENTS_ONLY, 'Accept or decline an offered place, by the round’s response deadline', {
      params,
      body: placementResponseBodySchema,
      response: { 200: placementResponseSchema },
    }),
    async ({ ctx, params, body }) => respondToPlacement(ctx, params.id, body),
  );
};
