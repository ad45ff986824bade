import { describe, expect, it } from 'vitest';
import { LOW_CONFIDENCE } from '../../../shared/schemas/screenshot';
import { resolvePosition, type MoneyRead, type RowReading } from './confidence';
import { parseInstrument } from './instrument';

const money = (value: number, confidence = 0.93, extra: Partial<MoneyRead> = {}): MoneyRead => ({
  text: String(value),
  value,
  decimals: 2,
  digits: String(Math.abs(value)).replace(/\D/g, '').length,
  signed: value < 0,
  confidence,
  corrected: false,
  alternatives: [],
  ...extra,
});

const reading = (instrument: string, quantity: number, avg?: MoneyRead, mark?: MoneyRead, pnl?: MoneyRead): RowReading => ({
  instrument: parseInstrument(instrument, '2026-12-02')!,
  instrumentConfidence: 0.92,
  quantity: { value: Math.abs(quantity), negative: quantity < 0, confidence: 0.7, corrected: false },
  avgPrice: avg,
  mark,
  pnl,
});

describe('resolvePosition', () => {
  it('raises quantity, side and prices the P&L vouches for; overall is the weakest field', () => {
    // (13.10 − 12.35) × 2 × 100 = 150
    const p = resolvePosition(reading('SPY 261218C00600000', 2, money(12.35, 0.6), money(13.1), money(150)), 'row');
    expect(p.confidence.fields).toMatchObject({ quantity: 0.9, side: 0.9, avgPrice: 0.9, mark: 0.93, pnl: 0.93, symbol: 0.92 });
    expect(p.confidence.overall).toBe(0.9);
  });

  it('leaves OCR confidence as it is when there is nothing to check against', () => {
    const p = resolvePosition(reading('AAPL', 150, money(228.4), money(231.15, 0.55)), 'row');
    expect(p.confidence.fields).toMatchObject({ quantity: 0.7, avgPrice: 0.93, mark: 0.55 });
    expect(p.confidence.fields.pnl).toBeUndefined();
    expect(p.pnl).toBeNull();
    expect(p.confidence.overall).toBe(0.55);
  });

  it('divides an option average quoted per contract by 100 when the P&L says so, and flags it', () => {
    // IBKR-style: average 1,462.00 per contract, mark 15.30 per share, P&L (15.30 − 14.62) × 2 × 100 = 136
    const p = resolvePosition(reading("SPY JAN15'27 600 CALL", 2, money(1462), money(15.3), money(136)), 'row');
    expect(p.avgPrice).toBe(14.62);
    expect(p.confidence.fields.avgPrice).toBeLessThan(0.9);
  });

  it('prefers the as-read value over a supplied decimal point when only it fits the P&L', () => {
    // "228" in a column of cents was taken as 2.28; the P&L (231.15 − 228) × 100 = 315 says 228.
    const p = resolvePosition(reading('AAPL', 100, money(2.28, 0.9, { inferred: true, alternatives: [{ value: 228, signed: false }] }), money(231.15), money(315)), 'row');
    expect(p.avgPrice).toBe(228);
    expect(p.confidence.fields.avgPrice).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
  });

  it('flags every number of a row whose P&L does not follow from its prices', () => {
    const p = resolvePosition(reading('AAPL', 100, money(227.85), money(231.15), money(830)), 'row');
    for (const f of ['avgPrice', 'mark', 'pnl'] as const) expect(p.confidence.fields[f]).toBeLessThan(LOW_CONFIDENCE);
    expect([p.avgPrice, p.mark, p.pnl]).toEqual([227.85, 231.15, 830]);
  });

  it('flags an expiry on a weekend (a misread day)', () => {
    expect(resolvePosition(reading('TSLA 100 26 DEC 26 250 CALL', 2), 'row').confidence.fields.expiry).toBeLessThan(LOW_CONFIDENCE);
    expect(resolvePosition(reading('TSLA 100 18 DEC 26 250 CALL', 2), 'row').confidence.fields.expiry).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
  });

  it('does not take a mark one digit off as vouched for by a large P&L', () => {
    // (1,104.20 − 1,012.50) × 100 = 9,170, not the 9,180 shown: the mark's last digit was misread.
    const p = resolvePosition(reading('NDX 100 19 MAR 27 21500 CALL', 1, money(1012.5), money(1104.2), money(9180)), 'row');
    expect(p.confidence.fields.mark).toBeLessThan(LOW_CONFIDENCE);
  });

  it('flags a year that was not written', () => {
    const p = resolvePosition(reading('SPY $600 Call 6/20', 1), 'row');
    expect(p.expiry).toBe('2027-06-20');
    expect(p.confidence.fields.expiry).toBeLessThan(LOW_CONFIDENCE);
  });
});
