import { createConsentBodySchema } from '@kadr/contracts';
import { Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useConsentMutations, useConsentOrganisations } from '../api/students';
import { CONSENT_SCOPES } from '../api/vocabulary';
import { DateField } from '../components/date-field';
import { succeedWith } from '../components/form-feedback';
import { FormModal } from '../components/form-modal';
import { type TrilingualDraft, TrilingualFields, trilingualProps } from '../components/trilingual-fields';
import { useSchemaForm } from '../components/use-schema-form';
import { currentLocale, localized } from '../i18n';
import { RecordSelect } from '../components/choice-select';

interface Draft {
  organisationId: string;
  scopes: string[];
  /** Why, in kk, ru and en (any may be empty). */
  purpose: TrilingualDraft;
  givenOn: string;
  validUntil: string;
}

const EMPTY: Draft = {
  organisationId: '',
  scopes: ['profile'],
  purpose: { kk: '', ru: '', en: '' },
  givenOn: '',
  validUntil: '',
};

const bodyOf = (d: Draft) => ({
  organisationId: d.organisationId ? Number(d.organisationId) : undefined,
  scopes: d.scopes as (typeof CONSENT_SCOPES)[number][],
  purpose: d.purpose,
  givenOn: d.givenOn || undefined,
  validUntil: d.validUntil || null,
});

/** Props of {@link ConsentFormModal}. */
export interface ConsentFormModalProps {
  opened: boolean;
  studentId: number;
  onClose: () => void;
  /** The student gives the consent themself: from today (no "given on"), and the text speaks to them. */
  self?: boolean;
}

/**
 * Records the consent a student gave an organisation (DOMAIN §8: whom, which data, why, for how long). The
 * organisation then sees exactly the scopes ticked while the consent is current.
 */
export function ConsentFormModal({ opened, studentId, onClose, self = false }: ConsentFormModalProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { create } = useConsentMutations(studentId);
  const organisations = useConsentOrganisations(opened);
  const form = useSchemaForm({
    opened,
    init: () => EMPTY,
    schema: createConsentBodySchema,
    body: bodyOf,
    onOpen: create.reset,
    serverError: create.error,
  });
  const { draft, set, error, validBody, field } = form;

  const onSubmit = () => {
    const body = validBody();
    if (body) create.mutate(body, { onSuccess: succeedWith(t('consents.created'), onClose) });
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={self ? t('consents.giveTitle') : t('consents.createTitle')}
      onSubmit={onSubmit}
      error={create.error}
      isPending={create.isPending}
      submitLabel={self ? t('consents.giveSelf') : t('consents.give')}
      testId="consent-form"
    >
      <RecordSelect
        label={t('consents.organisation')}
        data={(organisations.data ?? []).map((o) => ({
          value: String(o.id),
          label: `${o.shortName} · ${localized(o.name, locale)}`,
        }))}
        {...field('organisationId')}
        data-autofocus
      />
      <Checkbox.Group
        label={t('consents.scopes')}
        description={t('consents.scopesHint')}
        required
        value={draft.scopes}
        onChange={(value) => set('scopes', value)}
        error={error('scopes')}
      >
        <Stack gap={6} mt={6}>
          {CONSENT_SCOPES.map((scope) => (
            <Checkbox
              key={scope}
              value={scope}
              label={`${t(`consentScopes.${scope}`)}: ${t(`consentScopeAbout.${scope}`)}`}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <TrilingualFields
        {...trilingualProps(form, 'purpose')}
        legend={t('consents.purpose')}
        maxLength={500}
        required={false}
      />
      {self ? <Text size="sm">{t('consents.selfHint')}</Text> : null}
      <Group grow align="flex-start">
        {self ? null : (
          <DateField
            label={t('consents.givenOn')}
            description={t('consents.givenOnHint')}
            {...field('givenOn')}
          />
        )}
        <DateField
          label={t('consents.validUntil')}
          description={t('consents.validUntilHint')}
          {...field('validUntil')}
        />
      </Group>
    </FormModal>
  );
}
