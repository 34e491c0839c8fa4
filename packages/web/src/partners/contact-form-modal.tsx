import { type Contact, createContactBodySchema, updateContactBodySchema } from '@kadr/contracts';
import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useContactMutations } from '../api/agreements';
import { EmailPhoneFields } from '../components/email-phone-fields';
import { RecordFormModal } from '../components/form-modal';
import {
  TrilingualFields,
  trilingualDraft,
  trilingualProps,
  type TrilingualDraft,
} from '../components/trilingual-fields';
import { useRecordForm } from '../components/use-record-form';

interface Draft {
  fullName: string;
  /** In kk, ru and en (any may be empty). */
  position: TrilingualDraft;
  email: string;
  phone: string;
}

const draftOf = (c: Contact | null): Draft => ({
  fullName: c?.fullName ?? '',
  position: trilingualDraft(c?.position),
  email: c?.email ?? '',
  phone: c?.phone ?? '',
});

/** Props of {@link ContactFormModal}. */
export interface ContactFormModalProps {
  opened: boolean;
  organisationId: number;
  /** The contact to edit; `null` adds one. */
  contact: Contact | null;
  onClose: () => void;
}

/** Adds or edits a person at a partner organisation: name, position, email, phone (personal data). */
export function ContactFormModal({ opened, organisationId, contact, onClose }: ContactFormModalProps) {
  const { t } = useTranslation();
  const form = useRecordForm({
    opened,
    record: contact,
    mutations: useContactMutations(),
    init: draftOf,
    schemas: { create: createContactBodySchema, patch: updateContactBodySchema },
    bodies: { create: (d) => ({ organisationId, ...d }), patch: (d) => d },
    text: {
      create: t('contacts.createTitle'),
      edit: t('contacts.editTitle'),
      created: t('contacts.created'),
      saved: t('contacts.saved'),
    },
    onClose,
  });
  const { field } = form;

  return (
    <RecordFormModal form={form} testId="contact-form">
      <TextInput
        label={t('partners.person')}
        required
        maxLength={200}
        {...field('fullName')}
        data-autofocus
      />
      <TrilingualFields
        {...trilingualProps(form, 'position')}
        legend={t('partners.position')}
        maxLength={200}
        required={false}
      />
      <EmailPhoneFields field={field} />
    </RecordFormModal>
  );
}
