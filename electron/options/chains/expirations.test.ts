import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Expiration } from '../../../shared/schemas/chains';
import { listExpirations } from './expirations';

/** Epoch ms of a New York wall-clock time. */
const newYork = (iso: string) => DateTime.fromISO(iso, { zone: 'America/New_York' }).toMillis();
const dates = (list: Expiration[], kind?: Expiration['kind']) => list.filter((e) => !kind || e.kind === kind).map((e) => e.date);
const find = (list: Expiration[], date: string) => list.find((e) => e.date === date);

describe('listed expirations on the NYSE calendar', () => {
  // Wednesday 2026-03-25, 10:00 ET: Good Friday 2026-04-03 is a holiday (NYSE 2026 calendar).
  const spyBeforeGoodFriday = listExpirations('SPY', newYork('2026-03-25T10:00'));

  it('lists SPY dailies for the next ten trading days, today as 0DTE, skipping the Good Friday holiday', () => {
    const first = spyBeforeGoodFriday.slice(0, 10);
    // Trading days from Wed 2026-03-25: 25 26 27 | 30 31 Apr-1 Apr-2 (Apr-3 Good Friday closed) | Apr-6 7 8.
    expect(dates(first)).toEqual(['2026-03-25', '2026-03-26', '2026-03-27', '2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02', '2026-04-06', '2026-04-07', '2026-04-08']);
    expect(first[0]).toEqual({ date: '2026-03-25', daysToExpiry: 0, settlement: 'PM', kind: '0dte' });
    expect(find(spyBeforeGoodFriday, '2026-04-03')).toBeUndefined();
  });

  it('moves the Good Friday weekly to Thursday 2026-04-02 (a stock without dailies shows it as a weekly)', () => {
    const aapl = listExpirations('AAPL', newYork('2026-03-25T10:00'));
    expect(find(aapl, '2026-04-02')).toEqual({ date: '2026-04-02', daysToExpiry: 8, settlement: 'PM', kind: 'weekly' });
    expect(find(spyBeforeGoodFriday, '2026-04-02')?.kind).toBe('weekly');
    // AAPL has no dailies: its first expirations are the Fridays (Thursday for Good Friday week).
    expect(dates(aapl).slice(0, 4)).toEqual(['2026-03-27', '2026-04-02', '2026-04-10', '2026-04-17']);
  });

  it('lists weeklies for about two months, monthlies on third Fridays for a year and January LEAPS beyond', () => {
    const aapl = listExpirations('AAPL', newYork('2026-03-25T10:00'));
    // Third Fridays: 2026-04-17, 05-15, 06-19 is Juneteenth (closed) → Thursday 06-18, 07-17, ... 2027-03-19.
    expect(dates(aapl, 'monthly')).toEqual([
      '2026-04-17', '2026-05-15', '2026-06-18', '2026-07-17', '2026-08-21', '2026-09-18', '2026-10-16', '2026-11-20', '2026-12-18',
      '2027-01-15', '2027-02-19', '2027-03-19',
    ]);
    expect(dates(aapl, 'leaps')).toEqual(['2028-01-21', '2029-01-19']);
    const weeklies = dates(aapl, 'weekly');
    expect(weeklies[0]).toBe('2026-03-27');
    expect(weeklies.at(-1)).toBe('2026-05-22'); // 58 days out; 2026-05-29 would be 65 > 63
    expect(weeklies).not.toContain('2026-04-17'); // a third Friday is a monthly, not a weekly
  });

  it('settles SPX standard monthlies (and LEAPS) AM, its weeklies and dailies PM', () => {
    const spx = listExpirations('SPX', newYork('2026-12-01T11:00'));
    // 2026-12-02: the example date of the task; the SPX daily of that Wednesday is listed PM.
    expect(find(spx, '2026-12-02')).toEqual({ date: '2026-12-02', daysToExpiry: 1, settlement: 'PM', kind: 'daily' });
    expect(find(spx, '2026-12-01')?.kind).toBe('0dte');
    expect(find(spx, '2026-12-18')).toMatchObject({ settlement: 'AM', kind: 'monthly' });
    expect(find(spx, '2026-12-11')).toMatchObject({ settlement: 'PM', kind: 'weekly' });
    expect(find(spx, '2028-01-21')).toMatchObject({ settlement: 'AM', kind: 'leaps' });
    // Christmas 2026-12-25 is a Friday holiday: that week's weekly is Thursday 2026-12-24 (an early close).
    expect(find(spx, '2026-12-24')).toMatchObject({ settlement: 'PM', kind: 'weekly' });
    expect(find(spx, '2026-12-25')).toBeUndefined();
    // SPY's monthlies settle PM like everything on stocks and ETFs.
    expect(find(listExpirations('SPY', newYork('2026-12-01T11:00')), '2026-12-18')?.settlement).toBe('PM');
  });

  it('drops an expiration once it has settled: 0DTE after 16:00 (13:00 on an early close), an AM monthly at 09:30', () => {
    expect(find(listExpirations('SPY', newYork('2026-12-02T15:59')), '2026-12-02')?.kind).toBe('0dte');
    expect(find(listExpirations('SPY', newYork('2026-12-02T16:00')), '2026-12-02')).toBeUndefined();
    // Christmas Eve 2026 closes at 13:00 ET.
    expect(find(listExpirations('SPY', newYork('2026-12-24T12:59')), '2026-12-24')).toBeDefined();
    expect(find(listExpirations('SPY', newYork('2026-12-24T13:00')), '2026-12-24')).toBeUndefined();
    // The SPX December 2026 monthly settles on the 09:30 open of 2026-12-18.
    expect(find(listExpirations('SPX', newYork('2026-12-18T09:29')), '2026-12-18')?.settlement).toBe('AM');
    expect(find(listExpirations('SPX', newYork('2026-12-18T09:30')), '2026-12-18')).toBeUndefined();
  });

  it('on a weekend starts with the next trading day and counts calendar days to each expiry', () => {
    const saturday = listExpirations('QQQ', newYork('2026-03-28T12:00'));
    expect(saturday[0]).toEqual({ date: '2026-03-30', daysToExpiry: 2, settlement: 'PM', kind: 'daily' });
    expect(saturday.every((e, i) => i === 0 || e.date > saturday[i - 1]!.date)).toBe(true);
  });
});
