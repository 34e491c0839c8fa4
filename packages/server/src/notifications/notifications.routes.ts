import { notificationListQuerySchema, notificationSchema, notificationSummarySchema } from '@kadr/contracts';
import { defineRoutes } from '../plugins/declare-routes.ts';
import { OUTBOX_READERS } from '../policy.ts';
import { listNotifications, notificationSummary, retryNotification } from './notifications.service.ts';

/** The outbox viewer: admins and officers list the messages and retry a failed one. */
export const notificationRoutes = defineRoutes('notifications', (api, _app, deps) => {
  const hasSmtp = Boolean(deps.config.smtpUrl);
  api.get('/api/notifications', OUTBOX_READERS, listNotifications, {
    summary: 'List the notification outbox',
    query: notificationListQuerySchema,
    page: notificationSchema,
  });
  api.get('/api/notifications/summary', OUTBOX_READERS, (ctx) => notificationSummary(ctx, hasSmtp), {
    summary: 'Outbox messages by status, and whether SMTP is configured',
    response: notificationSummarySchema,
  });
  api.post('/api/notifications/:id/retry', OUTBOX_READERS, retryNotification, {
    summary: 'Retry a failed notification now',
    response: notificationSchema,
  });
});
