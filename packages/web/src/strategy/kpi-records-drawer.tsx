import type { KpiDashboardItem } from '@kadr/contracts';
import { Alert, Anchor, Drawer, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useKpiRecords } from '../api/strategy';
import { PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { currentLocale, localized } from '../i18n';
import { formatKpiNumber, partLabel } from './kpi-format';

/** The records behind a KPI's value: partners, programmes, investments or assets, each linked to its page. */
export function KpiRecordsDrawer({ item, onClose }: { item: KpiDashboardItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const records = useKpiRecords(item?.definition.id ?? null);
  const unit =
    item?.definition.unit === 'ratio' ? 'ratio' : item?.definition.unit === 'tiyn' ? 'tiyn' : 'count';
  return (
    <Drawer
      opened={item !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={item ? t('strategy.recordsOf', { name: localized(item.definition.name, locale) }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {records.error ? <Alert color="red">{errorMessage(t, records.error)}</Alert> : null}
      {item && records.isLoading ? <PageLoader /> : null}
      {item && records.data ? (
        <Stack gap="sm" data-testid="kpi-records-list">
          <Text size="sm">{t('strategy.recordsTotal', { total: records.data.total })}</Text>
          <Table striped>
            <caption className="visually-hidden-caption">{t('strategy.records')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('strategy.record')}</Table.Th>
                <Table.Th>{t('strategy.detail')}</Table.Th>
                <Table.Th>{t('strategy.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {records.data.items.map((r) => (
                <Table.Tr key={`${r.label}|${r.detail}|${r.value}|${r.href}`}>
                  <Table.Td>
                    {r.href ? (
                      <Anchor component={Link} to={r.href}>
                        {r.label}
                      </Anchor>
                    ) : (
                      r.label
                    )}
                  </Table.Td>
                  <Table.Td>{partLabel(r.detail, t)}</Table.Td>
                  <Table.Td>{r.value === null ? '' : formatKpiNumber(r.value, unit, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {item.records ? (
            <Anchor component={Link} to={item.records.web}>
              {t('strategy.openList')}
            </Anchor>
          ) : null}
        </Stack>
      ) : null}
    </Drawer>
  );
}
