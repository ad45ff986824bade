import { describe, expect, it } from 'vitest';
import { parseInstrument, readOcc, readSymbol } from './instrument';

const TODAY = '2026-12-02';
const read = (text: string) => parseInstrument(text, TODAY);
const option = (symbol: string, assetType: 'call' | 'put', strike: number, expiry: string) => ({ symbol, assetType, strike, expiry });

describe('parseInstrument', () => {
  it.each([
    ['SPY 261218C00600000', option('SPY', 'call', 600, '2026-12-18')],
    ['SPY261218C00600000', option('SPY', 'call', 600, '2026-12-18')],
    ['O:SPY261218C00600000', option('SPY', 'call', 600, '2026-12-18')],
    ['SPY   261218P00582500', option('SPY', 'put', 582.5, '2026-12-18')],
    ['SPXW261231C06150000', option('SPX', 'call', 6150, '2026-12-31')],
    ['.SPY261218C600', option('SPY', 'call', 600, '2026-12-18')],
    ['SPX 20 Jun 25 6000 Call', option('SPX', 'call', 6000, '2025-06-20')],
    ['SPY 100 (Weeklys) 20 JUN 25 600 CALL', option('SPY', 'call', 600, '2025-06-20')],
    ['NDX 100 19 MAR 27 21500 CALL', option('NDX', 'call', 21500, '2027-03-19')],
    ["SPY JUN20'25 600 CALL", option('SPY', 'call', 600, '2025-06-20')],
    ["IWM DEC18'26 230 PUT", option('IWM', 'put', 230, '2026-12-18')],
    ['SPY $600 Call 6/20/25', option('SPY', 'call', 600, '2025-06-20')],
    ['SPX $6,100 Call 12/31/26', option('SPX', 'call', 6100, '2026-12-31')],
    ['SPY 6/20/25 600 C', option('SPY', 'call', 600, '2025-06-20')],
    ['NDX 1/15/27 21000 P', option('NDX', 'put', 21000, '2027-01-15')],
    ['SPY 06/20/2025 600.00 C', option('SPY', 'call', 600, '2025-06-20')],
    ['XYZ 100 18 DEC 26 100 CALL', option('XYZ', 'call', 100, '2026-12-18')],
  ])('%s', (text, expected) => {
    expect(read(text)).toMatchObject({ ...expected, corrected: { symbol: false, strike: false, expiry: false, assetType: false }, yearInferred: false });
  });

  it('reads stocks, with or without the company name', () => {
    expect(read('AAPL')).toMatchObject({ symbol: 'AAPL', assetType: 'stock', strike: null, expiry: null });
    expect(read('MSFT Microsoft Corp')).toMatchObject({ symbol: 'MSFT', assetType: 'stock' });
    expect(read('BRK.B')).toMatchObject({ symbol: 'BRK.B', assetType: 'stock' });
  });

  it('tolerates OCR slips and flags them', () => {
    // O for 0 in an OCC symbol's strike
    expect(read('SPY 261218C0O6OOOOO')).toMatchObject({ ...option('SPY', 'call', 600, '2026-12-18'), corrected: { strike: true } });
    // l for 1 in the date and O for 0 in the strike
    expect(read('SPY l8 DEC 26 6OO CALL')).toMatchObject({ ...option('SPY', 'call', 600, '2026-12-18'), corrected: { strike: true, expiry: true } });
    // 0 for O in the ticker
    expect(read('QQ0 1/15/27 520 P')).toMatchObject({ symbol: 'QQO', corrected: { symbol: true } });
    // the space between year and strike lost
    expect(read('QQQ 100 15 JAN 27520 PUT')).toMatchObject(option('QQQ', 'put', 520, '2027-01-15'));
    expect(read('SPX 20 Jun 2025 6000 Call')).toMatchObject(option('SPX', 'call', 6000, '2025-06-20'));
    // CAL1
    expect(read("SPY DEC18'26 600 CAL1")).toMatchObject({ assetType: 'call', corrected: { assetType: true } });
  });

  it('resolves a date without a year to the next such day', () => {
    expect(read('SPY $600 Call 6/20')).toMatchObject({ expiry: '2027-06-20', yearInferred: true });
    expect(read('SPY $600 Call 12/18')).toMatchObject({ expiry: '2026-12-18', yearInferred: true });
  });

  it.each(['Overall Totals', 'OVERALL TOTALS', 'Total', 'Beta Weighting: off', '', '12.35', '—', 'SPY 600 CALL', 'SPY 12/18/26'])('is not an instrument: %j', (text) => {
    expect(read(text)).toBeUndefined();
  });
});

describe('readSymbol and readOcc', () => {
  it('reads tickers and maps weekly roots', () => {
    expect(readSymbol('SPXW')).toEqual({ symbol: 'SPX', corrected: false });
    expect(readSymbol('NDXP')).toEqual({ symbol: 'NDX', corrected: false });
    expect(readSymbol('Apple')).toBeUndefined();
    expect(readSymbol('100')).toBeUndefined();
  });
  it('rejects an OCC code with an impossible date', () => {
    expect(readOcc('SPY261318C00600000')).toBeUndefined();
  });
});
