import { useApiEvent } from './use-api-event';
import { useCall } from './use-call';

/** The number of unread notifications (the Alerts tab's badge), kept live by 'notifications:changed'. */
export function useUnreadCount(): number {
  const count = useCall('notifications:unreadCount', {});
  useApiEvent('notifications:changed', count.replace, count.data !== undefined);
  return count.data?.unreadCount ?? 0;
}
