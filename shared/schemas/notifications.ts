import { z } from 'zod';

/**
 * In-app notifications (table `ai_coach_notifications`): one row per alert trigger or scanner
 * schedule run with new results, listed in the Alerts tab, counted by the unread badge, and shown
 * as a toast and a native popup when the profile allows.
 */

/** `alert_triggered`: a price alert fired. `scanner_results`: a scan schedule found new results. */
export const NotificationTypeSchema = z.enum(['alert_triggered', 'scanner_results']);
export type NotificationType = z.infer<typeof NotificationTypeSchema>;

export const NotificationSchema = z.object({
  id: z.string(),
  userId: z.string(),
  /** The alert that fired; null once that alert was deleted (the notification stays). */
  alertId: z.string().nullable(),
  type: NotificationTypeSchema,
  title: z.string(),
  body: z.string(),
  read: z.boolean(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof NotificationSchema>;

/** A query-string boolean: `unread=true` arrives as the text "true". */
const QueryBoolean = z
  .union([z.boolean(), z.enum(['true', 'false'])], { error: 'Expected true or false' })
  .transform((v) => v === true || v === 'true');

export const NotificationListInputSchema = z
  .object({
    /** Only the unread ones. */
    unread: QueryBoolean.default(false),
    limit: z.coerce.number({ error: 'Limit must be a number' }).int('Limit must be a whole number').min(1, 'Limit must be at least 1').max(500, 'Limit must be at most 500').default(100),
  })
  .strict();
export type NotificationListInput = z.input<typeof NotificationListInputSchema>;

/** Newest first, with the unread count of all notifications (not only the listed ones). */
export const NotificationListSchema = z.object({ notifications: z.array(NotificationSchema), unreadCount: z.number().int().min(0) });
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const NotificationIdSchema = z.object({ id: z.string().min(1).max(80) }).strict();

export const UnreadCountSchema = z.object({ unreadCount: z.number().int().min(0) });
export type UnreadCount = z.infer<typeof UnreadCountSchema>;

export const MarkAllReadSchema = z.object({ marked: z.number().int().min(0), unreadCount: z.number().int().min(0) });

/** A native notification was clicked: the renderer opens the Alerts tab and highlights the alert (or the Scanner tab for scanner results). */
export const NotificationClickedSchema = z.object({ notificationId: z.string(), alertId: z.string().nullable(), type: NotificationTypeSchema });
export type NotificationClicked = z.infer<typeof NotificationClickedSchema>;
