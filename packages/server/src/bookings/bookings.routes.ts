import {
  bookingListQuerySchema,
  bookingSchema,
  bookingUsageBodySchema,
  createBookingBodySchema,
  idParamSchema,
  pageOf,
  updateBookingBodySchema,
  utilisationQuerySchema,
  utilisationReportSchema,
} from '@kadr/contracts';
import type { FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import { roles } from '../policy.ts';
import { STAFF_ROLES } from '../partners/scope.ts';
import {
  cancelBooking,
  createBooking,
  getBooking,
  listBookings,
  recordUsage,
  updateBooking,
} from './bookings.service.ts';
import { utilisationReport } from './utilisation.service.ts';

const tags = ['bookings'];
const read = { policy: roles(...STAFF_ROLES) };
const write = { policy: roles('admin') };

/**
 * Bookings of labs and equipment and their recorded use: admins write; admin, coordinator and officer
 * read. Partners and observers get 403 (bookings name students); they read impact reports instead.
 */
export function registerBookingRoutes(app: App, deps: RouteDeps): void {
  const ctx = (request: FastifyRequest) => contextOf(request, deps.db, deps.now);
  app.get(
    '/api/bookings',
    {
      config: read,
      schema: {
        tags,
        summary: 'List bookings',
        querystring: bookingListQuerySchema,
        response: { 200: pageOf(bookingSchema) },
      },
    },
    async (request) => listBookings(ctx(request), request.query),
  );
  app.get(
    '/api/bookings/:id',
    {
      config: read,
      schema: { tags, summary: 'One booking', params: idParamSchema, response: { 200: bookingSchema } },
    },
    async (request) => getBooking(ctx(request), request.params.id),
  );
  app.post(
    '/api/bookings',
    {
      config: write,
      schema: {
        tags,
        summary: 'Book a lab or an item (409 BOOKING_CONFLICT on overlap)',
        body: createBookingBodySchema,
        response: { 201: bookingSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createBooking(ctx(request), request.body)),
  );
  app.patch(
    '/api/bookings/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Reschedule or edit a booking',
        params: idParamSchema,
        body: updateBookingBodySchema,
        response: { 200: bookingSchema },
      },
    },
    async (request) => updateBooking(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/api/bookings/:id/cancel',
    {
      config: write,
      schema: { tags, summary: 'Cancel a booking', params: idParamSchema, response: { 200: bookingSchema } },
    },
    async (request) => cancelBooking(ctx(request), request.params.id),
  );
  app.put(
    '/api/bookings/:id/usage',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record the actual use',
        params: idParamSchema,
        body: bookingUsageBodySchema,
        response: { 200: bookingSchema },
      },
    },
    async (request) => recordUsage(ctx(request), request.params.id, request.body),
  );
  app.get(
    '/api/utilisation',
    {
      config: read,
      schema: {
        tags,
        summary: 'Utilisation per asset and per funding source',
        querystring: utilisationQuerySchema,
        response: { 200: utilisationReportSchema },
      },
    },
    async (request) => utilisationReport(ctx(request), request.query),
  );
}
