import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isCalendarDate } from '../../../../shared/schemas/market';
import { dateArg, expiryArg, normalizeSymbol, quantityArg, symbolArg } from './args';

describe('argument schemas', () => {
  it.each([
    ['spx', 'SPX'],
    ['$SPX', 'SPX'],
    [' SPX ', 'SPX'],
    ['^ndx', 'NDX'],
    ['I:SPX', 'SPX'],
    ['brk.b', 'BRK.B'],
  ])('symbol %j reads as %s', (raw, symbol) => {
    expect(normalizeSymbol(raw)).toBe(symbol);
    expect(symbolArg().parse(raw)).toBe(symbol);
  });

  it('refuses what is not a ticker', () => {
    for (const bad of ['', '6000', 'S P X', 'TOOLONGSYMBOL', 42]) expect(symbolArg().safeParse(bad).success).toBe(false);
  });

  it("reads '0dte' however it is written, and real dates only", () => {
    for (const zero of ['0dte', '0DTE', ' 0 DTE ', '0-dte', 'today']) expect(expiryArg().parse(zero)).toBe('0dte');
    expect(expiryArg().parse('2026-03-20')).toBe('2026-03-20');
    for (const bad of ['2026-02-30', '03/20/2026', 'friday', '1dte']) expect(expiryArg().safeParse(bad).success).toBe(false);
    expect(dateArg('d').safeParse('2024-02-29').success).toBe(true);
    expect(dateArg('d').safeParse('2025-02-29').success).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
  });

  it('quantities are whole, signed and not zero', () => {
    const q = quantityArg('q');
    expect(q.parse(-3)).toBe(-3);
    for (const bad of [0, 1.5, '2', 2_000_000]) expect(q.safeParse(bad).success).toBe(false);
  });

  it('the cleaning steps leave a JSON schema the model can read (no transforms)', () => {
    const schema = z.toJSONSchema(z.object({ symbol: symbolArg(), expiry: expiryArg(), qty: quantityArg('q') }).strict());
    expect(schema).toMatchObject({
      type: 'object',
      properties: { symbol: { type: 'string' }, expiry: { type: 'string' }, qty: { type: 'integer', minimum: -1_000_000, maximum: 1_000_000 } },
      required: ['symbol', 'expiry', 'qty'],
      additionalProperties: false,
    });
  });
});
