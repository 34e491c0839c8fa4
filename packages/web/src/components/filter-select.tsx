import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Props of {@link FilterSelect}. */
export type FilterSelectProps = {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  w?: number;
  /** Typing filters the choices (a long list: entities, people, programmes, regions). */
  searchable?: boolean;
} & (
  | {
      /** The choices; an empty selection means "all". */
      data: SelectProps['data'];
    }
  | {
      /** A vocabulary to choose from (a contract's list of codes), as in `ChoiceSelect`. */
      choices: readonly string[];
      /** Where the labels are in the locales: `roundStatuses` labels `open` with `roundStatuses.open`. */
      labels: string;
    }
);

/**
 * A list filter: a clearable select whose empty state reads "All".
 * @example <FilterSelect label={t('bookings.status')} choices={BOOKING_STATUSES} labels="bookingStatuses" {...list.filter('status')} />
 */
export function FilterSelect({ label, value, onChange, w = 200, searchable, ...choices }: FilterSelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      placeholder={t('common.all')}
      searchable={searchable}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      w={w}
      data={
        'data' in choices
          ? choices.data
          : choices.choices.map((c) => ({ value: c, label: t(`${choices.labels}.${c}`) }))
      }
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
    />
  );
}
