import type {
  ApproveVersionBody,
  CreateDisciplineBody,
  CreateEquivalenceBody,
  CreditEquivalence,
  CreateProgrammeBody,
  CreateVersionBody,
  Discipline,
  Page,
  Programme,
  ProgrammeVersion,
  ProgrammeVersionDetail,
  UpdateDisciplineBody,
  UpdateEquivalenceBody,
  UpdateProgrammeBody,
} from '@kadr/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMe } from '../api/auth';
import { apiFetch, type QueryParams } from '../api/client';

/** Every cache the programme pages read; a write refreshes them all (they are small). */
const KEYS = ['programmes', 'programme', 'programme-versions', 'programme-version', 'equivalences'] as const;

/** True when the signed-in user writes programmes (admin, coordinator; the API checks it again). */
export function useCanEditProgrammes(): boolean {
  const role = useMe()?.role;
  return role === 'admin' || role === 'coordinator';
}

/** A page of the catalogue, as in `GET /api/programmes`. */
export function useProgrammes(params: QueryParams) {
  return useQuery({
    queryKey: ['programmes', params],
    queryFn: ({ signal }) => apiFetch<Page<Programme>>('/api/programmes', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One programme. */
export function useProgramme(id: number) {
  return useQuery({
    queryKey: ['programme', id],
    queryFn: ({ signal }) => apiFetch<Programme>(`/api/programmes/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });
}

/** A programme's version history, newest first. */
export function useProgrammeVersions(id: number) {
  return useQuery({
    queryKey: ['programme-versions', id],
    queryFn: ({ signal }) =>
      apiFetch<Page<ProgrammeVersion>>(`/api/programmes/${id}/versions`, {
        query: { pageSize: 200 },
        signal,
      }),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });
}

/** One version with its disciplines, approvals and what it still lacks. */
export function useProgrammeVersion(id: number) {
  return useQuery({
    queryKey: ['programme-version', id],
    queryFn: ({ signal }) => apiFetch<ProgrammeVersionDetail>(`/api/programme-versions/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });
}

function useProgrammeMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      for (const key of KEYS) await queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}

/** Creates and edits programmes (the shape `useRecordForm` takes), and deletes them. */
export function useProgrammeMutations() {
  return {
    create: useProgrammeMutation((body: CreateProgrammeBody) =>
      apiFetch<Programme>('/api/programmes', { method: 'POST', body }),
    ),
    update: useProgrammeMutation(({ id, patch }: { id: number; patch: UpdateProgrammeBody }) =>
      apiFetch<Programme>(`/api/programmes/${id}`, { method: 'PATCH', body: patch }),
    ),
    remove: useProgrammeMutation((id: number) =>
      apiFetch<void>(`/api/programmes/${id}`, { method: 'DELETE' }),
    ),
  };
}

/** Opens a draft version of a programme (a copy of its latest version). */
export function useCreateVersion(programmeId: number) {
  return useProgrammeMutation((body: CreateVersionBody) =>
    apiFetch<ProgrammeVersion>(`/api/programmes/${programmeId}/versions`, { method: 'POST', body }),
  );
}

/** The steps of a version's life: submit, withdraw, approve (a partner), delete a draft. */
export function useVersionActions(id: number) {
  const post = (step: string, body?: unknown) =>
    apiFetch<ProgrammeVersion>(`/api/programme-versions/${id}/${step}`, { method: 'POST', body });
  return {
    submit: useProgrammeMutation(() => post('submit')),
    withdraw: useProgrammeMutation(() => post('withdraw')),
    approve: useProgrammeMutation((body: ApproveVersionBody) => post('approve', body)),
    remove: useProgrammeMutation(() => apiFetch<void>(`/api/programme-versions/${id}`, { method: 'DELETE' })),
  };
}

/** Adds, edits and deletes the disciplines of a draft. */
export function useDisciplineMutations(versionId: number) {
  return {
    create: useProgrammeMutation((body: CreateDisciplineBody) =>
      apiFetch<Discipline>(`/api/programme-versions/${versionId}/disciplines`, { method: 'POST', body }),
    ),
    update: useProgrammeMutation(({ id, patch }: { id: number; patch: UpdateDisciplineBody }) =>
      apiFetch<Discipline>(`/api/disciplines/${id}`, { method: 'PATCH', body: patch }),
    ),
    remove: useProgrammeMutation((id: number) =>
      apiFetch<void>(`/api/disciplines/${id}`, { method: 'DELETE' }),
    ),
  };
}

/** The credit equivalences of a discipline (a partner's own organisation's only: the API scopes them). */
export function useEquivalences(disciplineId: number, enabled = true) {
  return useQuery({
    queryKey: ['equivalences', disciplineId],
    queryFn: ({ signal }) =>
      apiFetch<Page<CreditEquivalence>>(`/api/disciplines/${disciplineId}/equivalences`, {
        query: { pageSize: 200, sort: 'courseCode' },
        signal,
      }),
    enabled,
  });
}

/** Adds, edits and deletes the credit equivalences of a discipline of a draft. */
export function useEquivalenceMutations(disciplineId: number) {
  return {
    create: useProgrammeMutation((body: CreateEquivalenceBody) =>
      apiFetch<CreditEquivalence>(`/api/disciplines/${disciplineId}/equivalences`, { method: 'POST', body }),
    ),
    update: useProgrammeMutation(({ id, patch }: { id: number; patch: UpdateEquivalenceBody }) =>
      apiFetch<CreditEquivalence>(`/api/credit-equivalences/${id}`, { method: 'PATCH', body: patch }),
    ),
    remove: useProgrammeMutation((id: number) =>
      apiFetch<void>(`/api/credit-equivalences/${id}`, { method: 'DELETE' }),
    ),
  };
}
