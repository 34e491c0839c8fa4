import { lazyDialog } from '../components/lazy-dialog';
import type { Contact, JointProgramme, PartnerOverview } from '@kadr/contracts';
import { useTranslation } from 'react-i18next';
import { useCanEditPartnerships, useContactMutations, useJointProgrammeMutations } from '../api/agreements';
import { currentLocale, localized } from '../i18n';
import { EditableSection } from '../components/editable-section';

// The form dialogs, with zod and the contracts' schemas, load when they first open (ADR 0019).
const ContactFormModal = lazyDialog(() => import('./contact-form-modal').then((m) => m.ContactFormModal));
const JointProgrammeFormModal = lazyDialog(() =>
  import('./joint-programme-form-modal').then((m) => m.JointProgrammeFormModal),
);

/** The people of a partner (personal data: the API sends them only to those who may see them); admins edit. */
export function ContactsSection({ overview }: { overview: PartnerOverview }) {
  const { t } = useTranslation();
  const canEdit = useCanEditPartnerships();
  const { remove } = useContactMutations();
  const locale = currentLocale();
  if (!overview.contacts) return null;
  const organisationId = overview.organisation.id;
  return (
    <EditableSection<Contact>
      title={t('partners.contacts')}
      testId="partner-contacts"
      rows={overview.contacts}
      rowKey={(c) => c.id}
      columns={[
        { key: 'name', header: t('partners.person'), render: (c) => c.fullName },
        {
          key: 'position',
          header: t('partners.position'),
          render: (c) => localized(c.position, locale) || '—',
        },
        { key: 'email', header: t('users.email'), render: (c) => c.email || '—' },
        { key: 'phone', header: t('partners.phone'), render: (c) => c.phone || '—' },
      ]}
      canEdit={canEdit}
      texts="contacts"
      nameOf={(c) => c.fullName}
      remove={(c) => remove.mutateAsync(c.id)}
      formOpener={ContactFormModal.opener}
      renderForm={(opened, row, onClose) => (
        <ContactFormModal opened={opened} organisationId={organisationId} contact={row} onClose={onClose} />
      )}
    />
  );
}

/** Joint programmes with a partner university; admins record, edit and delete them. */
export function JointProgrammesSection({ overview }: { overview: PartnerOverview }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canEdit = useCanEditPartnerships() && overview.organisation.kind === 'partner_university';
  const { remove } = useJointProgrammeMutations();
  if (overview.jointProgrammes.length === 0 && !canEdit) return null;
  return (
    <EditableSection<JointProgramme>
      title={t('partners.jointProgrammes')}
      testId="partner-joint-programmes"
      rows={overview.jointProgrammes}
      rowKey={(j) => j.id}
      columns={[
        { key: 'name', header: t('organisations.name'), render: (j) => localized(j.name, locale) },
        { key: 'degree', header: t('partners.degree'), render: (j) => t(`degreeTypes.${j.degreeType}`) },
        { key: 'start', header: t('partners.startYear'), render: (j) => j.startYear },
        {
          key: 'agreement',
          header: t('investments.agreement'),
          render: (j) => overview.agreements.find((a) => a.id === j.agreementId)?.number ?? '—',
        },
      ]}
      canEdit={canEdit}
      texts="jointProgrammes"
      nameOf={(j) => localized(j.name, locale)}
      remove={(j) => remove.mutateAsync(j.id)}
      formOpener={JointProgrammeFormModal.opener}
      renderForm={(opened, row, onClose) => (
        <JointProgrammeFormModal
          opened={opened}
          organisationId={overview.organisation.id}
          agreements={overview.agreements}
          programme={row}
          onClose={onClose}
        />
      )}
    />
  );
}
