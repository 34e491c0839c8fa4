import { Alert } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactElement } from 'react';
import { ApiError } from '../api/client';
import { NotFoundPage, PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';

/**
 * What a page that reads one record shows instead of it: "not found" for a bad id or a 404 (a record outside the
 * reader's scope), the error, or the loader; `null` once the record is there.
 */
export function recordState(
  t: TFunction,
  id: number,
  query: { error: unknown; data: unknown },
): ReactElement | null {
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  if (query.error) return <Alert color="red">{errorMessage(t, query.error)}</Alert>;
  if (!query.data) return <PageLoader />;
  return null;
}
