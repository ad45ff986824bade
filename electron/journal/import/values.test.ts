import { describe, expect, it } from 'vitest';
import { parseDateTime, parseNumber, parseOccSymbol } from './values';

describe('broker cell values', () => {
  it.each([
    ['$1,234.50', 1234.5],
    ['-$651.32', -651.32],
    ['($410.00)', -410],
    ['(12.00)', -12],
    ['"1,000.00"'.slice(1, -1), 1000],
    ['+2,180', 2180],
    ['@240.00', 240],
    ['.60', 0.6],
    ['--', null],
    ['', null],
  ])('reads %s as %s', (raw, want) => {
    expect(parseNumber(raw)).toBe(want);
  });

  it('refuses text that is no number', () => {
    expect(parseNumber('CREDIT')).toBeNaN();
  });

  it('reads an "EST"/"EDT" suffix as New York time whatever zone the user picked', () => {
    expect(new Date(parseDateTime('01/10/2024 09:35:12 EST', 'Asia/Tokyo')).toISOString()).toBe('2024-01-10T14:35:12.000Z');
    expect(new Date(parseDateTime('2024-07-10;09:35:12 EDT', 'Asia/Tokyo')).toISOString()).toBe('2024-07-10T13:35:12.000Z');
    expect(new Date(parseDateTime('01/10/2024 09:35:12', 'Asia/Tokyo')).toISOString()).toBe('2024-01-10T00:35:12.000Z');
  });

  it("reads tastytrade's padded OCC symbol and Webull's unpadded one alike", () => {
    const want = { underlying: 'SPY', expiry: '2024-01-19', optionType: 'put', strike: 460 };
    expect(parseOccSymbol('SPY   240119P00460000')).toEqual(want);
    expect(parseOccSymbol('SPY240119P00460000')).toEqual(want);
  });
});
