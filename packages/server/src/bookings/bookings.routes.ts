import {
  bookingListQuerySchema,
  bookingSchema,
  bookingUsageBodySchema,
  createBookingBodySchema,
  updateBookingBodySchema,
  utilisationQuerySchema,
  utilisationReportSchema,
} from '@kadr/contracts';
import { defineRoutes } from '../plugins/declare-routes.ts';
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

/**
 * Bookings of labs and equipment and their recorded use: admins write; admin, coordinator and officer
 * read. Partners and observers get 403 (bookings name students); they read impact reports instead.
 */
export const bookingRoutes = defineRoutes('bookings', (api) => {
  api
    .resource('/api/bookings', { read: STAFF, write: ADMIN_ONLY, item: bookingSchema })
    .list('List bookings', bookingListQuerySchema, listBookings)
    .get('One booking', getBooking)
    .create('Book a lab or an item (409 BOOKING_CONFLICT on overlap)', createBookingBodySchema, createBooking)
    .update('Reschedule or edit a booking', updateBookingBodySchema, updateBooking);
  api.post('/api/bookings/:id/cancel', ADMIN_ONLY, cancelBooking, {
    summary: 'Cancel a booking',
    response: bookingSchema,
  });
  api.put('/api/bookings/:id/usage', ADMIN_ONLY, recordUsage, {
    summary: 'Record the actual use',
    body: bookingUsageBodySchema,
    response: bookingSchema,
  });
  api.get('/api/utilisation', STAFF, utilisationReport, {
    summary: 'Utilisation per asset and per funding source',
    query: utilisationQuerySchema,
    response: utilisationReportSchema,
  });
});
