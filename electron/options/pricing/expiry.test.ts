import { describe, expect, it } from 'vitest';
import { MS_PER_YEAR, settlementInstant, yearsToExpiry } from './expiry';

const HOUR = 60 * 60 * 1000;
const at = (iso: string) => Date.parse(iso);

describe('settlementInstant', () => {
  it('PM = 16:00 New York: 21:00 UTC in winter (EST, UTC−5), 20:00 UTC in summer (EDT, UTC−4)', () => {
    expect(settlementInstant('2026-02-11', 'PM')).toBe(at('2026-02-11T21:00:00Z'));
    expect(settlementInstant('2026-07-17', 'PM')).toBe(at('2026-07-17T20:00:00Z'));
  });

  it('PM on an NYSE early-close day is the 13:00 close (2026-11-27, day after Thanksgiving: 18:00 UTC)', () => {
    expect(settlementInstant('2026-11-27', 'PM')).toBe(at('2026-11-27T18:00:00Z'));
    expect(settlementInstant('2025-07-03', 'PM')).toBe(at('2025-07-03T17:00:00Z')); // 13:00 EDT
  });

  it('AM = the 09:30 New York open (2026-02-20, SPX February monthly: 14:30 UTC)', () => {
    expect(settlementInstant('2026-02-20', 'AM')).toBe(at('2026-02-20T14:30:00Z'));
    expect(settlementInstant('2026-06-18', 'AM')).toBe(at('2026-06-18T13:30:00Z')); // EDT
  });
});

describe('yearsToExpiry', () => {
  it('0DTE at 12:00 ET, PM-settled: 4 hours / (365 × 24 hours)', () => {
    // 2026-02-11 12:00 EST = 17:00 UTC; settlement 16:00 EST = 21:00 UTC → 4 h.
    expect(yearsToExpiry(at('2026-02-11T17:00:00Z'), '2026-02-11', 'PM')).toBeCloseTo(4 / (365 * 24), 15);
  });

  it('AM-settled on expiry day: 30 minutes before the open, 0 after 09:30', () => {
    expect(yearsToExpiry(at('2026-02-20T14:00:00Z'), '2026-02-20', 'AM')).toBeCloseTo(0.5 / (365 * 24), 15); // 09:00 EST
    expect(yearsToExpiry(at('2026-02-20T15:00:00Z'), '2026-02-20', 'AM')).toBe(0); // 10:00 EST
  });

  it('early-close day: at 12:00 ET one hour remains, at 14:00 none', () => {
    expect(yearsToExpiry(at('2026-11-27T17:00:00Z'), '2026-11-27', 'PM')).toBeCloseTo(1 / (365 * 24), 15);
    expect(yearsToExpiry(at('2026-11-27T19:00:00Z'), '2026-11-27', 'PM')).toBe(0);
  });

  it('across the spring DST change the clock loses an hour: Fri 2026-03-06 16:00 EST → Fri 03-13 16:00 EDT is 167 h', () => {
    // 2026-03-08 02:00 EST jumps to 03:00 EDT: 7 × 24 − 1 = 167 hours elapse.
    expect(yearsToExpiry(at('2026-03-06T21:00:00Z'), '2026-03-13', 'PM') * MS_PER_YEAR).toBe(167 * HOUR);
    // And the autumn change gives the hour back: Fri 2026-10-30 16:00 EDT → Fri 11-06 16:00 EST = 169 h.
    expect(yearsToExpiry(at('2026-10-30T20:00:00Z'), '2026-11-06', 'PM') * MS_PER_YEAR).toBe(169 * HOUR);
  });

  it('is floored at 0 after settlement and counts 365-day years', () => {
    expect(yearsToExpiry(at('2026-02-12T00:00:00Z'), '2026-02-11', 'PM')).toBe(0);
    // 2027-02-11 16:00 EST is exactly 365 days after 2026-02-11 16:00 EST.
    expect(yearsToExpiry(at('2026-02-11T21:00:00Z'), '2027-02-11', 'PM')).toBe(1);
  });
});
