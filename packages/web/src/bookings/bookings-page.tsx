import { lazyDialog } from '../components/lazy-dialog';
import type { Booking } from '@kadr/contracts';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth';
import { useBookingMutations, useBookings } from '../api/bookings';
import { ConfirmModal } from '../components/confirm-modal';
import { DataTable } from '../components/data-table';
import { TimeZoneNote } from '../components/time-zone-note';
import { errorMessage } from '../components/error-text';
import { useListState } from '../components/use-list-state';
import { currentLocale } from '../i18n';
import { bookingColumns } from './booking-columns';
import { type BookingFilterState, BookingFilters, bookingQuery } from './booking-filters';
import { describeBooking } from './booking-text';

// The form dialogs, with zod and the contracts' schemas, load when they first open (ADR 0019).
const BookingFormModal = lazyDialog(() => import('./booking-form-modal').then((m) => m.BookingFormModal));
const UsageFormModal = lazyDialog(
  () => import('./usage-form-modal').then((m) => m.UsageFormModal),
  'booking',
);

/** Bookings of labs and equipment against their actual use: admins book, reschedule, cancel and record use. */
export function BookingsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canEdit = useMe()?.role === 'admin';
  const list = useListState<BookingFilterState>({
    sort: '-startsAt',
    filters: { asset: undefined, purpose: undefined, status: undefined, from: undefined, to: undefined },
  });
  const bookings = useBookings(bookingQuery(list));
  const { cancel } = useBookingMutations();
  // `booking: null` books anew; a booking reschedules it.
  const [form, setForm] = useState<{ booking: Booking | null } | null>(null);
  const [usageOf, setUsageOf] = useState<Booking | null>(null);
  const [toCancel, setToCancel] = useState<Booking | null>(null);
  const closeCancel = () => {
    cancel.reset();
    setToCancel(null);
  };
  const columns = bookingColumns(
    t,
    canEdit
      ? {
          onEdit: (booking) => setForm({ booking }),
          onRecordUsage: setUsageOf,
          onCancel: setToCancel,
          openers: { edit: BookingFormModal.opener, usage: UsageFormModal.opener },
        }
      : undefined,
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          {t('bookings.title')}
        </Title>
        {canEdit ? (
          <Button
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            {...BookingFormModal.opener}
            onClick={() => setForm({ booking: null })}
          >
            {t('bookings.create')}
          </Button>
        ) : null}
      </Group>
      <TimeZoneNote />
      {canEdit ? null : (
        <Text c="dimmed" size="sm">
          {t('bookings.readOnly')}
        </Text>
      )}
      <DataTable
        testId="bookings-table"
        caption={t('bookings.title')}
        columns={columns}
        list={list}
        query={bookings}
        rowKey={(b) => b.id}
        searchHint={t('bookings.search')}
        filters={<BookingFilters list={list} />}
      />
      {canEdit ? (
        <>
          <BookingFormModal
            opened={form !== null}
            booking={form?.booking ?? null}
            onClose={() => setForm(null)}
          />
          <UsageFormModal booking={usageOf} onClose={() => setUsageOf(null)} />
          <ConfirmModal
            opened={toCancel !== null}
            title={t('bookings.cancelTitle')}
            message={
              toCancel ? t('bookings.cancelConfirm', { booking: describeBooking(t, toCancel, locale) }) : ''
            }
            confirmLabel={t('bookings.cancel')}
            dismissLabel={t('bookings.keep')}
            isPending={cancel.isPending}
            error={cancel.error ? errorMessage(t, cancel.error) : undefined}
            onConfirm={() => toCancel && cancel.mutate(toCancel.id, { onSuccess: closeCancel })}
            onClose={closeCancel}
          />
        </>
      ) : null}
    </Stack>
  );
}
