import type { ScreenshotQuota } from '../../../../shared/schemas/screenshot';
import { quotaText } from '../../lib/screenshot-image';

/** "2 of 5 screenshots read today", in warning colours once the day's limit is reached. */
export function QuotaNote({ quota }: { quota: ScreenshotQuota }) {
  const reached = quota.remaining === 0;
  return (
    <span className={reached ? 'screenshot-quota screenshot-quota-reached' : 'screenshot-quota'} data-testid="screenshot-quota">
      {quotaText(quota)}
      {reached && ' — the daily limit is reached'}
    </span>
  );
}
