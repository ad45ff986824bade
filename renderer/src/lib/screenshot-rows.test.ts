import { describe, expect, it } from 'vitest';
import type { ExtractedPosition } from '../../../shared/schemas/screenshot';
import { blankRow, checkRow, checkTable, editRow, isLowConfidence, rowsFromExtraction, type DraftRow } from './screenshot-rows';

const sure = { symbol: 0.97, assetType: 0.95, strike: 0.96, expiry: 0.93, quantity: 0.99, side: 0.9, avgPrice: 0.92, mark: 0.9, pnl: 0.91 };

function extracted(over: Partial<ExtractedPosition> = {}): ExtractedPosition {
  return {
    symbol: 'SPY',
    assetType: 'call',
    strike: 600,
    expiry: '2025-06-20',
    quantity: 2,
    side: 'long',
    avgPrice: 4.15,
    mark: 5.3,
    pnl: 230,
    confidence: { overall: 0.93, fields: sure },
    rawText: 'SPY 250620C00600000 +2 4.15 5.30 +230.00',
    ...over,
  };
}

const row = (over: Partial<DraftRow> = {}): DraftRow => ({ ...rowsFromExtraction([extracted()])[0]!, ...over });

describe('rowsFromExtraction', () => {
  it('turns every read field into the text of its input and keeps the confidences', () => {
    const [r] = rowsFromExtraction([extracted()]);
    expect(r).toMatchObject({ symbol: 'SPY', assetType: 'call', strike: '600', expiry: '2025-06-20', quantity: '2', side: 'long', avgPrice: '4.15', mark: '5.3', pnl: '230' });
    expect(r!.confidence).toEqual(sure);
  });

  it('leaves fields the reader did not find empty, and reads a negative quantity as short', () => {
    const [r] = rowsFromExtraction([extracted({ quantity: -3, side: 'long', mark: null, pnl: null, expiry: null })]);
    expect(r).toMatchObject({ quantity: '3', side: 'short', mark: '', pnl: '', expiry: '' });
  });

  it('shows a number read with binary float noise as the price it is', () => {
    const [r] = rowsFromExtraction([extracted({ avgPrice: 0.1 + 0.2, mark: 1.1 * 3, pnl: -435.00000000000006 })]);
    expect(r).toMatchObject({ avgPrice: '0.3', mark: '3.3', pnl: '-435' });
  });

  it('gives every row its own key', () => {
    const rows = rowsFromExtraction([extracted(), extracted()]);
    expect(new Set([...rows, blankRow()].map((r) => r.key)).size).toBe(3);
  });
});

describe('low confidence', () => {
  it('flags a field read below 0.8, not one at 0.8 nor one not read at all', () => {
    const r = row({ confidence: { symbol: 0.79, strike: 0.8 } });
    expect(isLowConfidence(r, 'symbol')).toBe(true);
    expect(isLowConfidence(r, 'strike')).toBe(false);
    expect(isLowConfidence(r, 'mark')).toBe(false);
  });

  it('goes once the user edits the field (it is checked now); other fields keep theirs', () => {
    const r = editRow(row({ confidence: { symbol: 0.4, strike: 0.5 } }), 'symbol', 'SPX');
    expect(r.symbol).toBe('SPX');
    expect(isLowConfidence(r, 'symbol')).toBe(false);
    expect(isLowConfidence(r, 'strike')).toBe(true);
  });
});

