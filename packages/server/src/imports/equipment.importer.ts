import { EQUIPMENT_CONDITIONS } from '@kadr/contracts';
import { equipmentRepository, labsRepository } from '@kadr/db';
import { date, kzt, matching, oneOf, text } from './columns.ts';
import { duplicateIssues, type Importer } from './importer.ts';

/** An equipment row: the lab is named by its code. */
export interface EquipmentRow {
  inventoryNumber: string;
  name: string;
  labCode: string;
  costTiyn: number;
  acquiredOn: string;
  condition: string;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/;
const CODE_MESSAGE = 'Use 1-40 letters, digits, ".", "_", "-" or "/"';

/** Equipment: one row per item, the inventory number unique, the lab by its code. */
export const equipmentImporter: Importer<EquipmentRow> = {
  kind: 'equipment',
  columns: [
    {
      name: 'inventory_number',
      required: true,
      format: 'Unique inventory number (letters, digits, . _ - /)',
      example: 'KDTU-EQ-0101',
      parse: matching(CODE, CODE_MESSAGE),
    },
    {
      name: 'name',
      required: true,
      format: 'Up to 300 characters',
      example: 'Gas chromatograph Agilent 8890',
      parse: text(300),
    },
    {
      name: 'lab_code',
      required: true,
      format: 'Code of an existing lab',
      example: 'PCH-101',
      parse: matching(CODE, CODE_MESSAGE),
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
    return {
      value: {
        inventoryNumber: v.inventory_number as string,
        name: v.name as string,
        labCode: v.lab_code as string,
        costTiyn: v.cost_kzt as number,
        acquiredOn: v.acquired_on as string,
        condition: (v.condition as string) ?? 'new',
      },
      issues: [],
    };
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
          column: 'inventory_number',
          message: 'An item with this inventory number exists',
        });
      if (!labs.has(value.labCode))
        issues.push({ row, column: 'lab_code', message: `No lab with code ${value.labCode}` });
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
