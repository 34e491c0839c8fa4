import type {
  ApiToken,
  ChangePasswordBody,
  CreatedToken,
  CreateTokenBody,
  Locale,
  LoginBody,
  Me,
} from '@kadr/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch, setCsrfToken } from './client';

/** The secret-bearing answer of token creation (shown once). */
export type { CreatedToken };

/** Query key of the signed-in user. */
export const ME_KEY = ['me'] as const;

/** Loads the signed-in user, or `null` when there is no session (401). Keeps the CSRF token current. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiFetch<Me>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Query options of the signed-in user, shared by the router guards and the components. */
export const meQueryOptions = queryOptions({
  queryKey: ME_KEY,
  queryFn: fetchMe,
  staleTime: Number.POSITIVE_INFINITY,
});

/** The signed-in user (`null` when signed out, `undefined` while loading). */
export function useMe() {
  return useQuery(meQueryOptions).data;
}

/** Signs in; on success the user lands in the `me` cache. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => apiFetch<Me>('/api/auth/login', { method: 'POST', body }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.removeQueries();
      queryClient.setQueryData(ME_KEY, me);
    },
  });
}

/** Signs out and forgets every cached answer, whatever the server said. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await apiFetch<void>('/api/auth/logout', { method: 'POST' });
      } catch (error) {
        // An expired session is already signed out.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries();
      queryClient.setQueryData(ME_KEY, null);
    },
  });
}

/** Saves the interface language of the signed-in user. */
export function useSaveLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    // One at a time, in click order, so the last language chosen is the one saved.
    scope: { id: 'save-locale' },
    mutationFn: (locale: Locale) =>
      apiFetch<Me>('/api/auth/preferences', { method: 'PATCH', body: { locale } }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(ME_KEY, me);
    },
  });
}

/** Changes the password of the signed-in user. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => apiFetch<void>('/api/auth/password', { method: 'POST', body }),
  });
}

const TOKENS_KEY = ['tokens'] as const;

/** The personal API tokens of the signed-in user. */
export function useApiTokens() {
  return useQuery({ queryKey: TOKENS_KEY, queryFn: () => apiFetch<ApiToken[]>('/api/auth/tokens') });
}

/** Creates a personal API token; the answer carries the secret once. */
export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenBody) =>
      apiFetch<CreatedToken>('/api/auth/tokens', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

/** Revokes a personal API token. */
export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<void>(`/api/auth/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}
