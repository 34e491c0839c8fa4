import type { Booking } from '@kadr/contracts';
import { Badge, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Column } from '../components/data-table';
import { formatDateTime } from '../components/format';
import { formatHours } from '../components/number-format';
import type { DialogOpener } from '../components/lazy-dialog';
import { RowActions } from '../components/row-actions';
import { currentLocale } from '../i18n';
import { bookingSubject, periodParts } from './booking-text';

const hoursBetween = (start: string, end: string) => (Date.parse(end) - Date.parse(start)) / 3_600_000;

/** The recorded use of a booking in one line: actual time, hours and attendees. */
function UsageCell({ booking }: { booking: Booking }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const u = booking.usage;
  if (!u) return <Text c="dimmed">—</Text>;
  return (
    <Text
      size="sm"
      title={`${formatDateTime(u.actualStart, locale)} – ${formatDateTime(u.actualEnd, locale)}`}
    >
      {t('bookings.usageSummary', {
        hours: formatHours(hoursBetween(u.actualStart, u.actualEnd), locale),
        people: u.attendeesCount,
      })}
    </Text>
  );
}

/** The day on one line, the hours below it, so the column stays narrow. */
function PeriodCell({ booking }: { booking: Booking }) {
  const { day, times } = periodParts(booking, currentLocale());
  return (
    <>
      <Text size="sm">{day}</Text>
      <Text size="sm" c="dimmed">
        {times}
      </Text>
    </>
  );
}

/** What an admin may do with a scheduled booking from its row. */
export interface BookingRowActions {
  onEdit: (b: Booking) => void;
  onRecordUsage: (b: Booking) => void;
  /** The lazy dialogs' openers (`lazyDialog`): Edit and Record usage load their form on hover or focus. */
  openers?: { edit: DialogOpener; usage: DialogOpener };
  onCancel: (b: Booking) => void;
}

/** The columns of the bookings table; the actions column only when `actions` is given (admins). */
export function bookingColumns(t: TFunction, actions?: BookingRowActions): Column<Booking>[] {
  const columns: Column<Booking>[] = [
    {
      key: 'when',
      header: t('bookings.when'),
      sortField: 'startsAt',
      nowrap: true,
      render: (b) => <PeriodCell booking={b} />,
    },
    { key: 'asset', header: t('bookings.asset'), nowrap: true, render: (b) => b.assetCode },
    {
      key: 'purpose',
      header: t('bookings.purpose'),
      sortField: 'purpose',
      render: (b) => (
        <>
          <Text size="sm">{t(`bookingPurposes.${b.purpose}`)}</Text>
          <Text size="sm" c="dimmed">
            {bookingSubject(b)}
          </Text>
        </>
      ),
    },
    {
      key: 'status',
      header: t('bookings.status'),
      nowrap: true,
      render: (b) => (
        <Badge variant="light" color={b.status === 'cancelled' ? 'gray' : 'blue'}>
          {t(`bookingStatuses.${b.status}`)}
        </Badge>
      ),
    },
    { key: 'usage', header: t('bookings.usage'), render: (b) => <UsageCell booking={b} /> },
  ];
  if (actions) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      nowrap: true,
      render: (b) =>
        b.status === 'scheduled' ? (
          <RowActions
            actions={[
              {
                label: t('bookings.edit'),
                ariaLabel: t('bookings.editOf', { id: b.id }),
                opener: actions.openers?.edit,
                onClick: () => actions.onEdit(b),
              },
              {
                label: t('bookings.recordUsage'),
                ariaLabel: t('bookings.recordUsageOf', { id: b.id }),
                opener: actions.openers?.usage,
                onClick: () => actions.onRecordUsage(b),
              },
              {
                label: t('bookings.cancel'),
                ariaLabel: t('bookings.cancelOf', { id: b.id }),
                onClick: () => actions.onCancel(b),
                color: 'red',
              },
            ]}
          />
        ) : null,
    });
  }

  return columns;
}
