import {
  agreementQuerySchema,
  assessmentsBodySchema,
  createPlacementBodySchema,
  finalGradeBodySchema,
  hireBodySchema,
  journalEntryBodySchema,
  journalEntrySchema,
  journalReviewSchema,
  mentorLinkBodySchema,
  mentorLinkIssuedSchema,
  mentorLinkOutcomeSchema,
  mentorLinkSubmitBodySchema,
  mentorLinkViewSchema,
  mentorTokenParamSchema,
  placementDetailSchema,
  placementListQuerySchema,
  placementPeopleBodySchema,
  placementSchema,
  placementTransitionBodySchema,
  signoffBodySchema,
  supervisorOptionSchema,
} from '@kadr/contracts';
import { defineRoutes } from '../plugins/declare-routes.ts';
import { routeOptions } from '../plugins/route.ts';
import { PLACEMENT_READERS, publicRoute, STAFF } from '../policy.ts';
import {
  addJournalEntry,
  assessPlacement,
  issueMentorLink,
  mentorLinkView,
  placementJournal,
  reviewJournalEntry,
  submitThroughMentorLink,
  updateJournalEntry,
} from './practice-journal.service.ts';
import {
  createPlacement,
  getPlacement,
  gradePlacement,
  listPlacements,
  markHired,
  placementAgreement,
  signOffAgreement,
  supervisorOptions,
  transitionPlacement,
  updatePlacementPeople,
} from './practice.service.ts';

const tag = 'placements';
const route = routeOptions(tag);

/**
 * The practice part of placements: the placement list and detail, direct placements, supervisor and mentor, the
 * lifecycle, the agreement PDF and its sign-offs, the grade and the hire, the journal, the mentor's reviews and
 * assessments, and the mentor's single-use links (public, the token is the credential). Readers are staff,
 * students, partners and mentors, each scoped by the services; observers none.
 */
export const practiceRoutes = defineRoutes(tag, (api, app, deps) => {
  api.get('/api/placements', PLACEMENT_READERS, listPlacements, {
    summary: 'Placements the reader may see',
    query: placementListQuerySchema,
    page: placementSchema,
  });
  api.post('/api/placements', STAFF, createPlacement, {
    summary: 'Arrange a placement directly, outside any round',
    body: createPlacementBodySchema,
    created: placementDetailSchema,
  });
  api.get('/api/placement-supervisors', STAFF, supervisorOptions, {
    summary: 'Staff users who may supervise a placement',
    list: supervisorOptionSchema,
  });
  api.get('/api/placements/:id', PLACEMENT_READERS, getPlacement, {
    summary: 'One placement: timeline, sign-offs, competencies, what the reader may do',
    response: placementDetailSchema,
  });
  api.patch('/api/placements/:id', STAFF, updatePlacementPeople, {
    summary: 'Set the supervisor, the mentor and the language of a placement',
    body: placementPeopleBodySchema,
    response: placementDetailSchema,
  });
  api.post('/api/placements/:id/transitions', PLACEMENT_READERS, transitionPlacement, {
    summary: 'Move a placement along its lifecycle (recorded as an event)',
    body: placementTransitionBodySchema,
    response: placementDetailSchema,
  });
  api.download('/api/placements/:id/agreement', PLACEMENT_READERS, placementAgreement, {
    summary: 'The tri-partite agreement as a PDF (its SHA-256 in X-Document-Sha256)',
    query: agreementQuerySchema,
  });
  api.post('/api/placements/:id/signoffs', PLACEMENT_READERS, signOffAgreement, {
    summary: 'Sign off the agreement for a party, with the SHA-256 of the PDF seen',
    body: signoffBodySchema,
    response: placementDetailSchema,
  });
  api.put('/api/placements/:id/grade', STAFF, gradePlacement, {
    summary: 'Record the final grade in points (letter and grade point follow)',
    body: finalGradeBodySchema,
    response: placementDetailSchema,
  });
  api.put('/api/placements/:id/hire', PLACEMENT_READERS, markHired, {
    summary: 'Mark that the company hired the student after the practice',
    body: hireBodySchema,
    response: placementDetailSchema,
  });
  api.get('/api/placements/:id/journal', PLACEMENT_READERS, placementJournal, {
    summary: "The student's practice journal",
    list: journalEntrySchema,
  });
  api.post('/api/placements/:id/journal', PLACEMENT_READERS, addJournalEntry, {
    summary: 'Add a day to the journal (the student)',
    body: journalEntryBodySchema,
    created: journalEntrySchema,
  });
  api.patch('/api/journal-entries/:id', PLACEMENT_READERS, updateJournalEntry, {
    summary: 'Correct a submitted or returned journal entry (the student)',
    body: journalEntryBodySchema,
    response: journalEntrySchema,
  });
  api.post('/api/journal-entries/:id/review', PLACEMENT_READERS, reviewJournalEntry, {
    summary: 'Approve or return a journal entry (the signed-in mentor)',
    body: journalReviewSchema,
    response: journalEntrySchema,
  });
  api.put('/api/placements/:id/assessments', PLACEMENT_READERS, assessPlacement, {
    summary: "Assess the offer's competencies (the signed-in mentor)",
    body: assessmentsBodySchema,
  });
  api.post('/api/placements/:id/mentor-links', STAFF, issueMentorLink, {
    summary: 'Issue a single-use, expiring link for the mentor (the token is answered once)',
    body: mentorLinkBodySchema,
    created: mentorLinkIssuedSchema,
  });
  app.get(
    '/api/mentor-links/:token',
    route(
      publicRoute('a mentor without an account; the single-use token is the credential'),
      'What a mentor link shows',
      {
        params: mentorTokenParamSchema,
        response: { 200: mentorLinkViewSchema },
      },
    ),
    async ({ params }) => mentorLinkView(deps, params.token),
  );
  app.post(
    '/api/mentor-links/:token',
    route(
      publicRoute('a mentor without an account; the single-use token is the credential'),
      'Submit reviews and assessments through a mentor link (once)',
      {
        params: mentorTokenParamSchema,
        body: mentorLinkSubmitBodySchema,
        response: { 200: mentorLinkOutcomeSchema },
      },
    ),
    async ({ params, body, id }) =>
      submitThroughMentorLink({ ...deps, timeZone: deps.config.timeZone, requestId: id }, params.token, body),
  );
});
