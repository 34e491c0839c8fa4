import type {
  Consent,
  ConsentOrganisation,
  CreateConsentBody,
  CreateEnrolmentBody,
  CreateResultBody,
  CreateStudentBody,
  Enrolment,
  Page,
  Result,
  Student,
  StudentResults,
  UpdateResultBody,
  UpdateStudentBody,
} from '@kadr/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMe } from './auth';
import { apiFetch, type QueryParams } from './client';

/** Every students cache: lists, one student and its parts. */
const STUDENT_KEYS = ['students', 'student'];

/** True when the signed-in user may record and change students (the API's write policy: admin, coordinator). */
export function useCanEditStudents(): boolean {
  const role = useMe()?.role;
  return role === 'admin' || role === 'coordinator';
}

/** True when the signed-in user may record and revoke consents for any student (staff). */
export function useCanRecordConsents(): boolean {
  const role = useMe()?.role;
  return role === 'admin' || role === 'coordinator' || role === 'officer';
}

/** A page of students as in `GET /api/students` (a partner: those who consented; a student: themself). */
export function useStudents(params: QueryParams) {
  return useQuery({
    queryKey: ['students', params],
    queryFn: ({ signal }) => apiFetch<Page<Student>>('/api/students', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One student by id, or the signed-in student's own record for `'me'`. */
export function useStudent(id: number | 'me') {
  return useQuery({
    queryKey: ['student', id],
    queryFn: ({ signal }) =>
      apiFetch<Student>(id === 'me' ? '/api/me/student' : `/api/students/${id}`, { signal }),
    retry: false,
  });
}

/** A part of a student's record (enrolments, consents, results), loaded only when the reader may see it. */
function useStudentPart<T>(id: number | undefined, part: string, enabled: boolean) {
  return useQuery({
    queryKey: ['student', id, part],
    queryFn: ({ signal }) => apiFetch<T>(`/api/students/${id}/${part}`, { signal }),
    enabled: id !== undefined && enabled,
    retry: false,
  });
}

/** A student's enrolments, oldest first. */
export const useEnrolments = (id: number | undefined, enabled = true) =>
  useStudentPart<Enrolment[]>(id, 'enrolments', enabled);
/** A student's consents (a partner: its own organisation's). */
export const useConsents = (id: number | undefined, enabled = true) =>
  useStudentPart<Consent[]>(id, 'consents', enabled);
/** A student's results and GPA. */
export const useResults = (id: number | undefined, enabled = true) =>
  useStudentPart<StudentResults>(id, 'results', enabled);

/** A mutation whose success refreshes every students cache. */
function useStudentsMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all(STUDENT_KEYS.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    },
  });
}

/** Records and changes students. */
export function useStudentMutations() {
  return {
    create: useStudentsMutation((body: CreateStudentBody) =>
      apiFetch<Student>('/api/students', { method: 'POST', body }),
    ),
    update: useStudentsMutation(({ id, patch }: { id: number; patch: UpdateStudentBody }) =>
      apiFetch<Student>(`/api/students/${id}`, { method: 'PATCH', body: patch }),
    ),
  };
}

/** The partner universities and companies a consent may be given to (`GET /api/consents/organisations`). */
export function useConsentOrganisations(enabled: boolean) {
  return useQuery({
    queryKey: ['consent-organisations'],
    queryFn: ({ signal }) => apiFetch<ConsentOrganisation[]>('/api/consents/organisations', { signal }),
    enabled,
    staleTime: 60_000,
  });
}

/** Gives a student's consent to an organisation, and revokes one. */
export function useConsentMutations(studentId: number) {
  return {
    create: useStudentsMutation((body: CreateConsentBody) =>
      apiFetch<Consent>(`/api/students/${studentId}/consents`, { method: 'POST', body }),
    ),
    revoke: useStudentsMutation((id: number) =>
      apiFetch<Consent>(`/api/consents/${id}/revoke`, { method: 'POST' }),
    ),
  };
}

/** Enrols a student in a programme version (admin, coordinator). */
export function useEnrolmentMutations(studentId: number) {
  return {
    create: useStudentsMutation((body: CreateEnrolmentBody) =>
      apiFetch<Enrolment>(`/api/students/${studentId}/enrolments`, { method: 'POST', body }),
    ),
  };
}

/** Records a discipline result and corrects one (admin, coordinator): the shape `useRecordForm` takes. */
export function useResultMutations() {
  return {
    create: useStudentsMutation((body: CreateResultBody) =>
      apiFetch<Result>('/api/results', { method: 'POST', body }),
    ),
    update: useStudentsMutation(({ id, patch }: { id: number; patch: UpdateResultBody }) =>
      apiFetch<Result>(`/api/results/${id}`, { method: 'PATCH', body: patch }),
    ),
  };
}
