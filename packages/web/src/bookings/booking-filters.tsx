import { useTranslation } from 'react-i18next';
import type { QueryParams } from '../api/client';
import { BOOKING_PURPOSES, BOOKING_STATUSES } from '../api/vocabulary';
import { endOfDay, fromLocalInput } from '../components/date-input';
import { FilterSelect } from '../components/filter-select';
import type { ListState } from '../components/use-list-state';
import { AssetSelect, assetFields } from './asset-select';
import { DateField } from '../components/date-field';

/** The filters of the bookings list as the inputs hold them (dates as `YYYY-MM-DD`). */
export type BookingFilterState = {
  asset: string | undefined;
  purpose: string | undefined;
  status: string | undefined;
  from: string | undefined;
  to: string | undefined;
};

/** The `GET /api/bookings` parameters: the asset as `labId`/`equipmentId`, the days as instants (`to` inclusive). */
export function bookingQuery(list: ListState<BookingFilterState>): QueryParams {
  const { asset, from, to, ...filters } = list.filters;
  return {
    ...list.params,
    asset: undefined,
    ...filters,
    ...assetFields(asset),
    from: from ? fromLocalInput(from) : undefined,
    to: to ? endOfDay(to) : undefined,
  };
}

/** Asset, purpose, status and date-range filters of the bookings list. */
export function BookingFilters({ list }: { list: ListState<BookingFilterState> }) {
  const { t } = useTranslation();
  const dateFilter = (key: 'from' | 'to', label: string) => (
    <DateField
      label={label}
      w={150}
      value={list.filters[key] ?? ''}
      onChange={(v) => list.setFilter(key, v || undefined)}
    />
  );

  return (
    <>
      <AssetSelect
        label={t('bookings.asset')}
        clearable
        w={210}
        value={list.filters.asset ?? null}
        onChange={(value) => list.setFilter('asset', value ?? undefined)}
      />
      <FilterSelect
        label={t('bookings.purpose')}
        w={180}
        choices={BOOKING_PURPOSES}
        labels="bookingPurposes"
        {...list.filter('purpose')}
      />
      <FilterSelect
        label={t('bookings.status')}
        w={140}
        choices={BOOKING_STATUSES}
        labels="bookingStatuses"
        {...list.filter('status')}
      />
      {dateFilter('from', t('material.periodFrom'))}
      {dateFilter('to', t('material.periodTo'))}
    </>
  );
}
