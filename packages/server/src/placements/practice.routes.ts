import {
  agreementQuerySchema,
  assessmentsBodySchema,
  createPlacementBodySchema,
  finalGradeBodySchema,
  hireBodySchema,
  idParamSchema,
  journalEntryBodySchema,
  journalEntrySchema,
  journalReviewSchema,
  mentorLinkBodySchema,
  mentorLinkIssuedSchema,
  mentorLinkOutcomeSchema,
  mentorLinkSubmitBodySchema,
  mentorLinkViewSchema,
  mentorTokenParamSchema,
  pageOf,
  placementDetailSchema,
  placementListQuerySchema,
  placementPeopleBodySchema,
  placementSchema,
  placementTransitionBodySchema,
  signoffBodySchema,
  supervisorOptionSchema,
} from '@kadr/contracts';
import { z } from 'zod';
import { type CapabilityRoutes, created, noContent, routeOptions, sendAttachment } from '../plugins/route.ts';
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
const detail = { response: { 200: placementDetailSchema } };

/**
 * The practice part of placements: the placement list and detail, direct placements, supervisor and mentor, the
 * lifecycle, the agreement PDF and its sign-offs, the grade and the hire, the journal, the mentor's reviews and
 * assessments, and the mentor's single-use links (public, the token is the credential). Readers are staff,
 * students, partners and mentors, each scoped by the services; observers none.
 */
export const practiceRoutes: CapabilityRoutes = async (app, deps) => {
  app.get(
    '/api/placements',
    route(PLACEMENT_READERS, 'Placements the reader may see', {
      querystring: placementListQuerySchema,
      response: { 200: pageOf(placementSchema) },
    }),
    async ({ ctx, query }) => listPlacements(ctx, query),
  );
  app.post(
    '/api/placements',
    route(STAFF, 'Arrange a placement directly, outside any round', {
      body: createPlacementBodySchema,
      response: { 201: placementDetailSchema },
    }),
    async ({ ctx, body }, reply) => created(reply, await createPlacement(ctx, body)),
  );
  app.get(
    '/api/placement-supervisors',
    route(STAFF, 'Staff users who may supervise a placement', {
      response: { 200: z.array(supervisorOptionSchema) },
    }),
    async ({ ctx }) => supervisorOptions(ctx),
  );
  app.get(
    '/api/placements/:id',
    route(PLACEMENT_READERS, 'One placement: timeline, sign-offs, competencies, what the reader may do', {
      params: idParamSchema,
      ...detail,
    }),
    async ({ ctx, params }) => getPlacement(ctx, params.id),
  );
  app.patch(
    '/api/placements/:id',
    route(STAFF, 'Set the supervisor, the mentor and the language of a placement', {
      params: idParamSchema,
      body: placementPeopleBodySchema,
      ...detail,
    }),
    async ({ ctx, params, body }) => updatePlacementPeople(ctx, params.id, body),
  );
  app.post(
    '/api/placements/:id/transitions',
    route(PLACEMENT_READERS, 'Move a placement along its lifecycle (recorded as an event)', {
      params: idParamSchema,
      body: placementTransitionBodySchema,
      ...detail,
    }),
    async ({ ctx, params, body }) => transitionPlacement(ctx, params.id, body),
  );
  app.get(
    '/api/placements/:id/agreement',
    route(PLACEMENT_READERS, 'The tri-partite agreement as a PDF (its SHA-256 in X-Document-Sha256)', {
      params: idParamSchema,
      querystring: agreementQuerySchema,
    }),
    async ({ ctx, params, query }, reply) => {
      const agreement = await placementAgreement(ctx, params.id, query.lang);
      reply.header('x-document-sha256', agreement.sha256);
      return sendAttachment(reply, agreement.pdf, 'application/pdf', agreement.fileName);
    },
  );
  app.post(
    '/api/placements/:id/signoffs',
    route(PLACEMENT_READERS, 'Sign off the agreement for a party, with the SHA-256 of the PDF seen', {
      params: idParamSchema,
      body: signoffBodySchema,
      ...detail,
    }),
    async ({ ctx, params, body }) => signOffAgreement(ctx, params.id, body),
  );
  app.put(
    '/api/placements/:id/grade',
    route(STAFF, 'Record the final grade in points (letter and grade point follow)', {
      params: idParamSchema,
      body: finalGradeBodySchema,
      ...detail,
    }),
    async ({ ctx, params, body }) => gradePlacement(ctx, params.id, body),
  );
  app.put(
    '/api/placements/:id/hire',
    route(PLACEMENT_READERS, 'Mark that the company hired the student after the practice', {
      params: idParamSchema,
      body: hireBodySchema,
      ...detail,
    }),
    async ({ ctx, params, body }) => markHired(ctx, params.id, body),
  );
  app.get(
    '/api/placements/:id/journal',
    route(PLACEMENT_READERS, "The student's practice journal", {
      params: idParamSchema,
      response: { 200: z.array(journalEntrySchema) },
    }),
    async ({ ctx, params }) => placementJournal(ctx, params.id),
  );
  app.post(
    '/api/placements/:id/journal',
    route(PLACEMENT_READERS, 'Add a day to the journal (the student)', {
      params: idParamSchema,
      body: journalEntryBodySchema,
      response: { 201: journalEntrySchema },
    }),
    async ({ ctx, params, body }, reply) => created(reply, await addJournalEntry(ctx, params.id, body)),
  );
  app.patch(
    '/api/journal-entries/:id',
    route(PLACEMENT_READERS, 'Correct a submitted or returned journal entry (the student)', {
      params: idParamSchema,
      body: journalEntryBodySchema,
      response: { 200: journalEntrySchema },
    }),
    async ({ ctx, params, body }) => updateJournalEntry(ctx, params.id, body),
  );
  app.post(
    '/api/journal-entries/:id/review',
    route(PLACEMENT_READERS, 'Approve or return a journal entry (the signed-in mentor)', {
      params: idParamSchema,
      body: journalReviewSchema,
      response: { 200: journalEntrySchema },
    }),
    async ({ ctx, params, body }) => reviewJournalEntry(ctx, params.id, body),
  );
  app.put(
    '/api/placements/:id/assessments',
    route(PLACEMENT_READERS, "Assess the offer's competencies (the signed-in mentor)", {
      params: idParamSchema,
      body: assessmentsBodySchema,
    }),
    async ({ ctx, params, body }, reply) => noContent(reply, assessPlacement(ctx, params.id, body)),
  );
  app.post(
    '/api/placements/:id/mentor-links',
    route(STAFF, 'Issue a single-use, expiring link for the mentor (the token is answered once)', {
      params: idParamSchema,
      body: mentorLinkBodySchema,
      response: { 201: mentorLinkIssuedSchema },
    }),
    async ({ ctx, params, body }, reply) => created(reply, await issueMentorLink(ctx, params.id, body)),
  );
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
};
