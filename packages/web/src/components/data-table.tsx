import type { Page } from '@kadr/contracts';
import {
  ActionIcon,
  Alert,
  Group,
  LoadingOverlay,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import {
  IconArrowsSort,
  IconChevronDown,
  IconChevronRight,
  IconSearch,
  IconSortAscending,
  IconSortDescending,
} from '@tabler/icons-react';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './error-text';
import type { ListState } from './use-list-state';

/** One column of a {@link DataTable}. */
export interface Column<T> {
  key: string;
  header: string;
  /** The API sort field; when set, the header becomes a sort button. */
  sortField?: string;
  render: (row: T) => ReactNode;
  width?: number | string;
  /** Keep the cell on one line (badges, dates, buttons). */
  nowrap?: boolean;
}

/** Props of {@link DataTable}. */
export interface DataTableProps<T, F extends Record<string, string | undefined>> {
  /** Accessible name of the table (read by screen readers, shown to none). */
  caption: string;
  columns: Column<T>[];
  list: ListState<F>;
  /** The list's query, as TanStack Query answers it: the page of rows, whether it is fetching, its error. */
  query: { data: Page<T> | undefined; isFetching: boolean; error: unknown };
  rowKey: (row: T) => string | number;
  /** Placeholder of the search box, saying what is searched; no search box when absent. */
  searchHint?: string;
  /** Filter inputs shown beside the search box. */
  filters?: ReactNode;
  /** Buttons at the right of the toolbar (e.g. "Create"). */
  actions?: ReactNode;
  /** When set, every row gets an expand button that shows this content below it. */
  renderExpanded?: (row: T) => ReactNode;
  /** Label of the expand button of a row. */
  expandLabel?: (row: T) => string;
  testId?: string;
}

const PAGE_SIZES = ['10', '25', '50', '100'];

function SortHeader({
  label,
  field,
  sort,
  onSort,
}: {
  label: string;
  field: string;
  sort?: string;
  onSort: () => void;
}) {
  const direction = sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : 'none';
  const Icon =
    direction === 'ascending'
      ? IconSortAscending
      : direction === 'descending'
        ? IconSortDescending
        : IconArrowsSort;
  return (
    <Table.Th aria-sort={direction}>
      <UnstyledButton className="sort-button" onClick={onSort} data-sort={field}>
        {label}
        <Icon size={14} aria-hidden="true" />
      </UnstyledButton>
    </Table.Th>
  );
}

/**
 * The one list table of the app: search, filters, sortable headers (click to sort), pagination
 * and optional expandable rows, driven by a {@link ListState} and a {@link Page} from the API.
 */
export function DataTable<T, F extends Record<string, string | undefined>>(props: DataTableProps<T, F>) {
  const { t } = useTranslation();
  const { list, columns } = props;
  const { data, error } = props.query;
  const [expanded, setExpanded] = useState<Set<string | number>>(new Set());
  const totalPages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const colSpan = columns.length + (props.renderExpanded ? 1 : 0);

  const toggleRow = (key: string | number) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <Stack gap="sm" data-testid={props.testId}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Group align="flex-end" gap="sm">
          {props.searchHint ? (
            <TextInput
              label={t('table.search')}
              placeholder={props.searchHint}
              type="search"
              leftSection={<IconSearch size={16} aria-hidden="true" />}
              value={list.q}
              onChange={(e) => list.setQ(e.currentTarget.value)}
              w={240}
            />
          ) : null}
          {props.filters}
        </Group>
        {props.actions ? <Group gap="sm">{props.actions}</Group> : null}
      </Group>
      {error ? (
        <Alert color="red" role="alert">
          {errorMessage(t, error)}
        </Alert>
      ) : null}
      <Table.ScrollContainer minWidth={640} pos="relative">
        <LoadingOverlay visible={props.query.isFetching && !data} zIndex={10} />
        <Table striped highlightOnHover withTableBorder verticalSpacing="xs">
          <caption className="visually-hidden-caption">{props.caption}</caption>
          <Table.Thead>
            <Table.Tr>
              {props.renderExpanded ? (
                <Table.Th w={40}>
                  <span className="visually-hidden-caption">{t('table.details')}</span>
                </Table.Th>
              ) : null}
              {columns.map((column) =>
                column.sortField ? (
                  <SortHeader
                    key={column.key}
                    label={column.header}
                    field={column.sortField}
                    sort={list.sort}
                    onSort={() => list.toggleSort(column.sortField!)}
                  />
                ) : (
                  <Table.Th key={column.key} w={column.width}>
                    {column.header}
                  </Table.Th>
                ),
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.items.map((row) => {
              const key = props.rowKey(row);
              const isOpen = expanded.has(key);
              return (
                <Fragment key={key}>
                  <Table.Tr data-row={key}>
                    {props.renderExpanded ? (
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          onClick={() => toggleRow(key)}
                          aria-expanded={isOpen}
                          aria-label={props.expandLabel?.(row) ?? t('table.details')}
                        >
                          {isOpen ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                        </ActionIcon>
                      </Table.Td>
                    ) : null}
                    {columns.map((column) => (
                      <Table.Td key={column.key} style={column.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                        {column.render(row)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                  {isOpen && props.renderExpanded ? (
                    <Table.Tr>
                      <Table.Td colSpan={colSpan}>{props.renderExpanded(row)}</Table.Td>
                    </Table.Tr>
                  ) : null}
                </Fragment>
              );
            })}
            {data && data.items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={colSpan}>
                  <Text c="dimmed" ta="center" py="md">
                    {t('table.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          {data
            ? t(data.totalCapped ? 'table.totalMoreThan' : 'table.total', { count: data.total })
            : t('app.loading')}
        </Text>
        <Group gap="sm">
          <Select
            label={t('table.pageSize')}
            size="xs"
            w={90}
            data={PAGE_SIZES}
            value={String(list.pageSize)}
            onChange={(value) => value && list.setPageSize(Number(value))}
            allowDeselect={false}
          />
          <Pagination
            total={totalPages}
            value={list.page}
            onChange={list.setPage}
            size="sm"
            mt="lg"
            aria-label={t('table.pagination')}
            getControlProps={(control) => ({ 'aria-label': t(`table.${control}Page`) })}
            getItemProps={(page) => ({ 'aria-label': t('table.goToPage', { page }) })}
          />
        </Group>
      </Group>
    </Stack>
  );
}