describe('checkRow', () => {
  it('accepts a complete option leg and gives the position the coach receives', () => {
    expect(checkRow(row())).toEqual({
      ok: true,
      position: { symbol: 'SPY', assetType: 'call', strike: 600, expiry: '2025-06-20', quantity: 2, side: 'long', avgPrice: 4.15, mark: 5.3, pnl: 230 },
    });
  });

  it('upper-cases the symbol and reads "$1,234.50" and "-1,020" as numbers', () => {
    const check = checkRow(row({ symbol: ' spx ', avgPrice: '$1,234.50', pnl: '-1,020' }));
    expect(check).toMatchObject({ ok: true, position: { symbol: 'SPX', avgPrice: 1234.5, pnl: -1020 } });
    expect(checkRow(row({ pnl: '-$435.00' }))).toMatchObject({ ok: true, position: { pnl: -435 } });
  });

  it('refuses a symbol that is no ticker, with the message beside the symbol', () => {
    const check = checkRow(row({ symbol: 'S&P 500' }));
    expect(check.ok).toBe(false);
    expect(!check.ok && check.errors.symbol).toMatch(/^Symbol must be 1–10 letters/);
    expect(!check.ok && Object.keys(check.errors)).toEqual(['symbol']);
  });

  it('needs a strike and an expiry on an option', () => {
    const check = checkRow(row({ strike: '', expiry: '' }));
    expect(check).toEqual({ ok: false, errors: { strike: 'An option (SPY call) needs a strike', expiry: 'An option (SPY call) needs an expiry' } });
  });

  it('refuses a strike of 0 or text in a number field', () => {
    expect(checkRow(row({ strike: '0' }))).toEqual({ ok: false, errors: { strike: 'Must be more than 0' } });
    expect(checkRow(row({ strike: '6OO' }))).toEqual({ ok: false, errors: { strike: 'Not a number' } });
    expect(checkRow(row({ mark: 'n/a' }))).toEqual({ ok: false, errors: { mark: 'Not a number' } });
    // Number() would take these as 16, 5000 and 0.5; nobody types a price that way.
    expect(checkRow(row({ strike: '0x10' }))).toEqual({ ok: false, errors: { strike: 'Not a number' } });
    expect(checkRow(row({ mark: '5e3' }))).toEqual({ ok: false, errors: { mark: 'Not a number' } });
    expect(checkRow(row({ avgPrice: '.5' }))).toMatchObject({ ok: true, position: { avgPrice: 0.5 } });
  });

  it('asks for the quantity, which must be more than 0', () => {
    expect(checkRow(row({ quantity: '' }))).toEqual({ ok: false, errors: { quantity: 'Enter the quantity' } });
    expect(checkRow(row({ quantity: '0' }))).toEqual({ ok: false, errors: { quantity: 'Must be more than 0' } });
  });

  it('refuses an expiry that is not a calendar date', () => {
    expect(checkRow(row({ expiry: '2025-02-30' }))).toEqual({ ok: false, errors: { expiry: 'Not a real calendar date' } });
  });

  it("ignores a stock's strike and expiry (left over from a type change)", () => {
    const check = checkRow(row({ symbol: 'AAPL', assetType: 'stock', strike: 'abc', expiry: '' }));
    expect(check).toMatchObject({ ok: true, position: { symbol: 'AAPL', assetType: 'stock', strike: null, expiry: null } });
  });

  it('refuses a blank row until it is filled in', () => {
    const check = checkRow(blankRow());
    expect(check.ok).toBe(false);
    expect(!check.ok && Object.keys(check.errors).sort()).toEqual(['quantity', 'symbol']);
  });
});

describe('checkTable', () => {
  it('gives the positions in row order once every row is valid', () => {
    const a = row();
    const b = row({ symbol: 'QQQ', assetType: 'put', strike: '480', side: 'short', quantity: '1' });
    const table = checkTable([a, b]);
    expect(table.problem).toBeUndefined();
    expect(table.positions?.map((p) => [p.symbol, p.assetType, p.side])).toEqual([
      ['SPY', 'call', 'long'],
      ['QQQ', 'put', 'short'],
    ]);
  });

  it('gives nothing to send while one row is invalid, and says why per row', () => {
    const bad = row({ symbol: '' });
    const table = checkTable([row(), bad]);
    expect(table.positions).toBeUndefined();
    expect(table.rows.get(bad.key)?.ok).toBe(false);
  });

  it('needs at least one row, and at most 50', () => {
    expect(checkTable([])).toMatchObject({ positions: undefined, problem: 'Add at least one position' });
    const many = rowsFromExtraction(Array.from({ length: 51 }, () => extracted()));
    expect(checkTable(many)).toMatchObject({ positions: undefined, problem: 'At most 50 positions at a time' });
  });
});
