import { type Booking, bookingUsageBodySchema } from '@kadr/contracts';
import { Group, MultiSelect, NumberInput, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBookingMutations } from '../api/bookings';
import { useUsers } from '../api/resources';
import { fromLocalInput, toLocalInput } from '../components/date-input';
import { succeedWith } from '../components/form-feedback';
import { FormModal } from '../components/form-modal';
import { useSchemaForm } from '../components/use-schema-form';
import { currentLocale } from '../i18n';
import { describeBooking } from './booking-text';
import { DateField } from '../components/date-field';

interface Draft {
  actualStart: string;
  actualEnd: string;
  attendeesCount: number | string;
  /** Students known to have attended, as user ids in text (the select's values). */
  attendeeIds: string[];
}

function draftOf(b: Booking | null): Draft {
  return {
    actualStart: toLocalInput(b?.usage?.actualStart ?? b?.startsAt ?? ''),
    actualEnd: toLocalInput(b?.usage?.actualEnd ?? b?.endsAt ?? ''),
    attendeesCount: b?.usage?.attendeesCount ?? '',
    attendeeIds: (b?.usage?.attendeeIds ?? []).map(String),
  };
}

/** The usage body; the schema checks the times and that the headcount covers the named students. */
const bodyOf = (d: Draft) => ({
  actualStart: fromLocalInput(d.actualStart),
  actualEnd: fromLocalInput(d.actualEnd),
  attendeesCount: d.attendeesCount === '' ? undefined : Number(d.attendeesCount),
  attendeeIds: d.attendeeIds.map(Number),
});

/** Props of {@link UsageFormModal}. */
export interface UsageFormModalProps {
  /** The booking whose use is recorded; `null` keeps the dialog closed. */
  booking: Booking | null;
  onClose: () => void;
}

/** Records (or corrects) the actual use of a booking: when it really started and ended, how many came. */
export function UsageFormModal({ booking, onClose }: UsageFormModalProps) {
  const { t } = useTranslation();
  const { recordUsage } = useBookingMutations();
  const opened = booking !== null;
  const students = useUsers({ role: 'student', pageSize: 200, sort: 'fullName' }, opened);
  const { draft, set, error, validBody, field } = useSchemaForm({
    opened,
    init: () => draftOf(booking),
    schema: bookingUsageBodySchema,
    body: bodyOf,
    onOpen: recordUsage.reset,
    serverError: recordUsage.error,
  });

  const onSubmit = () => {
    const body = validBody();
    if (!booking || !body) return;
    recordUsage.mutate(
      { id: booking.id, body },
      { onSuccess: succeedWith(t('bookings.usageSaved'), onClose) },
    );
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('bookings.usageTitle')}
      onSubmit={onSubmit}
      error={recordUsage.error}
      isPending={recordUsage.isPending}
      submitLabel={t('common.save')}
      testId="usage-form"
      size="xl"
    >
      {booking ? <Text size="sm">{describeBooking(t, booking, currentLocale())}</Text> : null}
      <Group grow align="flex-start">
        <DateField
          withTime
          label={t('bookings.actualStart')}
          required
          {...field('actualStart')}
          data-autofocus
        />
        <DateField withTime label={t('bookings.actualEnd')} required {...field('actualEnd')} />
        <NumberInput
          label={t('bookings.attendees')}
          required
          min={0}
          max={2000}
          allowDecimal={false}
          allowNegative={false}
          {...field('attendeesCount')}
        />
      </Group>
      <MultiSelect
        label={t('bookings.knownAttendees')}
        description={t('bookings.knownAttendeesHint')}
        searchable
        clearable
        nothingFoundMessage={t('table.empty')}
        data={(students.data?.items ?? []).map((u) => ({ value: String(u.id), label: u.fullName }))}
        value={draft.attendeeIds}
        onChange={(ids) => {
          set('attendeeIds', ids);
          // Naming more students than the headcount raises the headcount: the named ones came.
          if (ids.length > Number(draft.attendeesCount || 0)) set('attendeesCount', ids.length);
        }}
        error={error('attendeeIds')}
      />
    </FormModal>
  );
}
