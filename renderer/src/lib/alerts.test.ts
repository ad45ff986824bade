import { describe, expect, it } from 'vitest';
import type { Notification } from '../../../shared/schemas/notifications';
import { describeCondition, describeTriggerMode, unreadFirst } from './alerts';

const base = { targetPrice: null, level: null, percent: null, referencePrice: null };

describe('alert wording', () => {
  it('says what each kind of alert watches', () => {
    expect(describeCondition({ ...base, condition: 'crosses_above', targetPrice: 6001.5 })).toBe('crosses above 6,001.50');
    expect(describeCondition({ ...base, condition: 'crosses', level: 'PDH', targetPrice: 601.25 })).toBe('crosses PDH (601.25 today)');
    expect(describeCondition({ ...base, condition: 'below', level: 'VWAP' })).toBe('at or below VWAP');
    // 2 % up from 598.00 is 598 × 1.02 = 609.96 (the main process works the target out).
    expect(describeCondition({ ...base, condition: 'pct_move_up', percent: 2, referencePrice: 598, targetPrice: 609.96 })).toBe('rises by 2 % from 598.00 (to 609.96)');
  });

  it('says how often it fires', () => {
    expect(describeTriggerMode({ triggerMode: 'once', cooldownSeconds: 900 })).toBe('once');
    expect(describeTriggerMode({ triggerMode: 'every_time', cooldownSeconds: 900 })).toBe('every time, 15 min apart');
    expect(describeTriggerMode({ triggerMode: 'every_time', cooldownSeconds: 90 })).toBe('every time, 90 s apart');
  });
});

describe('notification order', () => {
  const n = (id: string, read: boolean, createdAt: string): Notification => ({ id, userId: 'u', alertId: null, type: 'alert_triggered', title: id, body: '', read, createdAt });
  it('lists unread first, each part newest first', () => {
    const list = [n('old-read', true, '2026-12-01T10:00:00Z'), n('old-unread', false, '2026-12-01T11:00:00Z'), n('new-read', true, '2026-12-01T15:00:00Z'), n('new-unread', false, '2026-12-01T14:00:00Z')];
    expect(unreadFirst(list).map((x) => x.id)).toEqual(['new-unread', 'old-unread', 'new-read', 'old-read']);
  });
});
