import {
  type Booking,
  type BookingPurpose,
  createBookingBodySchema,
  updateBookingBodySchema,
} from '@kadr/contracts';
import { Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChoiceSelect } from '../components/choice-select';
import { useBooking, useBookingMutations } from '../api/bookings';
import { ApiError } from '../api/client';
import { useUsers } from '../api/resources';
import { BOOKING_PURPOSES } from '../api/vocabulary';
import { fromLocalInput, toLocalInput, todayInput } from '../components/date-input';
import { RecordFormModal } from '../components/form-modal';
import { useRecordForm } from '../components/use-record-form';
import { currentLocale } from '../i18n';
import { type AssetValue, AssetSelect, assetFields } from './asset-select';
import { describeBooking } from './booking-text';
import { DateField } from '../components/date-field';

interface Draft {
  asset: AssetValue | null;
  purpose: BookingPurpose;
  disciplineName: string;
  studentUserId: string | null;
  startsAt: string;
  endsAt: string;
  note: string;
}

/** The booking's values, or tomorrow 09:00–10:30 local time (a typical first class) for a new one. */
function draftOf(booking: Booking | null): Draft {
  if (booking) {
    return {
      asset: booking.labId !== null ? `lab:${booking.labId}` : `equipment:${booking.equipmentId}`,
      purpose: booking.purpose,
      disciplineName: booking.disciplineName,
      studentUserId: booking.studentUserId === null ? null : String(booking.studentUserId),
      startsAt: toLocalInput(booking.startsAt),
      endsAt: toLocalInput(booking.endsAt),
      note: booking.note,
    };
  }
  // Tomorrow 09:00–10:30 on the university's clock.
  const tomorrow = new Date(Date.parse(`${todayInput()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return {
    asset: null,
    purpose: 'discipline_session',
    disciplineName: '',
    studentUserId: null,
    startsAt: `${tomorrow}T09:00`,
    endsAt: `${tomorrow}T10:30`,
    note: '',
  };
}

/** The fields a reschedule may change; the schema checks the times and what the purpose needs. */
const fieldsOf = (d: Draft) => ({
  purpose: d.purpose,
  disciplineName: d.disciplineName,
  studentUserId: d.studentUserId ? Number(d.studentUserId) : null,
  startsAt: fromLocalInput(d.startsAt),
  endsAt: fromLocalInput(d.endsAt),
  note: d.note,
});

/** The id of the booking a 409 BOOKING_CONFLICT names, if the error is one. */
function conflictingId(error: unknown): number | undefined {
  if (!(error instanceof ApiError) || error.code !== 'BOOKING_CONFLICT') return undefined;
  const id = error.details.conflictingBookingId;
  return typeof id === 'number' ? id : undefined;
}

/** What the new booking clashes with, read from the API; the form stays open to pick another time. */
function ConflictNotice({ id }: { id: number }) {
  const { t } = useTranslation();
  const clash = useBooking(id);
  return (
    <Stack gap={4} data-testid="booking-conflict">
      <Text fw={600} size="sm">
        {t('errors.BOOKING_CONFLICT')}
      </Text>
      <Text size="sm">
        {clash.data ? describeBooking(t, clash.data, currentLocale()) : t('bookings.conflictWith', { id })}
      </Text>
      <Text size="sm">{t('bookings.conflictHint')}</Text>
    </Stack>
  );
}

/** Props of {@link BookingFormModal}. */
export interface BookingFormModalProps {
  opened: boolean;
  /** The booking to reschedule; `null` or absent books anew. */
  booking?: Booking | null;
  onClose: () => void;
}

/**
 * Books a lab or an item for a discipline session, a practice or one student's training, or
 * reschedules a booking (its asset stays). An overlap shows the clashing booking either way.
 */
export function BookingFormModal({ opened, booking = null, onClose }: BookingFormModalProps) {
  const { t } = useTranslation();
  const students = useUsers({ role: 'student', pageSize: 200, sort: 'fullName' }, opened);
  const form = useRecordForm({
    opened,
    record: booking,
    mutations: useBookingMutations(),
    init: draftOf,
    schemas: { create: createBookingBodySchema, patch: updateBookingBodySchema },
    // The asset of a booking stays; rescheduling changes the rest.
    bodies: { create: (d) => ({ ...assetFields(d.asset), ...fieldsOf(d) }), patch: fieldsOf },
    text: {
      create: t('bookings.createTitle'),
      edit: booking ? t('bookings.editTitle', { id: booking.id }) : '',
      created: t('bookings.created'),
      saved: t('bookings.saved'),
    },
    onClose,
  });
  const { draft, set, error, mutation, field } = form;
  const clashId = conflictingId(mutation.error);

  return (
    <RecordFormModal
      form={form}
      createLabel={t('bookings.book')}
      errorContent={clashId !== undefined ? <ConflictNotice id={clashId} /> : undefined}
      testId="booking-form"
    >
      <AssetSelect
        label={t('bookings.asset')}
        required
        bookableOnly={!booking}
        disabled={booking !== null}
        description={booking ? t('bookings.assetFixed') : undefined}
        enabled={opened}
        value={draft.asset}
        onChange={(value) => set('asset', value)}
        error={error('labId') ?? error('equipmentId')}
      />
      <Group grow align="flex-start">
        <ChoiceSelect
          label={t('bookings.purpose')}
          choices={BOOKING_PURPOSES}
          labels="bookingPurposes"
          value={draft.purpose}
          onChange={(value) => value && set('purpose', value as BookingPurpose)}
        />
        <TextInput
          label={t('bookings.discipline')}
          required={draft.purpose === 'discipline_session'}
          maxLength={300}
          {...field('disciplineName')}
        />
      </Group>
      {draft.purpose === 'discipline_session' ? null : (
        <Select
          label={t('bookings.student')}
          required={draft.purpose === 'individual_training'}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          data={(students.data?.items ?? []).map((u) => ({ value: String(u.id), label: u.fullName }))}
          {...field('studentUserId')}
        />
      )}
      <Group grow align="flex-start">
        <DateField withTime label={t('bookings.startsAt')} required {...field('startsAt')} />
        <DateField withTime label={t('bookings.endsAt')} required {...field('endsAt')} />
      </Group>
      <Textarea label={t('bookings.note')} autosize minRows={2} maxLength={2000} {...field('note')} />
    </RecordFormModal>
  );
}
