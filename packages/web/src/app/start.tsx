import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ME_KEY, meQueryOptions } from './api/auth';
import { ApiError, setCsrfToken } from './api/client';
import { loadSettings } from './api/settings';
import { createAppRouter } from './app/router';
import { cssVariablesResolver, theme } from './app/theme';
import { initI18n } from './i18n';

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

// The session check goes out with the language and the settings, not after them (the first route awaits it).
void queryClient.prefetchQuery(meQueryOptions);
void Promise.all([initI18n(), loadSettings()]).then(() =>
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
