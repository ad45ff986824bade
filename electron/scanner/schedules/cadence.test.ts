import { describe, expect, it } from 'vitest';
import { et } from '../../alerts/testing';
import { nextRunAt } from './cadence';

describe('nextRunAt (regular session only)', () => {
  it('waits for the open before it, runs at once in the session when it has not run this session', () => {
    expect(nextRunAt(15, null, et('2026-12-01', '08:00'))).toBe(et('2026-12-01', '09:30'));
    expect(nextRunAt(15, null, et('2026-12-01', '10:07'))).toBe(et('2026-12-01', '10:07'));
    // Ran yesterday: due now.
    expect(nextRunAt(15, et('2026-11-30', '15:45'), et('2026-12-01', '10:07'))).toBe(et('2026-12-01', '10:07'));
  });

  it('runs every N minutes after its last run, and not at or after the close', () => {
    expect(nextRunAt(15, et('2026-12-01', '09:50'), et('2026-12-01', '10:00'))).toBe(et('2026-12-01', '10:05'));
    expect(nextRunAt(15, et('2026-12-01', '15:45'), et('2026-12-01', '15:50'))).toBe(et('2026-12-02', '09:30'));
    expect(nextRunAt(5, et('2026-12-01', '15:54'), et('2026-12-01', '15:55'))).toBe(et('2026-12-01', '15:59'));
  });

  it('sleeps through evenings, weekends, holidays and the afternoon of an early close', () => {
    expect(nextRunAt(15, et('2026-12-01', '15:59'), et('2026-12-01', '16:30'))).toBe(et('2026-12-02', '09:30'));
    expect(nextRunAt(15, et('2026-12-04', '15:45'), et('2026-12-05', '12:00'))).toBe(et('2026-12-07', '09:30'));
    // Christmas Eve closes at 13:00; Christmas is a holiday, then a weekend.
    expect(nextRunAt(15, et('2026-12-24', '12:50'), et('2026-12-24', '12:55'))).toBe(et('2026-12-28', '09:30'));
  });

  it('all hours: at once, then every N minutes, whatever the market', () => {
    expect(nextRunAt(15, null, et('2026-12-05', '03:00'), true)).toBe(et('2026-12-05', '03:00'));
    expect(nextRunAt(15, et('2026-12-05', '03:00'), et('2026-12-05', '03:01'), true)).toBe(et('2026-12-05', '03:15'));
  });
});
