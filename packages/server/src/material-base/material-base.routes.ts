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
import type { FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import { roles } from '../policy.ts';
import { RECORD_READERS } from '../partners/scope.ts';
import {
  createEquipment,
  deleteEquipment,
  getEquipment,
  listEquipment,
  updateEquipment,
} from './equipment.service.ts';
import { createLab, deleteLab, getLab, listLabs, updateLab } from './labs.service.ts';

const tags = ['material base'];
const read = { policy: roles(...RECORD_READERS) };
const write = { policy: roles('admin') };

/** Labs and equipment: admins write; staff read all; a partner reads what its investments funded. */
export function registerMaterialBaseRoutes(app: App, deps: RouteDeps): void {
  const ctx = (request: FastifyRequest) => contextOf(request, deps.db, deps.now);
  app.get(
    '/api/labs',
    {
      config: read,
      schema: {
        tags,
        summary: 'List labs',
        querystring: labListQuerySchema,
        response: { 200: pageOf(labSchema) },
      },
    },
    async (request) => listLabs(ctx(request), request.query),
  );
  app.get(
    '/api/labs/:id',
    {
      config: read,
      schema: { tags, summary: 'One lab', params: idParamSchema, response: { 200: labSchema } },
    },
    async (request) => getLab(ctx(request), request.params.id),
  );
  app.post(
    '/api/labs',
    {
      config: write,
      schema: { tags, summary: 'Create a lab', body: createLabBodySchema, response: { 201: labSchema } },
    },
    async (request, reply) => reply.status(201).send(await createLab(ctx(request), request.body)),
  );
  app.patch(
    '/api/labs/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a lab',
        params: idParamSchema,
        body: updateLabBodySchema,
        response: { 200: labSchema },
      },
    },
    async (request) => updateLab(ctx(request), request.params.id, request.body),
  );
  app.delete(
    '/api/labs/:id',
    { config: write, schema: { tags, summary: 'Delete an unused lab', params: idParamSchema } },
    async (request, reply) => {
      await deleteLab(ctx(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/equipment',
    {
      config: read,
      schema: {
        tags,
        summary: 'List equipment',
        querystring: equipmentListQuerySchema,
        response: { 200: pageOf(equipmentSchema) },
      },
    },
    async (request) => listEquipment(ctx(request), request.query),
  );
  app.get(
    '/api/equipment/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One equipment item',
        params: idParamSchema,
        response: { 200: equipmentSchema },
      },
    },
    async (request) => getEquipment(ctx(request), request.params.id),
  );
  app.post(
    '/api/equipment',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add an equipment item',
        body: createEquipmentBodySchema,
        response: { 201: equipmentSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createEquipment(ctx(request), request.body)),
  );
  app.patch(
    '/api/equipment/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change an equipment item',
        params: idParamSchema,
        body: updateEquipmentBodySchema,
        response: { 200: equipmentSchema },
      },
    },
    async (request) => updateEquipment(ctx(request), request.params.id, request.body),
  );
  app.delete(
    '/api/equipment/:id',
    { config: write, schema: { tags, summary: 'Delete an unused equipment item', params: idParamSchema } },
    async (request, reply) => {
      await deleteEquipment(ctx(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
