import type {
  AuditPage,
  CreateOrganisationBody,
  CreateUserBody,
  Organisation,
  Page,
  ResetPasswordBody,
  UpdateOrganisationBody,
  UpdateUserBody,
  User,
} from '@kadr/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type QueryParams } from './client';

/** Keeps the previous page on screen while the next one loads, so tables do not jump. */
const listDefaults = { placeholderData: keepPreviousData } as const;

/** A page of users, filtered and sorted as in `GET /api/users`. */
export function useUsers(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: ['users', params],
    queryFn: ({ signal }) => apiFetch<Page<User>>('/api/users', { query: params, signal }),
    enabled,
    ...listDefaults,
  });
}

/** Creates, edits and resets users; every success refreshes the user lists. */
export function useUserMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });
  return {
    create: useMutation({
      mutationFn: (body: CreateUserBody) => apiFetch<User>('/api/users', { method: 'POST', body }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: number; patch: UpdateUserBody }) =>
        apiFetch<User>(`/api/users/${id}`, { method: 'PATCH', body: patch }),
      onSuccess: refresh,
    }),
    resetPassword: useMutation({
      mutationFn: ({ id, ...body }: { id: number } & ResetPasswordBody) =>
        apiFetch<void>(`/api/users/${id}/reset-password`, { method: 'POST', body }),
    }),
  };
}

/** A page of organisations, as in `GET /api/organisations`. */
export function useOrganisations(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: ['organisations', params],
    queryFn: ({ signal }) => apiFetch<Page<Organisation>>('/api/organisations', { query: params, signal }),
    enabled,
    ...listDefaults,
  });
}

/** One organisation by id. */
export function useOrganisation(id: number | undefined) {
  return useQuery({
    queryKey: ['organisation', id],
    queryFn: ({ signal }) => apiFetch<Organisation>(`/api/organisations/${id}`, { signal }),
    enabled: id !== undefined,
  });
}

/** Creates and edits organisations; every success refreshes organisation queries. */
export function useOrganisationMutations() {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['organisations'] });
    await queryClient.invalidateQueries({ queryKey: ['organisation'] });
  };
  return {
    create: useMutation({
      mutationFn: (body: CreateOrganisationBody) =>
        apiFetch<Organisation>('/api/organisations', { method: 'POST', body }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: number; patch: UpdateOrganisationBody }) =>
        apiFetch<Organisation>(`/api/organisations/${id}`, { method: 'PATCH', body: patch }),
      onSuccess: refresh,
    }),
  };
}

/** A page of audit entries, as in `GET /api/audit`. */
export function useAuditEntries(params: QueryParams) {
  return useQuery({
    queryKey: ['audit', params],
    queryFn: ({ signal }) => apiFetch<AuditPage>('/api/audit', { query: params, signal }),
    ...listDefaults,
  });
}
