import {
  type Agreement,
  createJointProgrammeBodySchema,
  type DegreeType,
  type JointProgramme,
  updateJointProgrammeBodySchema,
} from '@kadr/contracts';
import { Group, NumberInput, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChoiceSelect } from '../components/choice-select';
import { useJointProgrammeMutations } from '../api/agreements';
import { DEGREE_TYPES } from '../api/vocabulary';
import { RecordFormModal } from '../components/form-modal';
import { useRecordForm } from '../components/use-record-form';
import { TrilingualFields, trilingualDraft, trilingualProps } from '../components/trilingual-fields';
import { currentLocale, localized } from '../i18n';

interface Draft {
  name: { kk: string; ru: string; en: string };
  degreeType: DegreeType;
  startYear: number | string;
  agreementId: string | null;
}

const draftOf = (j: JointProgramme | null): Draft => ({
  name: trilingualDraft(j?.name),
  degreeType: j?.degreeType ?? 'double',
  startYear: j?.startYear ?? new Date().getFullYear(),
  agreementId: j?.agreementId ? String(j.agreementId) : null,
});

/** The body of a create (with the organisation) and of a patch; the schema checks the names and the year. */
const bodyOf = (d: Draft) => ({
  ...d,
  startYear: Number(d.startYear),
  agreementId: d.agreementId ? Number(d.agreementId) : null,
});

/** Props of {@link JointProgrammeFormModal}. */
export interface JointProgrammeFormModalProps {
  opened: boolean;
  /** The partner university. */
  organisationId: number;
  /** Its agreements, one of which the programme may rest on. */
  agreements: Agreement[];
  /** The programme to edit; `null` records a new one. */
  programme: JointProgramme | null;
  onClose: () => void;
}

/** Records or edits a joint programme with a partner university: name, degree, start year, agreement. */
export function JointProgrammeFormModal(props: JointProgrammeFormModalProps) {
  const { opened, organisationId, agreements, programme, onClose } = props;
  const { t } = useTranslation();
  const locale = currentLocale();
  const form = useRecordForm({
    opened,
    record: programme,
    mutations: useJointProgrammeMutations(),
    init: draftOf,
    schemas: { create: createJointProgrammeBodySchema, patch: updateJointProgrammeBodySchema },
    bodies: { create: (d) => ({ organisationId, ...bodyOf(d) }), patch: bodyOf },
    text: {
      create: t('jointProgrammes.createTitle'),
      edit: t('jointProgrammes.editTitle'),
      created: t('jointProgrammes.created'),
      saved: t('jointProgrammes.saved'),
    },
    onClose,
  });
  const { field } = form;

  return (
    <RecordFormModal form={form} testId="joint-programme-form">
      <TrilingualFields {...trilingualProps(form, 'name')} autoFocus />
      <Group grow align="flex-start">
        <ChoiceSelect
          label={t('partners.degree')}
          choices={DEGREE_TYPES}
          labels="degreeTypes"
          {...field('degreeType')}
        />
        <NumberInput
          label={t('partners.startYear')}
          required
          min={1990}
          max={2100}
          allowDecimal={false}
          thousandSeparator=""
          {...field('startYear')}
        />
      </Group>
      <Select
        label={t('investments.agreement')}
        placeholder={t('jointProgrammes.noAgreement')}
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        data={agreements.map((a) => ({
          value: String(a.id),
          label: `${a.number} — ${localized(a.title, locale)}`,
        }))}
        {...field('agreementId')}
      />
    </RecordFormModal>
  );
}
