import type { Logger } from '../observability/logger';

/**
 * Why a native notification was not shown, logged the first time at warn and later at debug: a
 * machine with no OS notifier would otherwise log one warning per alert. The in-app toast and
 * badge still tell the user.
 */
export function notShownLog(logger: Logger, notifier: string): (reason: string, notificationId?: string) => void {
  let warned = false;
  return (reason, notificationId) => {
    if (warned) return logger.debug('native notification not shown', { notifier, notificationId, reason });
    warned = true;
    logger.warn('native notifications unavailable; alerts show in the app only', { notifier, notificationId, reason });
  };
}

/** Runs a popup's click handler; a failure is logged, never thrown into the OS notifier's callback. */
export function runClick(logger: Logger, notificationId: string, handler: () => void): void {
  try {
    handler();
  } catch (error) {
    logger.error('native notification click handler failed', { notificationId, error });
  }
}

/** The reason of anything thrown, as text for the log. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message.trim() : String(error);
}
