import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Props of {@link FilterSelect}. */
export interface FilterSelectProps {
  label: string;
  /** The choices; an empty selection means "all". */
  data: { value: string; label: string }[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  w?: number;
}

/**
 * A list filter: a clearable select whose empty state reads "All".
 * @example <FilterSelect label={t('bookings.status')} data={…} value={list.filters.status} onChange={(v) => list.setFilter('status', v)} />
 */
export function FilterSelect({ label, data, value, onChange, w = 200 }: FilterSelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      placeholder={t('common.all')}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      w={w}
      data={data}
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
    />
  );
}
