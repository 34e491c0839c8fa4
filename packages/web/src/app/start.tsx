/**
 * The app's start, loaded by main.tsx once it has started the page's requests (early.ts): the query client, the
 * router and the first render. The router resolves the page (the session check, the page's code and data) while
 * the language's texts and the settings load, and React renders once those two are in.
 */
import { MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ME_KEY, meQueryOptions } from '../api/auth';
import { ApiError, setCsrfToken } from '../api/client';
import { loadSettings } from '../api/settings';
import { dropEarly, startLocale } from './early';
import { createAppRouter } from './router';
import { cssVariablesResolver, theme } from './theme';
import { initI18n } from '../i18n';

/** A 401 on any call other than the session check means the session ended: go back to sign-in. */
function onApiError(error: unknown) {
  if (!(error instanceof ApiError) || error.status !== 401) return;
  if (error.code === 'INVALID_CREDENTIALS') return;
  setCsrfToken(null);
  queryClient.setQueryData(ME_KEY, null);
  void router.invalidate();
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

const router = createAppRouter(queryClient);

// The session check (asked for by main.tsx already) and the page: matched, its code and data loading, before the
// first render rather than after it. The router's first render sees the load under way or done (Transitioner).
void queryClient.prefetchQuery(meQueryOptions);
void router.load();
// Answers main.tsx asked for that the first page did not take are not kept for a later call.
const unsubscribe = router.subscribe('onResolved', () => {
  unsubscribe();
  dropEarly();
});
void Promise.all([initI18n(startLocale()), loadSettings()]).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  ),
);
