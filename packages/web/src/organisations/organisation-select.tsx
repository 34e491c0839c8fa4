import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../api/resources';
import { currentLocale, localized } from '../i18n';

/** Props of {@link OrganisationSelect}: a Mantine Select whose value is an organisation id. */
export type OrganisationSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: number | undefined;
  onChange: (id: number | undefined) => void;
};

/**
 * A searchable select of organisations (the first 200 by short name), labelled
 * "short name — name in the interface language".
 */
export function OrganisationSelect({ value, onChange, ...props }: OrganisationSelectProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const organisations = useOrganisations({ pageSize: 200, sort: 'shortName' });
  const data = useMemo(
    () =>
      (organisations.data?.items ?? []).map((o) => ({
        value: String(o.id),
        label: `${o.shortName} — ${localized(o.name, locale)}`,
      })),
    [organisations.data, locale],
  );
  return (
    <Select
      searchable
      nothingFoundMessage={t('table.empty')}
      {...props}
      data={data}
      value={value === undefined ? null : String(value)}
      onChange={(next) => onChange(next ? Number(next) : undefined)}
    />
  );
}
