import { assetCodeSchema, createEquipmentBodySchema, EQUIPMENT_CONDITIONS } from '@kadr/contracts';
import { equipmentRepository, labsRepository } from '@kadr/db';
import type { z } from 'zod';
import { asText, date, kzt, oneOf } from './columns.ts';
import { cellIssue, checkRow, duplicateIssues, type Importer } from './importer.ts';

/** An equipment row is the API's create body with the lab named by its code instead of its id. */
const equipmentRowSchema = createEquipmentBodySchema
  .omit({ labId: true })
  .extend({ labCode: assetCodeSchema });
/** An equipment row: the lab is named by its code. */
export type EquipmentRow = z.infer<typeof equipmentRowSchema>;

const COLUMN_OF: Record<string, string> = {
  inventoryNumber: 'inventory_number',
  'name.kk': 'name_kk',
  'name.ru': 'name_ru',
  'name.en': 'name_en',
  labCode: 'lab_code',
  costTiyn: 'cost_kzt',
  acquiredOn: 'acquired_on',
  condition: 'condition',
};

/** Equipment: one row per item, the inventory number unique, the lab by its code. */
export const equipmentImporter: Importer<EquipmentRow> = {
  kind: 'equipment',
  entity: 'equipment',
  columns: [
    {
      name: 'inventory_number',
      required: true,
      format: 'Unique inventory number (letters, digits, . _ - /)',
      example: 'KDTU-EQ-0101',
      parse: asText,
    },
    {
      name: 'name_kk',
      required: true,
      format: 'Name in Kazakh, up to 300 characters',
      example: 'Agilent 8890 газ хроматографы',
      parse: asText,
    },
    {
      name: 'name_ru',
      required: true,
      format: 'Name in Russian, up to 300 characters',
      example: 'Газовый хроматограф Agilent 8890',
      parse: asText,
    },
    {
      name: 'name_en',
      required: false,
      format: 'Name in English, up to 300 characters',
      example: 'Gas chromatograph Agilent 8890',
      parse: asText,
    },
    {
      name: 'lab_code',
      required: true,
      format: 'Code of an existing lab',
      example: 'PCH-101',
      parse: asText,
    },
    {
      name: 'cost_kzt',
      required: true,
      format: 'Tenge, at most 2 decimals (. or ,), no currency sign',
      example: '18500000.00',
      parse: kzt,
    },
    {
      name: 'acquired_on',
      required: true,
      format: 'YYYY-MM-DD or DD.MM.YYYY (or an Excel date)',
      example: '2023-09-01',
      parse: date,
    },
    {
      name: 'condition',
      required: false,
      format: `${EQUIPMENT_CONDITIONS.join(' | ')} (default new)`,
      example: 'new',
      parse: oneOf(EQUIPMENT_CONDITIONS),
    },
  ],

  build(v) {
    const body = {
      inventoryNumber: v.inventory_number,
      name: { kk: v.name_kk, ru: v.name_ru, en: v.name_en },
      labCode: v.lab_code,
      costTiyn: v.cost_kzt,
      acquiredOn: v.acquired_on,
      condition: v.condition,
    };
    return checkRow(equipmentRowSchema, body, COLUMN_OF);
  },

  async check(db, rows) {
    const issues = duplicateIssues(rows, (e) => e.inventoryNumber, 'inventory_number');
    const existing = await equipmentRepository.idsByInventoryNumber(
      db,
      rows.map((r) => r.value.inventoryNumber),
    );
    const labs = await labsRepository.idsByCode(
      db,
      rows.map((r) => r.value.labCode),
    );
    for (const { row, value } of rows) {
      if (existing.has(value.inventoryNumber))
        issues.push({
          row,
          ...cellIssue('inventory_number', 'unique', 'An item with this inventory number exists'),
        });
      if (!labs.has(value.labCode))
        issues.push({ row, ...cellIssue('lab_code', 'exists', `No lab with code ${value.labCode}`) });
    }
    return issues;
  },

  async write(tx, rows) {
    const labs = await labsRepository.idsByCode(
      tx,
      rows.map((r) => r.labCode),
    );
    const inputs = rows.map(({ labCode, ...rest }) => ({ ...rest, labId: labs.get(labCode)! }));
    const ids = await equipmentRepository.createMany(tx, inputs);
    return ids.map((id, index) => ({ id, after: { id, ...inputs[index] } }));
  },
};
