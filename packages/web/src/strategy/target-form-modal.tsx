import {
  createKpiTargetBodySchema,
  type KpiDashboardItem,
  type KpiTarget,
  updateKpiTargetBodySchema,
} from '@kadr/contracts';
import { NumberInput, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useStrategyMutations } from '../api/strategy';
import { DateField } from '../components/date-field';
import { RecordFormModal } from '../components/form-modal';
import {
  TrilingualFields,
  trilingualDraft,
  trilingualProps,
  type TrilingualDraft,
} from '../components/trilingual-fields';
import { useRecordForm } from '../components/use-record-form';
import { currentLocale, localized } from '../i18n';

interface Draft {
  kpiId: string | null;
  /** In the KPI's display unit: a count, tenge, or percent. */
  value: number | string;
  deadline: string;
  /** Why this target, in kk, ru and en (any may be empty). */
  note: TrilingualDraft;
}

/** Display unit → stored value: tenge to tiyn, percent to a 0..1 share. */
const SCALE: Record<string, number> = { tiyn: 100, ratio: 0.01, count: 1 };

/** Props of {@link TargetFormModal}. */
export interface TargetFormModalProps {
  opened: boolean;
  items: KpiDashboardItem[];
  target: KpiTarget | null;
  onClose: () => void;
}

/** Sets or changes a KPI's target: the value in the KPI's unit (tenge, percent or a count) and the deadline. */
export function TargetFormModal({ opened, items, target, onClose }: TargetFormModalProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const unitOf = (kpiId: string | null) =>
    items.find((i) => i.definition.id === kpiId)?.definition.unit ?? 'count';
  const scale = (d: Draft) => SCALE[unitOf(d.kpiId)] ?? 1;
  const bodyOf = (d: Draft) => ({
    value: d.value === '' ? undefined : Math.round(Number(d.value) * scale(d) * 10_000) / 10_000,
    deadline: d.deadline,
    note: d.note,
  });
  const form = useRecordForm({
    opened,
    record: target,
    mutations: useStrategyMutations(),
    init: (r): Draft => ({
      kpiId: r?.kpiId ?? null,
      value: r ? r.value / (SCALE[unitOf(r.kpiId)] ?? 1) : '',
      deadline: r?.deadline ?? '',
      note: trilingualDraft(r?.note),
    }),
    schemas: { create: createKpiTargetBodySchema, patch: updateKpiTargetBodySchema },
    bodies: { create: (d) => ({ kpiId: d.kpiId ?? undefined, ...bodyOf(d) }), patch: bodyOf },
    text: {
      create: t('strategy.addTarget'),
      edit: t('strategy.editTarget'),
      created: t('strategy.targetCreated'),
      saved: t('strategy.targetSaved'),
    },
    onClose,
  });
  const { field } = form;
  const unit = unitOf(form.draft.kpiId);
  return (
    <RecordFormModal form={form} testId="target-form">
      <Select
        label={t('strategy.kpi')}
        required
        disabled={target !== null}
        data={items.map((i) => ({ value: i.definition.id, label: localized(i.definition.name, locale) }))}
        {...field('kpiId')}
      />
      <NumberInput
        label={t(`strategy.valueIn.${unit}`)}
        required
        min={0}
        decimalScale={2}
        {...field('value')}
      />
      <DateField label={t('strategy.deadline')} required {...field('deadline')} />
      <TrilingualFields
        {...trilingualProps(form, 'note')}
        legend={t('strategy.note')}
        maxLength={1000}
        required={false}
      />
    </RecordFormModal>
  );
}
