import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Props of {@link ChoiceSelect}. */
export interface ChoiceSelectProps extends Omit<SelectProps, 'data' | 'required' | 'allowDeselect'> {
  /** The vocabulary to choose from (a contract's list of codes). */
  choices: readonly string[];
  /** Where the labels are in the locales: `agreementKinds` labels `mou` with `agreementKinds.mou`. */
  labels: string;
}

/**
 * A required choice of one code of a vocabulary, each shown by its translated label.
 * @example <ChoiceSelect label={t('agreements.kind')} choices={AGREEMENT_KINDS} labels="agreementKinds" {...field('kind')} />
 */
export function ChoiceSelect({ choices, labels, ...props }: ChoiceSelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      required
      allowDeselect={false}
      data={choices.map((c) => ({ value: c, label: t(`${labels}.${c}`) }))}
      {...props}
    />
  );
}

/**
 * A required choice of one record from a list to search (a programme version, a discipline, an organisation).
 * @example <RecordSelect label={t('grades.discipline')} data={disciplines} {...field('disciplineId')} />
 */
export function RecordSelect(props: Omit<SelectProps, 'required' | 'searchable' | 'allowDeselect'>) {
  const { t } = useTranslation();
  return (
    <Select required searchable allowDeselect={false} nothingFoundMessage={t('table.empty')} {...props} />
  );
}
