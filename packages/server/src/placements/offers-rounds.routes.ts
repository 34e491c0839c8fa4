import {
  addRoundStudentsBodySchema,
  addRoundStudentsByNumberBodySchema,
  addedRoundStudentsSchema,
  applicantsSchema,
  createOfferBodySchema,
  createRoundBodySchema,
  idParamSchema,
  myRankingSchema,
  offerListQuerySchema,
  offerSchema,
  offerScoringBodySchema,
  pageOf,
  partnerRankingBodySchema,
  rankingBodySchema,
  roundListQuerySchema,
  roundOfferBodySchema,
  roundOfferParamsSchema,
  roundOfferSchema,
  roundSchema,
  roundStudentListQuerySchema,
  roundStudentParamsSchema,
  roundStudentSchema,
  roundSummarySchema,
  updateOfferBodySchema,
  updateRoundBodySchema,
} from '@kadr/contracts';
import { z } from 'zod';
import { resourceRoutes } from '../plugins/resource.ts';
import { type CapabilityRoutes, noContent, routeOptions } from '../plugins/route.ts';
import {
  APPLICANT_RANKERS,
  OFFER_READERS,
  OFFER_WRITERS,
  ROUND_OFFER_READERS,
  ROUND_OFFICERS,
  ROUND_READERS,
  STAFF,
  STUDENTS_ONLY,
} from '../policy.ts';
import { createOffer, getOffer, listOffers, transitionOffer, updateOffer } from './offers.service.ts';
import {
  addRoundStudents,
  createRound,
  getApplicants,
  getMyRanking,
  getRound,
  getRoundSummary,
  listRoundOffers,
  listRoundStudents,
  listRounds,
  putMyRanking,
  putOfferScoring,
  putPartnerRanking,
  putRoundOffer,
  removeRoundOffer,
  removeRoundStudent,
  transitionRound,
  updateRound,
} from './rounds.service.ts';
import { addRoundStudentsByNumber } from './round-students-by-number.ts';

const tag = 'placements';
const route = routeOptions(tag);

/**
 * Practice offers and allocation rounds up to the engine (issue 12): offers (partners for themselves, the officer
 * for any), rounds (the officer), the students' rankings and the partners' rankings or scoring.
 */
