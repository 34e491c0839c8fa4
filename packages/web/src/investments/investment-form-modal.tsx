import { createInvestmentBodySchema } from '@kadr/contracts';
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceSelect } from '../components/choice-select';
import { useAgreements, useCreateInvestment, useEquipment, useLabs, usePartners } from '../api/material';
import { INVESTMENT_SOURCES } from '../api/vocabulary';
import { errorMessage } from '../components/error-text';
import { formatTenge } from '../components/number-format';
import { useSchemaForm } from '../components/use-schema-form';
import { DateField } from '../components/date-field';
import { TrilingualFields, trilingualProps } from '../components/trilingual-fields';
import { todayInput } from '../components/date-input';
import { currentLocale, localized } from '../i18n';
import {
  type AllocationDraft,
  emptyInvestmentDraft,
  investmentBodyOf,
  newAllocation,
  remainingTiyn as remainingOf,
} from './investment-draft';

/** Props of {@link InvestmentFormModal}. */
export interface InvestmentFormModalProps {
  opened: boolean;
  onClose: () => void;
}

/** Records an investment: source, partner and agreement (PPP), amount, currency, date and allocations. */
export function InvestmentFormModal({ opened, onClose }: InvestmentFormModalProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const create = useCreateInvestment();
  const form = useSchemaForm({
    opened,
    init: () => emptyInvestmentDraft(todayInput()),
    schema: createInvestmentBodySchema,
    body: investmentBodyOf,
    onOpen: create.reset,
    serverError: create.error,
  });
  const { draft, setDraft, set, error, field } = form;
  const partners = usePartners({ pageSize: 200, sort: 'shortName' }, opened);
  const agreements = useAgreements(
    { pageSize: 200, organisationId: draft.organisationId ?? undefined },
    opened && draft.source === 'ppp_partner' && draft.organisationId !== null,
  );
  const labs = useLabs({ pageSize: 200, sort: 'code' }, opened);
  const equipment = useEquipment({ pageSize: 200, sort: 'inventoryNumber' }, opened);

  const setAllocation = (key: number, patch: Partial<AllocationDraft>) =>
    setDraft((d) => ({
      ...d,
      allocations: d.allocations.map((a) => (a.key === key ? { ...a, ...patch } : a)),
    }));

  const remainingTiyn = remainingOf(draft);

  const labOptions = (labs.data?.items ?? []).map((l) => ({
    value: String(l.id),
    label: `${l.code} — ${localized(l.name, locale)}`,
  }));
  const equipmentOptions = (equipment.data?.items ?? []).map((e) => ({
    value: String(e.id),
    label: `${e.inventoryNumber} — ${localized(e.name, locale)}`,
  }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.validBody();
    if (!body) return;
    create.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('investments.created') });
        onClose();
      },
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={t('investments.createTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={onSubmit} noValidate data-testid="investment-form">
        <Stack>
          {create.error ? (
            <Alert color="red" role="alert">
              {errorMessage(t, create.error)}
            </Alert>
          ) : null}
          <Group grow align="flex-start">
            <ChoiceSelect
              label={t('investments.source')}
              choices={INVESTMENT_SOURCES}
              labels="investmentSources"
              {...field('source')}
              data-autofocus
            />
            <DateField label={t('investments.date')} required {...field('investedOn')} />
          </Group>
          {draft.source === 'ppp_partner' ? (
            <Group grow align="flex-start">
              <Select
                label={t('investments.partner')}
                required
                searchable
                data={(partners.data?.items ?? [])
                  .filter((p) => p.kind !== 'home_university')
                  .map((p) => ({ value: String(p.id), label: p.shortName }))}
                value={draft.organisationId}
                onChange={(value) => setDraft((d) => ({ ...d, organisationId: value, agreementId: null }))}
                error={error('organisationId')}
              />
              <Select
                label={t('investments.agreement')}
                required
                disabled={!draft.organisationId}
                data={(agreements.data?.items ?? []).map((a) => ({
                  value: String(a.id),
                  label: `${a.number} — ${localized(a.title, locale)}`,
                }))}
                {...field('agreementId')}
              />
            </Group>
          ) : null}
          <TextInput
            label={t('investments.amountKzt')}
            required
            inputMode="decimal"
            placeholder="1 500 000,00"
            {...field('amount', 'amountTiyn')}
          />
          <Checkbox
            label={t('investments.foreign')}
            checked={draft.foreign}
            onChange={(e) => set('foreign', e.currentTarget.checked)}
          />
          {draft.foreign ? (
            <Group grow align="flex-start">
              <TextInput
                label={t('investments.currency')}
                maxLength={3}
                value={draft.currency}
                onChange={(e) => set('currency', e.currentTarget.value.toUpperCase())}
                error={error('original.currency', 'original')}
              />
              <TextInput
                label={t('investments.originalAmount')}
                inputMode="decimal"
                value={draft.originalAmount}
                onChange={(e) => set('originalAmount', e.currentTarget.value.replace(',', '.'))}
                error={error('original.amount')}
              />
              <TextInput
                label={t('investments.rate')}
                inputMode="decimal"
                value={draft.rate}
                onChange={(e) => set('rate', e.currentTarget.value.replace(',', '.'))}
                error={error('original.rate')}
              />
            </Group>
          ) : null}
          <Fieldset legend={t('investments.allocations')}>
            <Stack gap="sm">
              {draft.allocations.map((a, index) => (
                <Group key={a.key} align="flex-start" wrap="nowrap" data-testid="allocation-row">
                  <Select
                    label={t('investments.assetType')}
                    w={150}
                    allowDeselect={false}
                    data={[
                      { value: 'lab', label: t('investments.lab') },
                      { value: 'equipment', label: t('investments.equipment') },
                    ]}
                    value={a.assetType}
                    onChange={(value) =>
                      value &&
                      setAllocation(a.key, { assetType: value as 'lab' | 'equipment', assetId: null })
                    }
                  />
                  <Select
                    label={t('investments.asset')}
                    style={{ flex: 1 }}
                    searchable
                    data={a.assetType === 'lab' ? labOptions : equipmentOptions}
                    value={a.assetId}
                    onChange={(value) => setAllocation(a.key, { assetId: value })}
                    error={error(`allocations.${index}.labId`) ?? error(`allocations.${index}.equipmentId`)}
                  />
                  <TextInput
                    label={t('investments.share')}
                    w={170}
                    inputMode="decimal"
                    value={a.amount}
                    onChange={(e) => setAllocation(a.key, { amount: e.currentTarget.value })}
                    error={error(`allocations.${index}.amountTiyn`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={28}
                    disabled={draft.allocations.length === 1}
                    aria-label={t('investments.removeAllocation')}
                    onClick={() =>
                      setDraft((d) => ({ ...d, allocations: d.allocations.filter((x) => x.key !== a.key) }))
                    }
                  >
                    <IconTrash size={16} aria-hidden="true" />
                  </ActionIcon>
                </Group>
              ))}
              <Group justify="space-between">
                <Button
                  variant="light"
                  size="compact-sm"
                  leftSection={<IconPlus size={14} aria-hidden="true" />}
                  onClick={() =>
                    setDraft((d) => ({ ...d, allocations: [...d.allocations, newAllocation()] }))
                  }
                >
                  {t('investments.addAllocation')}
                </Button>
                <Text
                  size="sm"
                  fw={600}
                  c={remainingTiyn === 0 ? 'green' : 'red'}
                  data-testid="allocation-remaining"
                  aria-live="polite"
                >
                  {t('investments.remaining', {
                    amount: formatTenge(remainingTiyn < 0 ? -remainingTiyn : remainingTiyn, locale),
                  })}
                  {remainingTiyn < 0 ? ` (${t('investments.overAllocated')})` : ''}
                </Text>
              </Group>
              {error('allocations') ? (
                <Text c="red" size="sm" role="alert">
                  {error('allocations')}
                </Text>
              ) : null}
            </Stack>
          </Fieldset>
          <TrilingualFields
            {...trilingualProps(form, 'description')}
            legend={t('investments.description')}
            maxLength={2000}
            required={false}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('investments.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
