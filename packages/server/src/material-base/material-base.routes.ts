import {
  createEquipmentBodySchema,
  createLabBodySchema,
  equipmentListQuerySchema,
  equipmentSchema,
  idParamSchema,
  labListQuerySchema,
  labSchema,
  pageOf,
  updateEquipmentBodySchema,
  updateLabBodySchema,
} from '@kadr/contracts';
import { type CapabilityRoutes, created, noContent, routeOptions } from '../plugins/route.ts';
import { ADMIN_ONLY, RECORD_READERS } from '../policy.ts';
import {
  createEquipment,
  deleteEquipment,
  getEquipment,
  listEquipment,
  updateEquipment,
} from './equipment.service.ts';
import { createLab, deleteLab, getLab, listLabs, updateLab } from './labs.service.ts';

const route = routeOptions('material base');

/** Labs and equipment: admins write; staff read all; a partner reads what its investments funded. */
export const materialBaseRoutes: CapabilityRoutes = async (app) => {
  app.get(
    '/api/labs',
    route(RECORD_READERS, 'List labs', {
      querystring: labListQuerySchema,
      response: { 200: pageOf(labSchema) },
    }),
    async ({ ctx, query }) => listLabs(ctx, query),
  );
  app.get(
    '/api/labs/:id',
    route(RECORD_READERS, 'One lab', { params: idParamSchema, response: { 200: labSchema } }),
    async ({ ctx, params }) => getLab(ctx, params.id),
  );
  app.post(
    '/api/labs',
    route(ADMIN_ONLY, 'Create a lab', { body: createLabBodySchema, response: { 201: labSchema } }),
    async ({ ctx, body }, reply) => created(reply, await createLab(ctx, body)),
  );
  app.patch(
    '/api/labs/:id',
    route(ADMIN_ONLY, 'Change a lab', {
      params: idParamSchema,
      body: updateLabBodySchema,
      response: { 200: labSchema },
    }),
    async ({ ctx, params, body }) => updateLab(ctx, params.id, body),
  );
  app.delete(
    '/api/labs/:id',
    route(ADMIN_ONLY, 'Delete an unused lab', { params: idParamSchema }),
    async ({ ctx, params }, reply) => noContent(reply, deleteLab(ctx, params.id)),
  );
  app.get(
    '/api/equipment',
    route(RECORD_READERS, 'List equipment', {
      querystring: equipmentListQuerySchema,
      response: { 200: pageOf(equipmentSchema) },
    }),
    async ({ ctx, query }) => listEquipment(ctx, query),
  );
  app.get(
    '/api/equipment/:id',
    route(RECORD_READERS, 'One equipment item', {
      params: idParamSchema,
      response: { 200: equipmentSchema },
    }),
    async ({ ctx, params }) => getEquipment(ctx, params.id),
  );
  app.post(
    '/api/equipment',
    route(ADMIN_ONLY, 'Add an equipment item', {
      body: createEquipmentBodySchema,
      response: { 201: equipmentSchema },
    }),
    async ({ ctx, body }, reply) => created(reply, await createEquipment(ctx, body)),
  );
  app.patch(
    '/api/equipment/:id',
    route(ADMIN_ONLY, 'Change an equipment item', {
      params: idParamSchema,
      body: updateEquipmentBodySchema,
      response: { 200: equipmentSchema },
    }),
    async ({ ctx, params, body }) => updateEquipment(ctx, params.id, body),
  );
  app.delete(
    '/api/equipment/:id',
    route(ADMIN_ONLY, 'Delete an unused equipment item', { params: idParamSchema }),
    async ({ ctx, params }, reply) => noContent(reply, deleteEquipment(ctx, params.id)),
  );
};
