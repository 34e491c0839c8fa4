import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEquipment, useLabs } from '../api/material';
import { currentLocale, localized } from '../i18n';

/** An asset as a select value: `lab:3` or `equipment:12`. */
export type AssetValue = string;

/**
 * The API fields of a selected asset.
 * @example assetFields('lab:3') // { labId: 3 }
 */
export function assetFields(value: AssetValue | null | undefined): { labId?: number; equipmentId?: number } {
  const [kind, id] = (value ?? '').split(':');
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0) return {};
  return kind === 'lab' ? { labId: n } : kind === 'equipment' ? { equipmentId: n } : {};
}

/** Props of {@link AssetSelect}. */
export interface AssetSelectProps {
  label: string;
  value: AssetValue | null;
  onChange: (value: AssetValue | null) => void;
  required?: boolean;
  /** A filter: clearable, "All" when empty. */
  clearable?: boolean;
  error?: string | undefined;
  w?: number;
  enabled?: boolean;
  /** Shown under the input, e.g. why it cannot change. */
  description?: string;
  disabled?: boolean;
  /** Leave out inactive labs and written-off items (the server refuses to book them). */
  bookableOnly?: boolean;
}

/** One searchable select of every lab and every equipment item, grouped. */
export function AssetSelect(props: AssetSelectProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const enabled = props.enabled ?? true;
  const labs = useLabs({ pageSize: 200, sort: 'code' }, enabled);
  const equipment = useEquipment({ pageSize: 200, sort: 'inventoryNumber' }, enabled);
  const data = [
    {
      group: t('material.labs'),
      items: (labs.data?.items ?? [])
        .filter((l) => !props.bookableOnly || l.active)
        .map((l) => ({
          value: `lab:${l.id}`,
          label: `${l.code} — ${localized(l.name, locale)}`,
        })),
    },
    {
      group: t('material.equipment'),
      items: (equipment.data?.items ?? [])
        .filter((e) => !props.bookableOnly || e.condition !== 'written_off')
        .map((e) => ({
          value: `equipment:${e.id}`,
          label: `${e.inventoryNumber} — ${localized(e.name, locale)}`,
        })),
    },
  ];
  return (
    <Select
      label={props.label}
      required={props.required}
      searchable
      clearable={props.clearable}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      placeholder={props.clearable ? t('common.all') : undefined}
      data={data}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      description={props.description}
      disabled={props.disabled}
      w={props.w}
      comboboxProps={{ width: 'target', position: 'bottom-start' }}
      maxDropdownHeight={320}
    />
  );
}
