import { createRoundBodySchema } from '@kadr/contracts';
import { NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useRoundMutations } from '../api/placements';
import { FormModal } from '../components/form-modal';
import { formAlert, succeedWith } from '../components/form-feedback';
import { TimeZoneNote } from '../components/time-zone-note';
import { TrilingualFields, trilingualProps, type TrilingualDraft } from '../components/trilingual-fields';
import { useSchemaForm } from '../components/use-schema-form';

/** `2026-12-20T17:00` (a datetime-local input) as an ISO instant, in the browser's zone. */
const instant = (local: string) => (local ? new Date(local).toISOString() : '');

/** Drafts a round: name, academic year, how many choices, the three deadlines. */
export function RoundFormModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { create } = useRoundMutations();
  const form = useSchemaForm({
    opened,
    init: () => ({
      name: { kk: '', ru: '', en: '' } as TrilingualDraft,
      academicYear: new Date().getFullYear() as number | '',
      maxChoices: 5 as number | '',
      rankingClosesAt: '',
      partnerRankingClosesAt: '',
      responseClosesAt: '',
    }),
    schema: createRoundBodySchema,
    body: (d) => ({
      name: d.name,
      academicYear: d.academicYear === '' ? undefined : d.academicYear,
      maxChoices: d.maxChoices === '' ? undefined : d.maxChoices,
      rankingClosesAt: instant(d.rankingClosesAt),
      partnerRankingClosesAt: instant(d.partnerRankingClosesAt),
      responseClosesAt: instant(d.responseClosesAt),
    }),
    onOpen: () => create.reset(),
    serverError: create.error,
  });
  const submit = () => {
    const body = form.validBody();
    if (!body) return;
    create.mutate(body, {
      onSuccess: (round) => {
        succeedWith(t('rounds.created'), onClose)();
        void navigate({ to: '/rounds/$roundId', params: { roundId: String(round.id) } });
      },
    });
  };
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('rounds.createTitle')}
      onSubmit={submit}
      error={create.error}
      errorContent={formAlert(t, create.error)}
      isPending={create.isPending}
      submitLabel={t('common.create')}
      testId="round-form"
    >
      <TrilingualFields {...trilingualProps(form, 'name')} legend={t('rounds.name')} autoFocus />
      <SimpleGrid cols={2}>
        <NumberInput
          label={t('rounds.academicYear')}
          description={t('rounds.academicYearHint')}
          required
          min={2000}
          max={2100}
          allowDecimal={false}
          {...form.field('academicYear')}
        />
        <NumberInput
          label={t('rounds.maxChoices')}
          required
          min={1}
          max={20}
          allowDecimal={false}
          {...form.field('maxChoices')}
        />
      </SimpleGrid>
      <TextInput
        label={t('rounds.rankingClosesAt')}
        type="datetime-local"
        required
        {...form.field('rankingClosesAt')}
      />
      <TextInput
        label={t('rounds.partnerRankingClosesAt')}
        type="datetime-local"
        required
        {...form.field('partnerRankingClosesAt')}
      />
      <TextInput
        label={t('rounds.responseClosesAt')}
        type="datetime-local"
        required
        {...form.field('responseClosesAt')}
      />
      <TimeZoneNote />
    </FormModal>
  );
}
