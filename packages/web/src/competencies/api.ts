import type {
  Competency,
  CreateCompetencyBody,
  CreateFrameworkBody,
  EscoImportResult,
  Framework,
  Locale,
  Page,
  ProgrammeOutcomes,
  PutOutcomesBody,
  UpdateCompetencyBody,
  UpdateFrameworkBody,
} from '@kadr/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type QueryParams } from '../api/client';

const listDefaults = { placeholderData: keepPreviousData } as const;

/** A page of competency frameworks, as in `GET /api/frameworks`. */
export function useFrameworks(params: QueryParams) {
  return useQuery({
    queryKey: ['frameworks', params],
    queryFn: ({ signal }) => apiFetch<Page<Framework>>('/api/frameworks', { query: params, signal }),
    ...listDefaults,
  });
}

/** One framework. */
export function useFramework(id: number) {
  return useQuery({
    queryKey: ['framework', id],
    queryFn: ({ signal }) => apiFetch<Framework>(`/api/frameworks/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });
}

/** A page of one framework's competencies, as in `GET /api/frameworks/:id/competencies`. */
export function useFrameworkCompetencies(id: number, params: QueryParams) {
  return useQuery({
    queryKey: ['competencies', id, params],
    queryFn: ({ signal }) =>
      apiFetch<Page<Competency>>(`/api/frameworks/${id}/competencies`, { query: params, signal }),
    enabled: Number.isInteger(id) && id > 0,
    ...listDefaults,
  });
}

/** Competencies of every framework matching a search, for pickers (`GET /api/competencies`). */
export function useCompetencySearch(q: string) {
  return useQuery({
    queryKey: ['competencies', 'search', q],
    queryFn: ({ signal }) =>
      apiFetch<Page<Competency>>('/api/competencies', { query: { q, pageSize: 30 }, signal }),
    ...listDefaults,
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return async () => {
    for (const key of ['frameworks', 'framework', 'competencies', 'outcomes'])
      await queryClient.invalidateQueries({ queryKey: [key] });
  };
}

/** Creates, edits and deletes frameworks; every success refreshes frameworks and competencies. */
export function useFrameworkMutations() {
  const refresh = useRefresh();
  return {
    create: useMutation({
      mutationFn: (body: CreateFrameworkBody) =>
        apiFetch<Framework>('/api/frameworks', { method: 'POST', body }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: number; patch: UpdateFrameworkBody }) =>
        apiFetch<Framework>(`/api/frameworks/${id}`, { method: 'PATCH', body: patch }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: number) => apiFetch<void>(`/api/frameworks/${id}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
  };
}

/** Creates, edits and deletes competencies. */
export function useCompetencyMutations() {
  const refresh = useRefresh();
  return {
    create: useMutation({
      mutationFn: (body: CreateCompetencyBody) =>
        apiFetch<Competency>('/api/competencies', { method: 'POST', body }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: number; patch: UpdateCompetencyBody }) =>
        apiFetch<Competency>(`/api/competencies/${id}`, { method: 'PATCH', body: patch }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: number) => apiFetch<void>(`/api/competencies/${id}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
  };
}

/** What an ESCO import sends: the skills file, the optional relations file, the language, dry run or not. */
export interface EscoUpload {
  skills: File;
  broaderRelations: File | null;
  language: Locale;
  dryRun: boolean;
}

/** Sends ESCO files to `POST /api/frameworks/:id/esco-import`; a real import refreshes the lists. */
export function useEscoImport(frameworkId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ skills, broaderRelations, language, dryRun }: EscoUpload) => {
      const form = new FormData();
      form.append('skills', skills);
      if (broaderRelations) form.append('broaderRelations', broaderRelations);
      return apiFetch<EscoImportResult>(`/api/frameworks/${frameworkId}/esco-import`, {
        method: 'POST',
        body: form,
        query: { language, dryRun: String(dryRun) },
      });
    },
    onSuccess: async (result) => {
      if (!result.dryRun) await refresh();
    },
  });
}

/** The outcomes mapping of a programme version, as in `GET /api/programme-versions/:id/outcomes`. */
export function useOutcomes(versionId: number) {
  return useQuery({
    queryKey: ['outcomes', versionId],
    queryFn: ({ signal }) =>
      apiFetch<ProgrammeOutcomes>(`/api/programme-versions/${versionId}/outcomes`, { signal }),
    enabled: Number.isInteger(versionId) && versionId > 0,
    retry: false,
  });
}

/** Replaces the outcomes mapping of a draft version. */
export function usePutOutcomes(versionId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutOutcomesBody) =>
      apiFetch<ProgrammeOutcomes>(`/api/programme-versions/${versionId}/outcomes`, { method: 'PUT', body }),
    onSuccess: (data) => queryClient.setQueryData(['outcomes', versionId], data),
  });
}
