import type { AuditEntry } from '@kadr/contracts';
import { AUDIT_ENTITIES } from '@kadr/contracts/audit-entities';
import { AUDIT_ACTIONS } from '../api/vocabulary';
import { Badge, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditEntries, useUsers } from '../api/resources';
import { type Column, DataTable } from '../components/data-table';
import { formatDateTime } from '../components/format';
import { TimeZoneNote } from '../components/time-zone-note';
import { useListState } from '../components/use-list-state';
import { currentLocale } from '../i18n';
import { AuditDiff } from './audit-diff';
import { DateField } from '../components/date-field';
import { endOfDay, fromLocalInput } from '../components/date-input';
import { FilterSelect } from '../components/filter-select';

type AuditFilters = {
  entity: string | undefined;
  action: string | undefined;
  actorId: string | undefined;
  from: string | undefined;
  to: string | undefined;
};

const ACTION_COLOR = { create: 'green', update: 'blue', delete: 'red' } as const;

/** A `YYYY-MM-DD` day as the ISO instant of its start (or last millisecond) at the university. */
function dayBoundary(day: string | undefined, end: boolean): string | undefined {
  if (!day) return undefined;
  const boundary = end ? endOfDay(day) : fromLocalInput(day);
  return boundary && end ? new Date(Date.parse(boundary) - 1).toISOString() : boundary;
}

/** Admin page: the audit log with filters (entity, action, actor, dates); a row expands into its diff. */
export function AuditPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const list = useListState<AuditFilters>({
    sort: '-at',
    filters: { entity: undefined, action: undefined, actorId: undefined, from: undefined, to: undefined },
  });
  const params = useMemo(
    () => ({
      ...list.params,
      from: dayBoundary(list.filters.from, false),
      to: dayBoundary(list.filters.to, true),
    }),
    [list.params, list.filters.from, list.filters.to],
  );
  const entries = useAuditEntries(params);
  const actors = useUsers({ pageSize: 200, sort: 'email' });
  const actorOptions = (actors.data?.items ?? []).map((u) => ({ value: String(u.id), label: u.email }));
  /** An entity kind's name in the reader's language (the code itself for a kind recorded before it had one). */
  const entityName = (entity: string) => t(`auditEntities.${entity}`, { defaultValue: entity });
  const entityOptions = AUDIT_ENTITIES.map((entity) => ({ value: entity, label: entityName(entity) })).sort(
    (a, b) => a.label.localeCompare(b.label, locale),
  );

  const columns: Column<AuditEntry>[] = [
    {
      key: 'at',
      header: t('audit.at'),
      sortField: 'at',
      nowrap: true,
      render: (e) => formatDateTime(e.at, locale),
    },
    { key: 'actor', header: t('audit.actor'), render: (e) => e.actorEmail ?? t('audit.system') },
    {
      key: 'action',
      header: t('audit.action'),
      sortField: 'action',
      nowrap: true,
      render: (e) => (
        <Badge color={ACTION_COLOR[e.action]} variant="light">
          {t(`audit.actions.${e.action}`)}
        </Badge>
      ),
    },
    {
      key: 'entity',
      header: t('audit.entity'),
      sortField: 'entity',
      // The stored code stays readable beside its name: it is what the API filters by.
      render: (e) => (
        <Text size="sm" title={e.entity}>
          {entityName(e.entity)}
        </Text>
      ),
    },
    { key: 'entityId', header: t('audit.entityId'), render: (e) => e.entityId },
  ];

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('audit.title')}
      </Title>
      <TimeZoneNote />
      <DataTable
        testId="audit-table"
        caption={t('audit.title')}
        columns={columns}
        list={list}
        query={entries}
        rowKey={(e) => e.id}
        renderExpanded={(e) => <AuditDiff before={e.before} after={e.after} />}
        expandLabel={(e) => t('audit.showChanges', { entity: entityName(e.entity), id: e.entityId })}
        filters={
          <>
            <FilterSelect
              label={t('audit.entity')}
              w={240}
              searchable
              data={entityOptions}
              {...list.filter('entity')}
            />
            <FilterSelect
              label={t('audit.action')}
              w={150}
              choices={AUDIT_ACTIONS}
              labels="audit.actions"
              {...list.filter('action')}
            />
            <FilterSelect
              label={t('audit.actor')}
              w={240}
              searchable
              data={actorOptions}
              {...list.filter('actorId')}
            />
            <DateField
              label={t('audit.from')}
              w={160}
              value={list.filters.from ?? ''}
              onChange={(v) => list.setFilter('from', v || undefined)}
            />
            <DateField
              label={t('audit.to')}
              w={160}
              value={list.filters.to ?? ''}
              onChange={(v) => list.setFilter('to', v || undefined)}
            />
          </>
        }
      />
    </Stack>
  );
}
