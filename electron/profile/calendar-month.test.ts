import { describe, expect, it } from 'vitest';
import { assertTimeZone, calendarMonth } from './calendar-month';

describe('calendarMonth', () => {
  it('turns at local midnight on the first, not at UTC midnight', () => {
    // New York is UTC-5 in winter: Jan 31 23:59 ET is Feb 1 04:59 UTC.
    expect(calendarMonth(new Date('2026-02-01T04:59:59.999Z'), 'America/New_York')).toBe('2026-01');
    expect(calendarMonth(new Date('2026-02-01T05:00:00.000Z'), 'America/New_York')).toBe('2026-02');
    // Tokyo is UTC+9: Mar 1 00:00 JST is Feb 28 15:00 UTC.
    expect(calendarMonth(new Date('2026-02-28T14:59:59.999Z'), 'Asia/Tokyo')).toBe('2026-02');
    expect(calendarMonth(new Date('2026-02-28T15:00:00.000Z'), 'Asia/Tokyo')).toBe('2026-03');
  });

  it('crosses the year boundary in the local zone', () => {
    expect(calendarMonth(new Date('2027-01-01T04:59:59.999Z'), 'America/New_York')).toBe('2026-12');
    expect(calendarMonth(new Date('2027-01-01T05:00:00.000Z'), 'America/New_York')).toBe('2027-01');
  });

  it('uses summer time when it applies (New York is UTC-4 on Jul 1)', () => {
    expect(calendarMonth(new Date('2026-07-01T03:59:59.999Z'), 'America/New_York')).toBe('2026-06');
    expect(calendarMonth(new Date('2026-07-01T04:00:00.000Z'), 'America/New_York')).toBe('2026-07');
  });

  it('refuses an unknown zone', () => {
    expect(() => assertTimeZone('Mars/Olympus_Mons')).toThrow('Unknown time zone: Mars/Olympus_Mons');
    expect(assertTimeZone('Europe/Paris')).toBe('Europe/Paris');
  });
});
