import { Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The props `field(key)` of `useSchemaForm` or `useRecordForm` gives a text input. */
interface TextFieldProps {
  value: string;
  onChange: (input: unknown) => void;
  error: string | undefined;
}

/**
 * A person's e-mail and phone side by side, both optional (a partner's contact, a student); the contract checks
 * their form.
 * @example <EmailPhoneFields field={form.field} />
 */
export function EmailPhoneFields({ field }: { field: (key: 'email' | 'phone') => TextFieldProps }) {
  const { t } = useTranslation();
  return (
    <Group grow align="flex-start">
      <TextInput label={t('users.email')} type="email" {...field('email')} />
      <TextInput
        label={t('partners.phone')}
        type="tel"
        maxLength={30}
        placeholder="+7 701 000 00 00"
        {...field('phone')}
      />
    </Group>
  );
}
