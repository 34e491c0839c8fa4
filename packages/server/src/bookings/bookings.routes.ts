import {
  bookingListQuerySchema,
  bookingSchema,
  bookingUsageBodySchema,
  createBookingBodySchema,
  idParamSchema,
  updateBookingBodySchema,
  utilisationQuerySchema,
  utilisationReportSchema,
} from '@kadr/contracts';
import { resourceRoutes } from '../plugins/resource.ts';
import { type CapabilityRoutes, routeOptions } from '../plugins/route.ts';
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

const tag = 'bookings';
const route = routeOptions(tag);

/**
 * Bookings of labs and equipment and their recorded use: admins write; admin, coordinator and officer
 * read. Partners and observers get 403 (bookings name students); they read impact reports instead.
 */
export const bookingRoutes: CapabilityRoutes = async (app) => {
  resourceRoutes(app, '/api/bookings', { tag, read: STAFF, write: ADMIN_ONLY, item: bookingSchema })
    .list('List bookings', bookingListQuerySchema, listBookings)
    .get('One booking', getBooking)
    .create('Book a lab or an item (409 BOOKING_CONFLICT on overlap)', createBookingBodySchema, createBooking)
    .update('Reschedule or edit a booking', updateBookingBodySchema, updateBooking);
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
