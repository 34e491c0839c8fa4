import {
  addRoundStudentsBodySchema,
  addRoundStudentsByNumberBodySchema,
  addedRoundStudentsSchema,
  applicantsSchema,
  createOfferBodySchema,
  createRoundBodySchema,
  myRankingSchema,
  offerListQuerySchema,
  offerSchema,
  offerScoringBodySchema,
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
import { defineRoutes } from '../plugins/declare-routes.ts';
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

/**
 * Practice offers and allocation rounds up to the engine (issue 12): offers (partners for themselves, the officer
 * for any), rounds (the officer), the students' rankings and the partners' rankings or scoring.
 */
export const offersRoundsRoutes = defineRoutes('placements', (api) => {
  api
    .resource('/api/offers', { read: OFFER_READERS, write: OFFER_WRITERS, item: offerSchema })
    .list(
      'List practice offers (partners: their own; students: published ones)',
      offerListQuerySchema,
      listOffers,
    )
    .get('One practice offer', getOffer)
    .create('Draft a practice offer', createOfferBodySchema, createOffer)
    .update('Change a practice offer that is not withdrawn', updateOfferBodySchema, updateOffer);
  api
    .resource('/api/rounds', { read: ROUND_READERS, write: ROUND_OFFICERS, item: roundSchema })
    .list('List allocation rounds', roundListQuerySchema, listRounds)
    .get('One allocation round', getRound)
    .create('Draft an allocation round', createRoundBodySchema, createRound)
    .update('Change a round (the deadlines only once open)', updateRoundBodySchema, updateRound);
  for (const action of ['publish', 'withdraw'] as const)
    api.post(`/api/offers/:id/${action}`, OFFER_WRITERS, (ctx, id) => transitionOffer(ctx, id, action), {
      summary: action === 'publish' ? 'Publish a draft offer' : 'Withdraw an offer',
      response: offerSchema,
    });

  for (const action of ['open', 'close'] as const)
    api.post(`/api/rounds/:id/${action}`, ROUND_OFFICERS, (ctx, id) => transitionRound(ctx, id, action), {
      summary: action === 'open' ? 'Open a round for ranking' : 'Close the students’ ranking',
      response: roundSchema,
    });
  api.get('/api/rounds/:id/summary', ROUND_READERS, getRoundSummary, {
    summary: 'A round’s counts, without personal data',
    response: roundSummarySchema,
  });

  api.get('/api/rounds/:id/offers', ROUND_OFFER_READERS, listRoundOffers, {
    summary: 'The offers of a round (partners: their own; students: those open to them)',
    list: roundOfferSchema,
  });
  api.put('/api/rounds/:id/offers/:offerId', ROUND_OFFICERS, putRoundOffer, {
    summary: 'Add a published offer to a round, or change its seats and scoring',
    params: roundOfferParamsSchema,
    body: roundOfferBodySchema,
    response: roundOfferSchema,
  });
  api.delete('/api/rounds/:id/offers/:offerId', ROUND_OFFICERS, removeRoundOffer, {
    summary: 'Take an offer out of a round',
    params: roundOfferParamsSchema,
  });

  api.get('/api/rounds/:id/students', STAFF, listRoundStudents, {
    summary: 'The eligible students of a round',
    query: roundStudentListQuerySchema,
    page: roundStudentSchema,
  });
  api.post('/api/rounds/:id/students', ROUND_OFFICERS, addRoundStudents, {
    summary: 'Add eligible students by programme and year of study, or listed',
    body: addRoundStudentsBodySchema,
    response: z.object({ added: z.number().int(), studentIds: z.array(z.number().int()) }),
  });
  api.post('/api/rounds/:id/students/by-number', ROUND_OFFICERS, addRoundStudentsByNumber, {
    summary: 'Add students by a pasted list of student numbers (IIN), all or none',
    body: addRoundStudentsByNumberBodySchema,
    response: addedRoundStudentsSchema,
  });
  api.delete('/api/rounds/:id/students/:studentId', ROUND_OFFICERS, removeRoundStudent, {
    summary: 'Take a student out of a round',
    params: roundStudentParamsSchema,
  });

  api.get('/api/rounds/:id/my-ranking', STUDENTS_ONLY, getMyRanking, {
    summary: 'The signed-in student’s ranking and the offers open to them',
    response: myRankingSchema,
  });
  api.put('/api/rounds/:id/my-ranking', STUDENTS_ONLY, putMyRanking, {
    summary: 'Rank offers, first choice first (while the round is open)',
    body: rankingBodySchema,
    response: myRankingSchema,
  });

  api.get('/api/rounds/:id/offers/:offerId/applicants', APPLICANT_RANKERS, getApplicants, {
    summary: 'The students who chose an offer, as far as each consented',
    params: roundOfferParamsSchema,
    response: applicantsSchema,
  });
  api.put('/api/rounds/:id/offers/:offerId/ranking', APPLICANT_RANKERS, putPartnerRanking, {
    summary: 'Rank an offer’s applicants explicitly, best first',
    params: roundOfferParamsSchema,
    body: partnerRankingBodySchema,
    response: applicantsSchema,
  });
  api.put('/api/rounds/:id/offers/:offerId/scoring', APPLICANT_RANKERS, putOfferScoring, {
    summary: 'Pick how an offer’s applicants are ordered (GPA, competency fit, a mix)',
    params: roundOfferParamsSchema,
    body: offerScoringBodySchema,
    response: applicantsSchema,
  });
});
