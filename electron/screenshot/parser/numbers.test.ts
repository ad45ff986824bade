import { describe, expect, it } from 'vitest';
import { fixDigitLookalikes, isEmptyCell, readNumber, sideWord } from './numbers';

describe('readNumber', () => {
  it.each([
    ['12.35', 12.35, 2],
    ['$1,012.50', 1012.5, 2],
    ['1,200', 1200, 0],
    ['+2', 2, 0],
    ['-1', -1, 0],
    ['\u22121', -1, 0],
    ['($435.00)', -435, 2],
    ['-$46.00', -46, 2],
    ['+$124.00', 124, 2],
    ['251.400', 251.4, 3],
    ['0.85', 0.85, 2],
  ])('%s → %d', (text, value, decimals) => {
    const n = readNumber(text)!;
    expect(n.value).toBeCloseTo(value, 10);
    expect(n.decimals).toBe(decimals);
    expect(n.corrected).toBe(false);
  });

  it('reads signs and percentages', () => {
    expect(readNumber('+10.65%')).toMatchObject({ value: 10.65, percent: true, signed: true });
    expect(readNumber('12.35')).toMatchObject({ signed: false, percent: false });
    expect(readNumber('(435.00')).toMatchObject({ value: -435 }); // OCR lost the closing parenthesis
  });

  it.each([
    ['6OO', 600],
    ['l2.35', 12.35],
    ['1O4.3O', 104.3],
    ['S12.35', 12.35], // the dollar sign read as S
    ['12,35', 12.35], // the point read as a comma
    ['1.012.50', 1012.5], // the comma read as a point
    ['2B.6O', 28.6],
    ['|3.10', 13.1],
  ])('corrects the OCR slip in %s → %d', (text, value) => {
    const n = readNumber(text)!;
    expect(n.value).toBeCloseTo(value, 10);
    expect(n.corrected).toBe(true);
  });

  it.each(['CALL', 'Weeklys', '12/18/26', '—', '--', 'N/A', '', '$', 'SPY'])('is not a number: %j', (text) => {
    expect(readNumber(text)).toBeUndefined();
  });
});

describe('look-alikes, empty cells, side words', () => {
  it('only fixes look-alikes inside numbers', () => {
    expect(fixDigitLookalikes('SPY')).toEqual({ text: 'SPY', corrected: false });
    expect(fixDigitLookalikes('2O')).toEqual({ text: '20', corrected: true });
  });
  it('knows dashes for empty cells', () => {
    expect(isEmptyCell('\u2014')).toBe(true);
    expect(isEmptyCell('0')).toBe(false);
  });
  it('reads short/long words', () => {
    expect(sideWord('$4.20 credit')).toBe('short');
    expect(sideWord('2 Sell')).toBe('short');
    expect(sideWord('Long')).toBe('long');
    expect(sideWord('$12.35')).toBeUndefined();
  });
});
