/**
 * The notification outbox (DESIGN.md capability 4): what kinds of message the platform sends, and the schemas of
 * the outbox viewer for admins and officers. Messages are written in the transaction of the change they report
 * and delivered by the server's deliverer (docs/capabilities/notifications.md).
 */
import { z } from 'zod';
import { idQuerySchema, localeSchema, textSchema } from './common.ts';
import { listQuery } from './lists.ts';
import { notificationStatusSchema } from './placements.ts';
import { NOTIFICATION_KINDS } from './vocabularies.ts';

// These lists live in vocabularies.ts, which loads no zod (the web's pages take them there).
export { NOTIFICATION_KINDS };

export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

/** One message of the outbox, as the viewer shows it. */
export const notificationSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  recipientUserId: z.number().int().nullable(),
  recipientEmail: z.string(),
  locale: localeSchema,
  subject: z.string(),
  body: z.string(),
  ref: z.string(),
  status: notificationStatusSchema,
  attempts: z.number().int().min(0),
  lastError: z.string(),
  nextAttemptAt: z.string(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;

/** The outbox list: `q` searches the recipient, subject and reference. */
export const notificationListQuerySchema = listQuery([
  'createdAt',
  'nextAttemptAt',
  'attempts',
  'status',
]).extend({
  status: notificationStatusSchema.optional(),
  kind: textSchema().max(60).optional(),
  recipientUserId: idQuerySchema.optional(),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

/** The outbox at a glance: messages by status, and whether an SMTP server is configured to send them. */
export const notificationSummarySchema = z.object({
  pending: z.number().int().min(0),
  sent: z.number().int().min(0),
  failed: z.number().int().min(0),
  smtpConfigured: z.boolean(),
});
export type NotificationSummary = z.infer<typeof notificationSummarySchema>;
