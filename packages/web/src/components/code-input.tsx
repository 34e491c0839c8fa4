import { TextInput, type TextInputProps } from '@mantine/core';

/**
 * The code or number that names a record (a lab's code, an agreement's number, an inventory number): required,
 * and the input its dialog opens on; a placeholder shows an example.
 * @example <CodeInput label={t('partners.code')} maxLength={40} placeholder="PCH-101" {...field('code')} />
 */
export function CodeInput(props: Omit<TextInputProps, 'required'>) {
  return <TextInput required data-autofocus {...props} />;
}
