import { Fieldset, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A name in the three interface languages, as edited (Kazakh and Russian required). */
export interface TrilingualDraft {
  kk: string;
  ru: string;
  en: string;
}

/**
 * The draft of a text in three languages: the record's, or three empty texts for a new record.
 * @example name: trilingualDraft(lab?.name)
 */
export function trilingualDraft(text: Readonly<TrilingualDraft> | undefined): TrilingualDraft {
  return { kk: text?.kk ?? '', ru: text?.ru ?? '', en: text?.en ?? '' };
}

/** What {@link trilingualProps} needs of a form from `useSchemaForm` or `useRecordForm`. */
interface TrilingualForm<D> {
  draft: D;
  setDraft: (update: (d: D) => D) => void;
  error: (path: string, serverPath?: string) => string | undefined;
}

/**
 * The props of {@link TrilingualFields} for the trilingual field `key` of a form's draft: its value, the
 * change of one language, and the errors at `path.kk` and `path.ru` (the server's at `path`); `path` is where the
 * body has it, `key` by default.
 * @example <TrilingualFields {...trilingualProps(form, 'name')} autoFocus />
 * @example <TrilingualFields {...trilingualProps(form, 'evidenceLabel', 'evidence.0.label')} />
 */
export function trilingualProps<K extends string, D extends Record<K, TrilingualDraft>>(
  form: TrilingualForm<D>,
  key: K,
  path: string = key,
): Omit<TrilingualFieldsProps, 'autoFocus'> {
  return {
    value: form.draft[key],
    onChange: (lang, text) => form.setDraft((d) => ({ ...d, [key]: { ...d[key], [lang]: text } })),
    errors: { kk: form.error(`${path}.kk`, path), ru: form.error(`${path}.ru`) },
  };
}

/** Props of {@link TrilingualFields}. */
export interface TrilingualFieldsProps {
  value: TrilingualDraft;
  onChange: (lang: keyof TrilingualDraft, text: string) => void;
  /** Messages under the Kazakh and Russian inputs. */
  errors: { kk?: string | undefined; ru?: string | undefined };
  autoFocus?: boolean;
  /**
   * What the three texts are (an obligation's "What is owed", a building); then the inputs are labelled by
   * language alone. Without it, the fieldset is a name's ("Name in Kazakh").
   */
  legend?: string;
  /** Longest text in each language; 300, the contracts' limit, by default. */
  maxLength?: number;
  /** Kazakh and Russian are required (a name); false for a text any language of which may be empty. */
  required?: boolean;
}

/** The "name in kk / ru / en" fieldset of every form that names something in three languages. */
export function TrilingualFields({
  value,
  onChange,
  errors,
  autoFocus,
  legend,
  maxLength = 300,
  required = true,
}: TrilingualFieldsProps) {
  const { t } = useTranslation();
  const label = (lang: keyof TrilingualDraft) =>
    legend === undefined
      ? t(`organisations.name${lang === 'kk' ? 'Kk' : lang === 'ru' ? 'Ru' : 'En'}`)
      : t(`trilingual.${lang}`);
  return (
    <Fieldset legend={legend ?? t('organisations.names')}>
      <Stack gap="sm">
        <TextInput
          label={label('kk')}
          maxLength={maxLength}
          required={required}
          lang="kk"
          value={value.kk}
          onChange={(e) => onChange('kk', e.currentTarget.value)}
          error={errors.kk}
          data-autofocus={autoFocus || undefined}
        />
        <TextInput
          label={label('ru')}
          maxLength={maxLength}
          required={required}
          lang="ru"
          value={value.ru}
          onChange={(e) => onChange('ru', e.currentTarget.value)}
          error={errors.ru}
        />
        <TextInput
          label={label('en')}
          maxLength={maxLength}
          lang="en"
          value={value.en}
          onChange={(e) => onChange('en', e.currentTarget.value)}
        />
      </Stack>
    </Fieldset>
  );
}
