import type { Notification, NotificationType } from '../../shared/schemas/notifications';
import type { Database } from '../db/database';

interface NotificationRow {
  id: string;
  user_id: string;
  alert_id: string | null;
  type: NotificationType;
  title: string;
  body: string;
  read: 0 | 1;
  created_at: string;
}

export type NewNotification = Pick<Notification, 'id' | 'alertId' | 'type' | 'title' | 'body' | 'createdAt'>;

const fromRow = (row: NotificationRow): Notification => ({
  id: row.id,
  userId: row.user_id,
  alertId: row.alert_id,
  type: row.type,
  title: row.title,
  body: row.body,
  read: row.read === 1,
  createdAt: row.created_at,
});

/** SQL of `ai_coach_notifications`; knows nothing of events or validation. */
export class NotificationRepository {
  constructor(
    private readonly db: Database,
    private readonly userId = 'local',
  ) {}

  insert(n: NewNotification): Notification {
    this.db
      .prepare('INSERT INTO ai_coach_notifications (id, user_id, alert_id, type, title, body, read, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)')
      .run(n.id, this.userId, n.alertId, n.type, n.title, n.body, n.createdAt);
    return this.get(n.id)!;
  }

  get(id: string): Notification | undefined {
    const row = this.db.prepare<NotificationRow>('SELECT * FROM ai_coach_notifications WHERE id = ? AND user_id = ?').get(id, this.userId);
    return row && fromRow(row);
  }

  /** Newest first (rowid breaks ties between notifications of one tick). */
  list(options: { unread: boolean; limit: number }): Notification[] {
    const where = options.unread ? 'AND read = 0' : '';
    return this.db
      .prepare<NotificationRow>(`SELECT * FROM ai_coach_notifications WHERE user_id = ? ${where} ORDER BY created_at DESC, rowid DESC LIMIT ?`)
      .all(this.userId, options.limit)
      .map(fromRow);
  }

  unreadCount(): number {
    return this.db.prepare<{ n: number }>('SELECT COUNT(*) AS n FROM ai_coach_notifications WHERE user_id = ? AND read = 0').get(this.userId)!.n;
  }

  /** Whether a notification with this id exists (read before or not). */
  markRead(id: string): boolean {
    return this.db.prepare('UPDATE ai_coach_notifications SET read = 1 WHERE id = ? AND user_id = ?').run(id, this.userId).changes > 0;
  }

  /** How many were unread. */
  markAllRead(): number {
    return this.db.prepare('UPDATE ai_coach_notifications SET read = 1 WHERE user_id = ? AND read = 0').run(this.userId).changes;
  }
}