export const offersRoundsRoutes: CapabilityRoutes = async (app) => {
  resourceRoutes(app, '/api/offers', { tag, read: OFFER_READERS, write: OFFER_WRITERS, item: offerSchema })
    .list(
      'List practice offers (partners: their own; students: published ones)',
      offerListQuerySchema,
      listOffers,
    )
    .get('One practice offer', getOffer)
    .create('Draft a practice offer', createOfferBodySchema, createOffer)
    .update('Change a practice offer that is not withdrawn', updateOfferBodySchema, updateOffer);
  for (const action of ['publish', 'withdraw'] as const)
    app.post(
      `/api/offers/:id/${action}`,
      route(OFFER_WRITERS, action === 'publish' ? 'Publish a draft offer' : 'Withdraw an offer', {
        params: idParamSchema,
        response: { 200: offerSchema },
      }),
      async ({ ctx, params }) => transitionOffer(ctx, params.id, action),
    );

  resourceRoutes(app, '/api/rounds', { tag, read: ROUND_READERS, write: ROUND_OFFICERS, item: roundSchema })
    .list('List allocation rounds', roundListQuerySchema, listRounds)
    .get('One allocation round', getRound)
    .create('Draft an allocation round', createRoundBodySchema, createRound)
    .update('Change a round (the deadlines only once open)', updateRoundBodySchema, updateRound);
  for (const action of ['open', 'close'] as const)
    app.post(
      `/api/rounds/:id/${action}`,
      route(ROUND_OFFICERS, action === 'open' ? 'Open a round for ranking' : 'Close the students’ ranking', {
        params: idParamSchema,
        response: { 200: roundSchema },
      }),
      async ({ ctx, params }) => transitionRound(ctx, params.id, action),
    );
  app.get(
    '/api/rounds/:id/summary',
    route(ROUND_READERS, 'A round’s counts, without personal data', {
      params: idParamSchema,
      response: { 200: roundSummarySchema },
    }),
    async ({ ctx, params }) => getRoundSummary(ctx, params.id),
  );

  app.get(
    '/api/rounds/:id/offers',
    route(ROUND_OFFER_READERS, 'The offers of a round (partners: their own; students: those open to them)', {
      params: idParamSchema,
      response: { 200: z.array(roundOfferSchema) },
    }),
    async ({ ctx, params }) => listRoundOffers(ctx, params.id),
  );
  app.put(
    '/api/rounds/:id/offers/:offerId',
    route(ROUND_OFFICERS, 'Add a published offer to a round, or change its seats and scoring', {
      params: roundOfferParamsSchema,
      body: roundOfferBodySchema,
      response: { 200: roundOfferSchema },
    }),
    async ({ ctx, params, body }) => putRoundOffer(ctx, params.id, params.offerId, body),
  );
  app.delete(
    '/api/rounds/:id/offers/:offerId',
    route(ROUND_OFFICERS, 'Take an offer out of a round', { params: roundOfferParamsSchema }),
    async ({ ctx, params }, reply) => noContent(reply, removeRoundOffer(ctx, params.id, params.offerId)),
  );

  app.get(
    '/api/rounds/:id/students',
    route(STAFF, 'The eligible students of a round', {
      params: idParamSchema,
      querystring: roundStudentListQuerySchema,
      response: { 200: pageOf(roundStudentSchema) },
    }),
    async ({ ctx, params, query }) => listRoundStudents(ctx, params.id, query),
  );
  app.post(
    '/api/rounds/:id/students',
    route(ROUND_OFFICERS, 'Add eligible students by programme and year of study, or listed', {
      params: idParamSchema,
      body: addRoundStudentsBodySchema,
      response: { 200: z.object({ added: z.number().int(), studentIds: z.array(z.number().int()) }) },
    }),
    async ({ ctx, params, body }) => addRoundStudents(ctx, params.id, body),
  );
  app.post(
    '/api/rounds/:id/students/by-number',
    route(ROUND_OFFICERS, 'Add students by a pasted list of student numbers (IIN), all or none', {
      params: idParamSchema,
      body: addRoundStudentsByNumberBodySchema,
      response: { 200: addedRoundStudentsSchema },
    }),
    async ({ ctx, params, body }) => addRoundStudentsByNumber(ctx, params.id, body),
  );
  app.delete(
    '/api/rounds/:id/students/:studentId',
    route(ROUND_OFFICERS, 'Take a student out of a round', { params: roundStudentParamsSchema }),
    async ({ ctx, params }, reply) => noContent(reply, removeRoundStudent(ctx, params.id, params.studentId)),
  );

  app.get(
    '/api/rounds/:id/my-ranking',
    route(STUDENTS_ONLY, 'The signed-in student’s ranking and the offers open to them', {
      params: idParamSchema,
      response: { 200: myRankingSchema },
    }),
    async ({ ctx, params }) => getMyRanking(ctx, params.id),
  );
  app.put(
    '/api/rounds/:id/my-ranking',
    route(STUDENTS_ONLY, 'Rank offers, first choice first (while the round is open)', {
      params: idParamSchema,
      body: rankingBodySchema,
      response: { 200: myRankingSchema },
    }),
    async ({ ctx, params, body }) => putMyRanking(ctx, params.id, body),
  );

  app.get(
    '/api/rounds/:id/offers/:offerId/applicants',
    route(APPLICANT_RANKERS, 'The students who chose an offer, as far as each consented', {
      params: roundOfferParamsSchema,
      response: { 200: applicantsSchema },
    }),
    async ({ ctx, params }) => getApplicants(ctx, params.id, params.offerId),
  );
  app.put(
    '/api/rounds/:id/offers/:offerId/ranking',
    route(APPLICANT_RANKERS, 'Rank an offer’s applicants explicitly, best first', {
      params: roundOfferParamsSchema,
      body: partnerRankingBodySchema,
      response: { 200: applicantsSchema },
    }),
    async ({ ctx, params, body }) => putPartnerRanking(ctx, params.id, params.offerId, body),
  );
  app.put(
    '/api/rounds/:id/offers/:offerId/scoring',
    route(APPLICANT_RANKERS, 'Pick how an offer’s applicants are ordered (GPA, competency fit, a mix)', {
      params: roundOfferParamsSchema,
      body: offerScoringBodySchema,
      response: { 200: applicantsSchema },
    }),
    async ({ ctx, params, body }) => putOfferScoring(ctx, params.id, params.offerId, body),
  );
};
