import { describe, expect, it } from 'vitest';
import { calendarDate, findExpiry, monthNumber, nextDate } from './expiry';

const TODAY = '2026-12-02';
const expiry = (text: string) => findExpiry(text.split(' '), TODAY);

describe('findExpiry', () => {
  it.each([
    ['100 18 DEC 26 600 CALL', '2026-12-18'], // thinkorswim
    ['20 Jun 25 6000 Call', '2025-06-20'],
    ["JAN15'27 600 CALL", '2027-01-15'], // IBKR
    ['JAN15’27 600 CALL', '2027-01-15'],
    ['JAN1527 600 CALL', '2027-01-15'], // apostrophe lost
    ['$600 Call 12/18/26', '2026-12-18'], // Robinhood
    ['12/18/2026 600.00 C', '2026-12-18'], // Webull
    ['2027-03-19 21500 C', '2027-03-19'],
    ['Dec 18, 2026 600 Call', '2026-12-18'],
    ["Dec 18 '26 600 Call", '2026-12-18'],
    ['18DEC26 600 CALL', '2026-12-18'],
  ])('%s → %s', (text, iso) => {
    expect(expiry(text)?.iso).toBe(iso);
    expect(expiry(text)?.yearInferred).toBe(false);
  });

  it('reads OCR slips in the date, flagged', () => {
    expect(expiry('l8 DEC 26 600 CALL')).toMatchObject({ iso: '2026-12-18', corrected: true });
    expect(expiry('15 JAN 2O 600 CALL')).toMatchObject({ iso: '2020-01-15', corrected: true });
    expect(expiry("0CT16'26 600 CALL")).toMatchObject({ iso: '2026-10-16', corrected: true });
    expect(expiry('1/l5/27 600 C')).toMatchObject({ iso: '2027-01-15', corrected: true });
  });

  it('takes a date without a year as the next such day', () => {
    expect(expiry('$600 Call 12/18')).toMatchObject({ iso: '2026-12-18', yearInferred: true });
    expect(expiry('$600 Call 6/20')).toMatchObject({ iso: '2027-06-20', yearInferred: true });
    expect(expiry('Dec 2 600 Call')).toMatchObject({ iso: '2026-12-02', yearInferred: true });
  });

  it('finds no date in a plain description or an impossible one', () => {
    expect(expiry('600 CALL')).toBeUndefined();
    expect(expiry('2/30/27 600 C')).toBeUndefined();
  });
});

describe('date helpers', () => {
  it('checks the calendar', () => {
    expect(calendarDate(2028, 2, 29)).toBe('2028-02-29');
    expect(calendarDate(2027, 2, 29)).toBeUndefined();
    expect(nextDate(1, 15, '2026-12-02')).toBe('2027-01-15');
  });
  it('reads month words with OCR slips', () => {
    expect(monthNumber('DEC')).toEqual({ month: 12, corrected: false });
    expect(monthNumber('Sept')).toEqual({ month: 9, corrected: false });
    expect(monthNumber('N0V')).toEqual({ month: 11, corrected: true });
    expect(monthNumber('JUI')).toEqual({ month: 7, corrected: true });
    expect(monthNumber('CALL')).toBeUndefined();
  });
});
