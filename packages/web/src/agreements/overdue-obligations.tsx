import type { Obligation } from '@kadr/contracts';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useOverdueObligations } from '../api/agreements';
import { type Column, DataTable } from '../components/data-table';
import { useListState } from '../components/use-list-state';
import { currentLocale } from '../i18n';
import { obligationColumns } from './agreement-obligations';

/** Obligations past their due date and neither met nor waived, each linked to its agreement. */
export function OverdueObligations() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const list = useListState<Record<string, undefined>>({ sort: 'dueOn', filters: {} });
  const overdue = useOverdueObligations(list.params);
  const columns: Column<Obligation>[] = [
    {
      key: 'agreement',
      header: t('agreements.number'),
      nowrap: true,
      render: (o) => (
        <Link
          to="/agreements/$agreementId"
          params={{ agreementId: String(o.agreementId) }}
          className="table-link"
        >
          {o.agreementNumber}
        </Link>
      ),
    },
    ...obligationColumns(t, locale).map((c) =>
      c.key === 'due' ? { ...c, sortField: 'dueOn', nowrap: true } : c,
    ),
  ];
  return (
    <DataTable
      testId="overdue-obligations-table"
      caption={t('obligations.overdue')}
      columns={columns}
      list={list}
      query={overdue}
      rowKey={(o) => o.id}
    />
  );
}
