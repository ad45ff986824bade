import { describe, expect, it } from 'vitest';
import { ocrPageFromText } from '../testing/ocr-page';
import { classifyLabel, findHeader, normalizeLabel } from './header';
import { rowsOf } from './layout';

const header = (text: string) => findHeader(rowsOf(ocrPageFromText(text)));
const kinds = (text: string) => header(text)?.columns.map((c) => c.kind);

describe('headings', () => {
  it('evens out the spellings of P/L and OCR slips', () => {
    expect(normalizeLabel('P/L Open')).toBe('pl open');
    expect(normalizeLabel('Unrealized P&L')).toBe('unrealized pl');
    expect(normalizeLabel('PIL Open')).toBe('pl open');
    expect(normalizeLabel('PnL')).toBe('pl');
  });

  it('names what a column holds, allowing a slip in longer words', () => {
    expect(classifyLabel('Trade Price')?.kind).toBe('avgPrice');
    expect(classifyLabel('Trade Prlce')?.kind).toBe('avgPrice');
    expect(classifyLabel('P/LOpen')?.kind).toBe('pnl');
    expect(classifyLabel('Current price')?.kind).toBe('mark');
    expect(classifyLabel('P/L Day')?.kind).toBe('other');
    expect(classifyLabel('Qtv')).toBeUndefined(); // too short for a guess
  });
});

describe('findHeader', () => {
  it.each([
    ['Instrument          Qty   Days   Trade Price    Mark    P/L Open    P/L Day', 'thinkorswim', ['instrument', 'quantity', 'other', 'avgPrice', 'mark', 'pnl', 'other']],
    ['Financial Instrument   Position   Avg Price   Last   Market Value   Unrealized P&L', 'ibkr', ['instrument', 'quantity', 'avgPrice', 'mark', 'other', 'pnl']],
    ['Name     Quantity   Avg cost   Current price   Total return   Equity', 'robinhood', ['instrument', 'quantity', 'avgPrice', 'mark', 'pnl', 'other']],
    ['Symbol   Qty   Avg Cost   Last Price   Mkt Value   Unrealized P/L   P/L %', 'webull', ['instrument', 'quantity', 'avgPrice', 'mark', 'other', 'pnl', 'other']],
    ['Symbol   Qty   DTE   Trade Price   Mark   P/L Open   Net Liq', 'tastytrade', ['instrument', 'quantity', 'other', 'avgPrice', 'mark', 'pnl', 'other']],
    ['Symbol   Qty   Avg Price   Mark   P&L', 'generic', ['instrument', 'quantity', 'avgPrice', 'mark', 'pnl']],
    ['Symbol   Strike   Exp   Call/Put   Qty   Avg   Mark', 'generic', ['instrument', 'strike', 'expiry', 'right', 'quantity', 'avgPrice', 'mark']],
  ])('%s → %s', (text, broker, columnKinds) => {
    expect(header(text)?.broker).toBe(broker);
    expect(kinds(text)).toEqual(columnKinds);
  });

  it('picks the heading row among toolbar text, and takes a blank first heading as the instrument', () => {
    const found = header(`Net Liq: $84,512.33   Option Buying Power: $12,004.10
            Qty   Trade Price    Mark    P/L Open
SPY 100 18 DEC 26 600 CALL   +2   12.35   13.10   $150.00`);
    expect(found?.rowIndex).toBe(1);
    expect(found?.columns.map((c) => c.kind)).toEqual(['instrument', 'quantity', 'avgPrice', 'mark', 'pnl']);
  });

  it('finds none without a quantity column', () => {
    expect(header('Symbol   Last   Change   Volume\nSPY   600.12   +1.20   1,234,567')).toBeUndefined();
  });
});
