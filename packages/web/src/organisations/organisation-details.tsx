import type { Organisation } from '@kadr/contracts';
import { Anchor, Badge, Group, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName, currentLocale, localized } from '../i18n';

/** Priority-area badges of an organisation, or an em dash. */
export function PriorityBadges({ areas }: { areas: Organisation['priorityAreas'] }) {
  const { t } = useTranslation();
  if (areas.length === 0) return <>—</>;
  return (
    <Group gap={4}>
      {areas.map((area) => (
        <Badge key={area} variant="light" color="teal" size="sm">
          {t(`priorityAreas.${area}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** Every field of an organisation as a two-column table (read-only). */
export function OrganisationDetails({ organisation: o }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const website =
    o.website && /^https?:\/\//.test(o.website) ? (
      <Anchor href={o.website} target="_blank" rel="noreferrer">
        {o.website}
      </Anchor>
    ) : (
      o.website || '—'
    );
  const rows: [string, ReactNode][] = [
    [
      t('organisations.nameKk'),
      <span key="kk" lang="kk">
        {o.name.kk}
      </span>,
    ],
    [
      t('organisations.nameRu'),
      <span key="ru" lang="ru">
        {o.name.ru}
      </span>,
    ],
    [
      t('organisations.nameEn'),
      <span key="en" lang="en">
        {o.name.en || '—'}
      </span>,
    ],
    [t('organisations.shortName'), o.shortName],
    [t('organisations.kind'), t(`orgKinds.${o.kind}`)],
    [t('organisations.country'), countryName(o.country)],
    [t('organisations.city'), localized(o.city, locale) || '—'],
    [t('organisations.sector'), o.sector ? t(`organisationSectors.${o.sector}`) : '—'],
    [t('organisations.priorityAreas'), <PriorityBadges key="areas" areas={o.priorityAreas} />],
    [t('organisations.website'), website],
    [t('users.status'), o.active ? t('common.active') : t('common.inactive')],
  ];
  return (
    <Table variant="vertical" withTableBorder maw={760}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={220}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
