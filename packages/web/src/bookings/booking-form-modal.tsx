import type { BookingPurpose } from '@kadr/contracts';
import { Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBooking, useBookingMutations } from '../api/bookings';
import { ApiError } from '../api/client';
import { useUsers } from '../api/resources';
import { BOOKING_PURPOSES } from '../api/vocabulary';
import { fromLocalInput, toLocalInput } from '../components/date-input';
import { fieldErrors } from '../components/error-text';
import { errorAt, succeedWith } from '../components/form-feedback';
import { FormModal } from '../components/form-modal';
import { useFormDraft } from '../components/use-form-draft';
import { currentLocale } from '../i18n';
import { type AssetValue, AssetSelect, assetFields } from './asset-select';
import { describeBooking } from './booking-text';

interface Draft {
  asset: AssetValue | null;
  purpose: BookingPurpose;
  disciplineName: string;
  studentUserId: string | null;
  startsAt: string;
  endsAt: string;
  note: string;
}

/** Tomorrow 09:00–10:30 local time: a typical first class. */
function emptyDraft(): Draft {
  const start = new Date();
  start.setDate(start.getDate() + 1);
  start.setHours(9, 0, 0, 0);
  const end = new Date(start.getTime() + 90 * 60_000);
  return {
    asset: null,
    purpose: 'discipline_session',
    disciplineName: '',
    studentUserId: null,
    startsAt: toLocalInput(start.toISOString()),
    endsAt: toLocalInput(end.toISOString()),
    note: '',
  };
}

/** Client-side checks that mirror the contract (purpose needs, end after start), translated. */
function validate(d: Draft, t: (key: string) => string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!d.asset) errors.asset = t('validation.required');
  const hasDiscipline = d.disciplineName.trim() !== '';
  if (d.purpose === 'discipline_session' && !hasDiscipline) errors.disciplineName = t('validation.required');
  if (d.purpose === 'individual_training' && !d.studentUserId)
    errors.studentUserId = t('validation.required');
  if (d.purpose === 'practice' && !hasDiscipline && !d.studentUserId)
    errors.disciplineName = t('bookings.practiceNeeds');
  const start = fromLocalInput(d.startsAt);
  const end = fromLocalInput(d.endsAt);
  if (!start) errors.startsAt = t('validation.required');
  if (!end) errors.endsAt = t('validation.required');
  else if (start && end <= start) errors.endsAt = t('bookings.endAfterStart');
  return errors;
}

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
  onClose: () => void;
}

/** Books a lab or an item for a discipline session, a practice or one student's training. */
export function BookingFormModal({ opened, onClose }: BookingFormModalProps) {
  const { t } = useTranslation();
  const { create } = useBookingMutations();
  const students = useUsers({ role: 'student', pageSize: 200, sort: 'fullName' }, opened);
  const { draft, set, touched, setTouched } = useFormDraft(opened, emptyDraft, create.reset);
  const local = touched ? validate(draft, t) : {};
  const server = fieldErrors(create.error);
  const error = errorAt(local, create.error);
  const clashId = conflictingId(create.error);

  const onSubmit = () => {
    setTouched(true);
    if (Object.keys(validate(draft, t)).length > 0) return;
    create.mutate(
      {
        ...assetFields(draft.asset),
        purpose: draft.purpose,
        disciplineName: draft.disciplineName.trim(),
        studentUserId: draft.studentUserId ? Number(draft.studentUserId) : null,
        startsAt: fromLocalInput(draft.startsAt) ?? '',
        endsAt: fromLocalInput(draft.endsAt) ?? '',
        note: draft.note.trim(),
      },
      { onSuccess: succeedWith(t('bookings.created'), onClose) },
    );
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('bookings.createTitle')}
      onSubmit={onSubmit}
      error={create.error}
      errorContent={clashId !== undefined ? <ConflictNotice id={clashId} /> : undefined}
      isPending={create.isPending}
      submitLabel={t('bookings.book')}
      testId="booking-form"
    >
      <AssetSelect
        label={t('bookings.asset')}
        required
        bookableOnly
        enabled={opened}
        value={draft.asset}
        onChange={(value) => set('asset', value)}
        error={error('asset') ?? server.labId ?? server.equipmentId}
      />
      <Group grow align="flex-start">
        <Select
          label={t('bookings.purpose')}
          required
          allowDeselect={false}
          data={BOOKING_PURPOSES.map((p) => ({ value: p, label: t(`bookingPurposes.${p}`) }))}
          value={draft.purpose}
          onChange={(value) => value && set('purpose', value as BookingPurpose)}
        />
        <TextInput
          label={t('bookings.discipline')}
          required={draft.purpose === 'discipline_session'}
          maxLength={300}
          value={draft.disciplineName}
          onChange={(e) => set('disciplineName', e.currentTarget.value)}
          error={error('disciplineName')}
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
          value={draft.studentUserId}
          onChange={(value) => set('studentUserId', value)}
          error={error('studentUserId')}
        />
      )}
      <Group grow align="flex-start">
        <TextInput
          label={t('bookings.startsAt')}
          type="datetime-local"
          required
          value={draft.startsAt}
          onChange={(e) => set('startsAt', e.currentTarget.value)}
          error={error('startsAt')}
        />
        <TextInput
          label={t('bookings.endsAt')}
          type="datetime-local"
          required
          value={draft.endsAt}
          onChange={(e) => set('endsAt', e.currentTarget.value)}
          error={error('endsAt')}
        />
      </Group>
      <Textarea
        label={t('bookings.note')}
        autosize
        minRows={2}
        maxLength={2000}
        value={draft.note}
        onChange={(e) => set('note', e.currentTarget.value)}
        error={error('note')}
      />
    </FormModal>
  );
}
