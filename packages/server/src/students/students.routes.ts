import {
  consentOrganisationSchema,
  consentSchema,
  createConsentBodySchema,
  createEnrolmentBodySchema,
  createResultBodySchema,
  createStudentBodySchema,
  enrolmentSchema,
  idParamSchema,
  resultSchema,
  studentListQuerySchema,
  studentResultsSchema,
  studentSchema,
  updateEnrolmentBodySchema,
  updateResultBodySchema,
  updateStudentBodySchema,
} from '@kadr/contracts';
import { z } from 'zod';
import { resourceRoutes } from '../plugins/resource.ts';
import { type CapabilityRoutes, created, routeOptions } from '../plugins/route.ts';
import { CONSENT_WRITERS, STUDENT_READERS, STUDENT_WRITERS, STUDENTS_ONLY } from '../policy.ts';
import { consentOrganisations, createConsent, listConsents, revokeConsent } from './consents.service.ts';
import { createEnrolment, listEnrolments, updateEnrolment } from './enrolments.service.ts';
import { createResult, deleteResult, listResults, updateResult } from './results.service.ts';
import { createStudent, getOwnStudent, getStudent, listStudents, updateStudent } from './students.service.ts';

const tag = 'students';
const route = routeOptions(tag);
const params = idParamSchema;

/**
 * Students, enrolments, consents and results (personal data, DOMAIN §8): admins and coordinators write; staff read
 * all; a partner reads only students with a current consent for its organisation, and only what it lists; a
 * student reads and consents for themself; observers, mentors and admissions see no student.
 */
export const studentRoutes: CapabilityRoutes = async (app) => {
  resourceRoutes(app, '/api/students', {
    tag,
    read: STUDENT_READERS,
    write: STUDENT_WRITERS,
    item: studentSchema,
  })
    .list(
      'List students (a partner: those who consented; a student: themself)',
      studentListQuerySchema,
      listStudents,
    )
    .get('One student, with the fields the reader may see', getStudent)
    .create('Record a student', createStudentBodySchema, createStudent)
    .update('Change a student', updateStudentBodySchema, updateStudent);
  app.get(
    '/api/me/student',
    route(STUDENTS_ONLY, "The signed-in student's own record", { response: { 200: studentSchema } }),
    async ({ ctx }) => getOwnStudent(ctx),
  );

  app.get(
    '/api/students/:id/enrolments',
    route(STUDENT_READERS, "A student's enrolments", { params, response: { 200: z.array(enrolmentSchema) } }),
    async ({ ctx, params }) => listEnrolments(ctx, params.id),
  );
  app.post(
    '/api/students/:id/enrolments',
    route(STUDENT_WRITERS, 'Enrol a student in a programme version', {
      params,
      body: createEnrolmentBodySchema,
      response: { 201: enrolmentSchema },
    }),
    async ({ ctx, params, body }, reply) => created(reply, await createEnrolment(ctx, params.id, body)),
  );
  app.patch(
    '/api/enrolments/:id',
    route(STUDENT_WRITERS, "Change an enrolment's status (on leave, graduated, withdrawn)", {
      params,
      body: updateEnrolmentBodySchema,
      response: { 200: enrolmentSchema },
    }),
    async ({ ctx, params, body }) => updateEnrolment(ctx, params.id, body),
  );

  app.get(
    '/api/students/:id/consents',
    route(STUDENT_READERS, "A student's consents (a partner: its own organisation's)", {
      params,
      response: { 200: z.array(consentSchema) },
    }),
    async ({ ctx, params }) => listConsents(ctx, params.id),
  );
  app.post(
    '/api/students/:id/consents',
    route(CONSENT_WRITERS, 'Record a consent the student gives an organisation (staff, or the student)', {
      params,
      body: createConsentBodySchema,
      response: { 201: consentSchema },
    }),
    async ({ ctx, params, body }, reply) => created(reply, await createConsent(ctx, params.id, body)),
  );
  app.get(
    '/api/consents/organisations',
    route(CONSENT_WRITERS, 'The partner universities and companies a student may give a consent', {
      response: { 200: z.array(consentOrganisationSchema) },
    }),
    async ({ ctx }) => consentOrganisations(ctx),
  );
  app.post(
    '/api/consents/:id/revoke',
    route(CONSENT_WRITERS, 'Revoke a consent now (staff, or the student)', {
      params,
      response: { 200: consentSchema },
    }),
    async ({ ctx, params }) => revokeConsent(ctx, params.id),
  );

  app.get(
    '/api/students/:id/results',
    route(STUDENT_READERS, "A student's results and GPA (a partner: with the results scope)", {
      params,
      response: { 200: studentResultsSchema },
    }),
    async ({ ctx, params }) => listResults(ctx, params.id),
  );
  resourceRoutes(app, '/api/results', {
    tag,
    read: STUDENT_READERS,
    write: STUDENT_WRITERS,
    item: resultSchema,
  })
    .create('Record a discipline result', createResultBodySchema, createResult)
    .update('Change a result', updateResultBodySchema, updateResult)
    .remove('Delete a result', deleteResult);
};
