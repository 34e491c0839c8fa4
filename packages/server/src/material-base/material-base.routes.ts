import {
  createEquipmentBodySchema,
  createLabBodySchema,
  equipmentListQuerySchema,
  equipmentSchema,
  labListQuerySchema,
  labSchema,
  updateEquipmentBodySchema,
  updateLabBodySchema,
} from '@kadr/contracts';
import { defineRoutes } from '../plugins/declare-routes.ts';
import { ADMIN_ONLY, RECORD_READERS } from '../policy.ts';
import {
  createEquipment,
  deleteEquipment,
  getEquipment,
  listEquipment,
  updateEquipment,
} from './equipment.service.ts';
import { createLab, deleteLab, getLab, listLabs, updateLab } from './labs.service.ts';

const access = { read: RECORD_READERS, write: ADMIN_ONLY };

/** Labs and equipment: admins write; staff read all; a partner reads what its investments funded. */
export const materialBaseRoutes = defineRoutes('material base', (api) => {
  api
    .resource('/api/labs', { ...access, item: labSchema })
    .list('List labs', labListQuerySchema, listLabs)
    .get('One lab', getLab)
    .create('Create a lab', createLabBodySchema, createLab)
    .update('Change a lab', updateLabBodySchema, updateLab)
    .remove('Delete an unused lab', deleteLab);
  api
    .resource('/api/equipment', { ...access, item: equipmentSchema })
    .list('List equipment', equipmentListQuerySchema, listEquipment)
    .get('One equipment item', getEquipment)
    .create('Add an equipment item', createEquipmentBodySchema, createEquipment)
    .update('Change an equipment item', updateEquipmentBodySchema, updateEquipment)
    .remove('Delete an unused equipment item', deleteEquipment);
});
