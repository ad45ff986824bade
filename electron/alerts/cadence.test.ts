import { describe, expect, it } from 'vitest';
import { EXTENDED_TICK_MS, planTick, REGULAR_TICK_MS } from './cadence';
import { et } from './testing';

// NYSE calendar: 2026-12-01 is a Tuesday; 2026-12-24 closes early at 13:00 (after-hours to 17:00);
// 2026-12-25 (Friday) is Christmas Day, closed; the next session is Monday 2026-12-28.
describe('planTick', () => {
  it('ticks every 30 s in regular hours', () => {
    expect(REGULAR_TICK_MS).toBe(30_000);
    const now = et('2026-12-01', '10:00');
    expect(planTick(now)).toEqual({ phase: 'open', ticks: true, nextTickAt: now + 30_000 });
  });

  it('ticks every 2 min in pre-market and after-hours', () => {
    expect(EXTENDED_TICK_MS).toBe(120_000);
    const pre = et('2026-12-01', '07:00');
    expect(planTick(pre)).toEqual({ phase: 'pre', ticks: true, nextTickAt: pre + 120_000 });
    const after = et('2026-12-01', '17:30');
    expect(planTick(after)).toEqual({ phase: 'after', ticks: true, nextTickAt: after + 120_000 });
  });

  it('never sleeps past a change of phase: the first regular tick is at 09:30:00 sharp', () => {
    expect(planTick(et('2026-12-01', '09:29')).nextTickAt).toBe(et('2026-12-01', '09:30'));
    expect(planTick(et('2026-12-01', '15:59')).nextTickAt - et('2026-12-01', '15:59')).toBe(30_000);
    expect(planTick(et('2026-12-01', '19:59')).nextTickAt).toBe(et('2026-12-01', '20:00'));
  });

  it('follows an early close: after-hours from 13:00 to 17:00 on Christmas Eve', () => {
    expect(planTick(et('2026-12-24', '13:30')).phase).toBe('after');
    expect(planTick(et('2026-12-24', '16:59')).nextTickAt).toBe(et('2026-12-24', '17:00'));
    expect(planTick(et('2026-12-24', '17:00'))).toMatchObject({ phase: 'closed', ticks: false });
  });

  it('does not tick on a holiday: sleeps until the next pre-market at 04:00', () => {
    expect(planTick(et('2026-12-25', '10:00'))).toEqual({ phase: 'closed', ticks: false, nextTickAt: et('2026-12-28', '04:00') });
  });

  it('does not tick overnight or on the weekend', () => {
    expect(planTick(et('2026-12-01', '21:00'))).toEqual({ phase: 'closed', ticks: false, nextTickAt: et('2026-12-02', '04:00') });
    expect(planTick(et('2026-12-02', '03:59'))).toEqual({ phase: 'closed', ticks: false, nextTickAt: et('2026-12-02', '04:00') });
    expect(planTick(et('2026-12-05', '12:00'))).toEqual({ phase: 'closed', ticks: false, nextTickAt: et('2026-12-07', '04:00') });
  });

  it('a fixed interval (ALERT_TICK_MS) ticks at every hour, holidays included', () => {
    const now = et('2026-12-25', '10:00');
    expect(planTick(now, 500)).toEqual({ phase: 'closed', ticks: true, nextTickAt: now + 500 });
  });
});
