import { z } from 'zod';
import {
  idQuerySchema,
  idSchema,
  partialTrilingualSchema,
  textSchema,
  trilingualSchema,
  trilingualTextSchema,
} from './common.ts';
import { listQuery } from './lists.ts';
import { isoDateSchema, positiveTiynSchema, tiynSchema } from './money.ts';
import { priorityAreaSchema } from './organisations.ts';
import { ASSET_CODE_PATTERN } from './rules.ts';
import { EQUIPMENT_CONDITIONS } from './vocabularies.ts';

// These lists live in vocabularies.ts, which loads no zod (the web's pages take them there).
export { EQUIPMENT_CONDITIONS };

/** A short code of a lab (`PCH-101`) or an inventory number (`KDTU-EQ-0001`): letters, digits, `.`, `_`, `-`, `/`. */
export const assetCodeSchema = z
  .string()
  .trim()
  .regex(ASSET_CODE_PATTERN, 'Use 1-40 letters, digits, ".", "_", "-" or "/"');

/** A lab of the material base; `fundedTiyn` is the sum of investment allocations to the lab itself. */
export const labSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: trilingualSchema,
  priorityArea: priorityAreaSchema,
  /** The building in the three languages (any may be empty): «Корпус А», «А корпусы», "Building A". */
  building: trilingualTextSchema,
  room: z.string(),
  capacity: z.number().int(),
  active: z.boolean(),
  equipmentCount: z.number().int(),
  fundedTiyn: tiynSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Lab = z.infer<typeof labSchema>;

const labFields = {
  code: assetCodeSchema,
  name: trilingualSchema,
  priorityArea: priorityAreaSchema,
  building: partialTrilingualSchema(120),
  room: textSchema().max(40),
  capacity: z.number().int().min(1).max(2000),
};

export const createLabBodySchema = z.object({
  ...labFields,
  building: labFields.building.default({ kk: '', ru: '', en: '' }),
  room: labFields.room.default(''),
});
export type CreateLabBody = z.infer<typeof createLabBodySchema>;

export const updateLabBodySchema = z
  .object({ ...labFields, active: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change');
export type UpdateLabBody = z.infer<typeof updateLabBodySchema>;

/** `fundedBy`: only labs funded (through allocations to the lab) by this organisation's investments. */
export const labListQuerySchema = listQuery(['code', 'capacity', 'priorityArea', 'createdAt']).extend({
  priorityArea: priorityAreaSchema.optional(),
  building: textSchema().max(120).optional(),
  active: z.enum(['true', 'false']).optional(),
  fundedBy: idQuerySchema.optional(),
});
export type LabListQuery = z.infer<typeof labListQuerySchema>;

export const equipmentConditionSchema = z.enum(EQUIPMENT_CONDITIONS);
export type EquipmentCondition = z.infer<typeof equipmentConditionSchema>;

/** An equipment item; `fundedTiyn` is the sum of investment allocations to it. */
export const equipmentSchema = z.object({
  id: z.number().int(),
  inventoryNumber: z.string(),
  name: z.object({ kk: z.string(), ru: z.string(), en: z.string() }),
  labId: z.number().int(),
  labCode: z.string(),
  priorityArea: priorityAreaSchema,
  costTiyn: tiynSchema,
  acquiredOn: z.string(),
  condition: equipmentConditionSchema,
  fundedTiyn: tiynSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Equipment = z.infer<typeof equipmentSchema>;

const equipmentFields = {
  inventoryNumber: assetCodeSchema,
  name: trilingualSchema,
  labId: idSchema,
  costTiyn: positiveTiynSchema,
  acquiredOn: isoDateSchema,
  condition: equipmentConditionSchema,
};

export const createEquipmentBodySchema = z.object({
  ...equipmentFields,
  condition: equipmentFields.condition.default('new'),
});
export type CreateEquipmentBody = z.infer<typeof createEquipmentBodySchema>;

export const updateEquipmentBodySchema = z
  .object(equipmentFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change');
export type UpdateEquipmentBody = z.infer<typeof updateEquipmentBodySchema>;

/** `q` searches the inventory number and the name; `fundedBy` keeps items funded by that organisation. */
export const equipmentListQuerySchema = listQuery([
  'inventoryNumber',
  'name',
  'costTiyn',
  'acquiredOn',
  'condition',
]).extend({
  labId: idQuerySchema.optional(),
  condition: equipmentConditionSchema.optional(),
  priorityArea: priorityAreaSchema.optional(),
  fundedBy: idQuerySchema.optional(),
});
export type EquipmentListQuery = z.infer<typeof equipmentListQuerySchema>;
