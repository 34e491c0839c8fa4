/** The material base (capability 3): labs and equipment. */
import type { EquipmentCondition, PriorityArea } from '@kadr/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { money, reference, timestamps } from './columns.ts';

/** Teaching and research labs of the material base. */
export const labs = pgTable(
  'labs',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull().default(''),
    priorityArea: text('priority_area').$type<PriorityArea>().notNull(),
    // The building in the three languages, any of which may be empty.
    buildingKk: text('building_kk').notNull().default(''),
    buildingRu: text('building_ru').notNull().default(''),
    buildingEn: text('building_en').notNull().default(''),
    room: text('room').notNull().default(''),
    capacity: integer('capacity').notNull(),
    active: boolean('active').notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex('labs_code_key').on(t.code), index('labs_priority_area_idx').on(t.priorityArea)],
);

/** Equipment items, each with a unique inventory number, in a lab. */
export const equipment = pgTable(
  'equipment',
  {
    id: serial('id').primaryKey(),
    inventoryNumber: text('inventory_number').notNull(),
    // The item's name in the three languages, like a lab's (English may be empty).
    nameKk: text('name_kk').notNull().default(''),
    nameRu: text('name_ru').notNull().default(''),
    nameEn: text('name_en').notNull().default(''),
    labId: reference('lab_id', () => labs.id),
    costTiyn: money('cost_tiyn').notNull(),
    acquiredOn: date('acquired_on', { mode: 'string' }).notNull(),
    condition: text('condition').$type<EquipmentCondition>().notNull().default('new'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('equipment_inventory_number_key').on(t.inventoryNumber),
    index('equipment_lab_idx').on(t.labId),
    check('equipment_cost_nonnegative', sql`${t.costTiyn} >= 0`),
  ],
);
