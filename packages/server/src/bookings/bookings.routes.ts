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
import { type CapabilityRoutes, created, routeOptions } from '../plugins/route.ts';
import { ADMIN_ONLY, STAFF } from '../policy.ts';
import {
  cancelBooking,
  createBooking,
  getBooking,
  listBookings,
  recordUsage,
  updateBooking,
} from './bookings.service.ts';
import { utilisationReport } from './utilisation.service.ts';

const route = routeOptions('bookings');

/**
 * Bookings of labs and equipment and their recorded use: admins write; admin, coordinator and officer
 * read. Partners and observers get 403 (bookings name students); they read impact reports instead.
 */
export const bookingRoutes: CapabilityRoutes = async (app) => {
  app.get(
    '/api/bookings',
    route(STAFF, 'List bookings', {
      querystring: bookingListQuerySchema,
      response: { 200: pageOf(bookingSchema) },
    }),
    async ({ ctx, query }) => listBookings(ctx, query),
  );
  app.get(
    '/api/bookings/:id',
    route(STAFF, 'One booking', { params: idParamSchema, response: { 200: bookingSchema } }),
    async ({ ctx, params }) => getBooking(ctx, params.id),
  );
  app.post(
    '/api/bookings',
    route(ADMIN_ONLY, 'Book a lab or an item (409 BOOKING_CONFLICT on overlap)', {
      body: createBookingBodySchema,
      response: { 201: bookingSchema },
    }),
    async ({ ctx, body }, reply) => created(reply, await createBooking(ctx, body)),
  );
  app.patch(
    '/api/bookings/:id',
    route(ADMIN_ONLY, 'Reschedule or edit a booking', {
      params: idParamSchema,
      body: updateBookingBodySchema,
      response: { 200: bookingSchema },
    }),
    async ({ ctx, params, body }) => updateBooking(ctx, params.id, body),
  );
  app.post(
    '/api/bookings/:id/cancel',
    route(ADMIN_ONLY, 'Cancel a booking', { params: idParamSchema, response: { 200: bookingSchema } }),
    async ({ ctx, params }) => cancelBooking(ctx, params.id),
  );
  app.put(
    '/api/bookings/:id/usage',
    route(ADMIN_ONLY, 'Record the actual use', {
      params: idParamSchema,
      body: bookingUsageBodySchema,
      response: { 200: bookingSchema },
    }),
    async ({ ctx, params, body }) => recordUsage(ctx, params.id, body),
  );
  app.get(
    '/api/utilisation',
    route(STAFF, 'Utilisation per asset and per funding source', {
      querystring: utilisationQuerySchema,
      response: { 200: utilisationReportSchema },
    }),
    async ({ ctx, query }) => utilisationReport(ctx, query),
  );
};
