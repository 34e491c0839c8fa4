import {
  consentOrganisationSchema,
  consentSchema,
  createConsentBodySchema,
  createEnrolmentBodySchema,
  createResultBodySchema,
  createStudentBodySchema,
  enrolmentSchema,
  resultSchema,
  studentListQuerySchema,
  studentResultsSchema,
  studentSchema,
  updateEnrolmentBodySchema,
  updateResultBodySchema,
  updateStudentBodySchema,
} from '@kadr/contracts';
import { defineRoutes } from '../plugins/declare-routes.ts';
import { CONSENT_WRITERS, STUDENT_READERS, STUDENT_WRITERS, STUDENTS_ONLY } from '../policy.ts';
import { consentOrganisations, createConsent, listConsents, revokeConsent } from './consents.service.ts';
import { createEnrolment, listEnrolments, updateEnrolment } from './enrolments.service.ts';
import { createResult, deleteResult, listResults, updateResult } from './results.service.ts';
import { createStudent, getOwnStudent, getStudent, listStudents, updateStudent } from './students.service.ts';

const access = { read: STUDENT_READERS, write: STUDENT_WRITERS };

/**
 * Students, enrolments, consents and results (personal data, DOMAIN §8): admins and coordinators write; staff read
 * all; a partner reads only students with a current consent for its organisation, and only what it lists; a
 * student reads and consents for themself; observers, mentors and admissions see no student.
 */
export const studentRoutes = defineRoutes('students', (api) => {
  api
    .resource('/api/students', { ...access, item: studentSchema })
    .list(
      'List students (a partner: those who consented; a student: themself)',
      studentListQuerySchema,
      listStudents,
    )
    .get('One student, with the fields the reader may see', getStudent)
    .create('Record a student', createStudentBodySchema, createStudent)
    .update('Change a student', updateStudentBodySchema, updateStudent);
  api
    .resource('/api/results', { ...access, item: resultSchema })
    .create('Record a discipline result', createResultBodySchema, createResult)
    .update('Change a result', updateResultBodySchema, updateResult)
    .remove('Delete a result', deleteResult);
  api.get('/api/me/student', STUDENTS_ONLY, getOwnStudent, {
    summary: "The signed-in student's own record",
    response: studentSchema,
  });

  api.get('/api/students/:id/enrolments', STUDENT_READERS, listEnrolments, {
    summary: "A student's enrolments",
    list: enrolmentSchema,
  });
  api.post('/api/students/:id/enrolments', STUDENT_WRITERS, createEnrolment, {
    summary: 'Enrol a student in a programme version',
    body: createEnrolmentBodySchema,
    created: enrolmentSchema,
  });
  api.patch('/api/enrolments/:id', STUDENT_WRITERS, updateEnrolment, {
    summary: "Change an enrolment's status (on leave, graduated, withdrawn)",
    body: updateEnrolmentBodySchema,
    response: enrolmentSchema,
  });

  api.get('/api/students/:id/consents', STUDENT_READERS, listConsents, {
    summary: "A student's consents (a partner: its own organisation's)",
    list: consentSchema,
  });
  api.post('/api/students/:id/consents', CONSENT_WRITERS, createConsent, {
    summary: 'Record a consent the student gives an organisation (staff, or the student)',
    body: createConsentBodySchema,
    created: consentSchema,
  });
  api.get('/api/consents/organisations', CONSENT_WRITERS, consentOrganisations, {
    summary: 'The partner universities and companies a student may give a consent',
    list: consentOrganisationSchema,
  });
  api.post('/api/consents/:id/revoke', CONSENT_WRITERS, revokeConsent, {
    summary: 'Revoke a consent now (staff, or the student)',
    response: consentSchema,
  });

  api.get('/api/students/:id/results', STUDENT_READERS, listResults, {
    summary: "A student's results and GPA (a partner: with the results scope)",
    response: studentResultsSchema,
  });
});
