import { describe, expect, it } from 'vitest';
import { formatPrice } from './format';
import { formatBound, formatSigned } from './positions';

describe('position formats', () => {
  it('signs greeks and moves, with a real minus sign and no sign on zero', () => {
    expect(formatSigned(12.5)).toBe('+12.5');
    expect(formatSigned(-3.254)).toBe('−3.25');
    expect(formatSigned(-0.001)).toBe('0');
    expect(formatSigned(1234.5, 0)).toBe('+1,235');
    expect(formatSigned(null)).toBe('—');
  });

  it('writes a bound in dollars or as unlimited', () => {
    expect(formatBound(-250)).toBe('−$250.00');
    expect(formatBound('unlimited')).toBe('Unlimited');
  });

  it('gives prices cents and thousands separators', () => {
    expect(formatPrice(6050)).toBe('6,050.00');
    expect(formatPrice(601.255)).toBe('601.26');
  });
});
