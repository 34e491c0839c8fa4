import { DEFAULT_PAGE_SIZE } from '../api/vocabulary';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useMemo, useState } from 'react';
import type { QueryParams } from '../api/client';

/** The state of one list page: paging, sorting, search text and resource filters. */
export interface ListState<F extends Record<string, string | undefined>> {
  page: number;
  pageSize: number;
  /** The sort parameter: a field, or `-field` for descending. */
  sort: string | undefined;
  /** The search text as typed (the query uses a debounced copy). */
  q: string;
  filters: F;
  setPage: (page: number) => void;
  setPageSize: (pageSize: number) => void;
  setQ: (q: string) => void;
  /** Sets one filter and goes back to the first page. */
  setFilter: <K extends keyof F>(key: K, value: F[K]) => void;
  /**
   * The `value` and `onChange` of the input of filter `key`, as a form's `field(key)` is an input's (the input
   * offers only the filter's values).
   * @example <FilterSelect label={t('rounds.status')} choices={ROUND_STATUSES} labels="roundStatuses" {...list.filter('status')} />
   */
  filter: <K extends keyof F & string>(
    key: K,
  ) => { value: F[K]; onChange: (value: string | undefined) => void };
  /** Sorts by a field: ascending first, then descending on the next click. */
  toggleSort: (field: string) => void;
  /** The query parameters for the list endpoint. */
  params: QueryParams;
}

/**
 * Holds the paging, sorting, search and filters of a list and turns them into query parameters of
 * the list convention (`page`, `pageSize`, `sort`, `q` and filters).
 * @example const list = useListState({ sort: 'email', filters: { role: undefined } });
 */
export function useListState<F extends Record<string, string | undefined>>(init: {
  sort?: string;
  filters: F;
  pageSize?: number;
}): ListState<F> {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSizeState] = useState(init.pageSize ?? DEFAULT_PAGE_SIZE);
  const [sort, setSort] = useState<string | undefined>(init.sort);
  const [q, setQState] = useState('');
  const [filters, setFilters] = useState<F>(init.filters);
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);

  const setQ = useCallback((value: string) => {
    setQState(value);
    setPage(1);
  }, []);
  const setPageSize = useCallback((value: number) => {
    setPageSizeState(value);
    setPage(1);
  }, []);
  const setFilter = useCallback(<K extends keyof F>(key: K, value: F[K]) => {
    setFilters((current) => ({ ...current, [key]: value }));
    setPage(1);
  }, []);
  const filter = <K extends keyof F & string>(key: K) => ({
    value: filters[key],
    onChange: (value: string | undefined) => setFilter(key, value as F[K]),
  });
  const toggleSort = useCallback((field: string) => {
    setSort((current) => (current === field ? `-${field}` : field));
    setPage(1);
  }, []);

  const params = useMemo<QueryParams>(
    () => ({ page, pageSize, sort, q: debouncedQ, ...filters }),
    [page, pageSize, sort, debouncedQ, filters],
  );

  return {
    page,
    pageSize,
    sort,
    q,
    filters,
    setPage,
    setPageSize,
    setQ,
    setFilter,
    filter,
    toggleSort,
    params,
  };
}
