import {
  idParamSchema,
  notificationListQuerySchema,
  notificationSchema,
  notificationSummarySchema,
  pageOf,
} from '@kadr/contracts';
import { type CapabilityRoutes, routeOptions } from '../plugins/route.ts';
import { OUTBOX_READERS } from '../policy.ts';
import { listNotifications, notificationSummary, retryNotification } from './notifications.service.ts';

const route = routeOptions('notifications');

/** The outbox viewer: admins and officers list the messages and retry a failed one. */
export const notificationRoutes: CapabilityRoutes = async (app, deps) => {
  app.get(
    '/api/notifications',
    route(OUTBOX_READERS, 'List the notification outbox', {
      querystring: notificationListQuerySchema,
      response: { 200: pageOf(notificationSchema) },
    }),
    async ({ ctx, query }) => listNotifications(ctx, query),
  );
  app.get(
    '/api/notifications/summary',
    route(OUTBOX_READERS, 'Outbox messages by status, and whether SMTP is configured', {
      response: { 200: notificationSummarySchema },
    }),
    async ({ ctx }) => notificationSummary(ctx, Boolean(deps.config.smtpUrl)),
  );
  app.post(
    '/api/notifications/:id/retry',
    route(OUTBOX_READERS, 'Retry a failed notification now', {
      params: idParamSchema,
      response: { 200: notificationSchema },
    }),
    async ({ ctx, params }) => retryNotification(ctx, params.id),
  );
};
