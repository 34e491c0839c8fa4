import {
  allocationJobSchema,
  allocationRoundSchema,
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
import { defineRoutes } from '../plugins/declare-routes.ts';
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

/**
 * Allocation of placement rounds (issue 12 item 2): officers run the engine (a job: 202, then polled), preview,
 * publish and open the next round; staff read the preview; students read their results and answer; partners read
 * who was placed at their own offers.
 */
export const allocationRoutes = defineRoutes('placements', (api) => {
  api.get('/api/allocation/rounds', RECORD_READERS, listAllocationRounds, {
    summary: 'Rounds to allocate (staff: closed and published; a partner: published)',
    list: allocationRoundSchema,
  });
  api.post('/api/rounds/:id/allocation', ALLOCATION_OFFICERS, startAllocation, {
    summary: 'Run the allocation engine on a closed round (answers the job to poll)',
    accepted: allocationJobSchema,
  });
  api.get('/api/rounds/:id/allocation', STAFF, getAllocationJob, {
    summary: "The round's last engine run in this server: stage and progress",
    response: allocationJobSchema,
  });
  api.get('/api/rounds/:id/allocation/preview', STAFF, getPreview, {
    summary: 'The preview of an allocated round: statistics and the checker verdict',
    response: roundPreviewSchema,
  });
  api.post('/api/rounds/:id/allocation/publish', ALLOCATION_OFFICERS, publishRound, {
    summary: 'Publish the previewed allocation: every placement or none',
    response: publishedRoundSchema,
  });
  api.post('/api/rounds/:id/next-round', ALLOCATION_OFFICERS, createNextRound, {
    summary: 'Open the next round: the offers, the unplaced students, the kept seats',
    body: nextRoundBodySchema,
    created: nextRoundSchema,
  });
  api.get('/api/rounds/:id/results', RECORD_READERS, roundResults, {
    summary: 'Who was placed at each offer (a partner: its own offers, consented data only)',
    query: roundResultsQuerySchema,
    response: roundResultsSchema,
  });
  api.get('/api/me/placement-results', STUDENTS_ONLY, myRoundResults, {
    summary: "The signed-in student's placement results, explained",
    query: resultsQuerySchema,
    list: studentRoundResultSchema,
  });
  api.post('/api/placements/:id/response', STUDENTS_ONLY, respondToPlacement, {
    summary: 'Accept or decline an offered place, by the round’s response deadline',
    body: placementResponseBodySchema,
    response: placementResponseSchema,
  });
});
