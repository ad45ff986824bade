import { describe, expect, it } from 'vitest';
import type { ImportPresetId, PreviewTrade } from '../../../shared/schemas/journal';
import { fixture, makeJournal, options, upload } from '../testing';

interface Expected {
  symbol: string;
  side: 'long' | 'short';
  quantity: number;
  entryPrice: number;
  exitPrice: number;
  fees: number;
  /** Worked out by hand from the fixture's rows. */
  netPnl: number;
  entryTime?: string;
}

const pick = (t: PreviewTrade) => ({ symbol: t.symbol, side: t.side, quantity: t.quantity, entryPrice: t.entryPrice, exitPrice: t.exitPrice, fees: t.fees, netPnl: t.netPnl });
const bySymbolAndEntry = (a: { symbol: string; entryPrice: number }, b: { symbol: string; entryPrice: number }) => a.symbol.localeCompare(b.symbol) || a.entryPrice - b.entryPrice;

const CASES: { preset: ImportPresetId; file: string; groups: number; trades: Expected[]; sameTrade?: string[][] }[] = [
  {
    preset: 'generic',
    file: 'generic.csv',
    groups: 2, // the two SPY exits close one buy order: one trade scaled out in two legs
    trades: [
      // SPY 100 bought @ 470 (fee 1.00), sold 60 @ 472.50 (fee 0.60): 2.50 × 60 − (0.60 + 0.60) = 148.80
      { symbol: 'SPY', side: 'long', quantity: 60, entryPrice: 470, exitPrice: 472.5, fees: 1.2, netPnl: 148.8, entryTime: '2024-01-08T14:35:00.000Z' },
      // …and the other 40 @ 471 (fee 0.40): 1 × 40 − (0.40 + 0.40) = 39.20
      { symbol: 'SPY', side: 'long', quantity: 40, entryPrice: 470, exitPrice: 471, fees: 0.8, netPnl: 39.2 },
      // QQQ 410 call ×2: (2.20 − 3.00) × 2 × 100 − 2.60 = −162.60
      { symbol: 'QQQ240119C00410000', side: 'long', quantity: 2, entryPrice: 3, exitPrice: 2.2, fees: 2.6, netPnl: -162.6 },
    ],
  },
  {
    preset: 'thinkorswim',
    file: 'thinkorswim.csv',
    groups: 2, // the vertical is one trade
    sameTrade: [['SPY240119C00475000', 'SPY240119C00480000']],
    trades: [
      // AAPL 100 @ 185.20 → 186.05: 0.85 × 100 = 85.00 (fees are not in the trade history)
      { symbol: 'AAPL', side: 'long', quantity: 100, entryPrice: 185.2, exitPrice: 186.05, fees: 0, netPnl: 85, entryTime: '2024-01-09T14:31:12.000Z' },
      // vertical: long 475 call 2.10 → 3.40 = +130; short 480 call 1.05 → 1.60 = −55
      { symbol: 'SPY240119C00475000', side: 'long', quantity: 1, entryPrice: 2.1, exitPrice: 3.4, fees: 0, netPnl: 130 },
      { symbol: 'SPY240119C00480000', side: 'short', quantity: 1, entryPrice: 1.05, exitPrice: 1.6, fees: 0, netPnl: -55 },
    ],
  },
  {
    preset: 'ibkr',
    file: 'ibkr.csv',
    groups: 2, // the put spread (one IBOrderID) and the MSFT position (one buy order, two sells)
    sameTrade: [['SPY240119P00455000', 'SPY240119P00460000']],
    trades: [
      // MSFT 50 @ 375.10 (fee 0.25 = 0.005/share); 30 sold @ 376.00 (fee 0.15): 0.90 × 30 − (0.15 + 0.15) = 26.70
      { symbol: 'MSFT', side: 'long', quantity: 30, entryPrice: 375.1, exitPrice: 376, fees: 0.3, netPnl: 26.7 },
      // 20 sold @ 374.50 (fee 0.10): −0.60 × 20 − (0.10 + 0.10) = −12.20
      { symbol: 'MSFT', side: 'long', quantity: 20, entryPrice: 375.1, exitPrice: 374.5, fees: 0.2, netPnl: -12.2 },
      // long 455 put ×2 0.80 → 0.15: −0.65 × 200 − 2.60 = −132.60
      { symbol: 'SPY240119P00455000', side: 'long', quantity: 2, entryPrice: 0.8, exitPrice: 0.15, fees: 2.6, netPnl: -132.6 },
      // short 460 put ×2 1.20 → 0.35: 0.85 × 200 − 2.60 = 167.40 (EUR.USD cash row skipped)
      { symbol: 'SPY240119P00460000', side: 'short', quantity: 2, entryPrice: 1.2, exitPrice: 0.35, fees: 2.6, netPnl: 167.4, entryTime: '2024-01-10T15:05:12.000Z' },
    ],
  },
  {
    preset: 'tastytrade',
    file: 'tastytrade.csv',
    groups: 2,
    trades: [
      // AMD 10 @ 145.00 → 147.80, fee 0.03: 28.00 − 0.03 = 27.97
      { symbol: 'AMD', side: 'long', quantity: 10, entryPrice: 145, exitPrice: 147.8, fees: 0.03, netPnl: 27.97 },
      // IWM 190 put sold @ 85.00 / 100 = 0.85, expired: 85.00 − (1.00 + 0.14) = 83.86
      { symbol: 'IWM240119P00190000', side: 'short', quantity: 1, entryPrice: 0.85, exitPrice: 0, fees: 1.14, netPnl: 83.86, entryTime: '2024-01-16T15:15:22.000Z' },
    ],
  },
  {
    preset: 'webull',
    file: 'webull.csv',
    groups: 2,
    trades: [
      // SPY 475 call ×3 1.08 → 0.72: −0.36 × 300 = −108.00 (the export has no fees)
      { symbol: 'SPY240112C00475000', side: 'long', quantity: 3, entryPrice: 1.08, exitPrice: 0.72, fees: 0, netPnl: -108 },
      // TSLA 20 @ 237.90 → 240.35 (average fill prices): 2.45 × 20 = 49.00; the cancelled order is skipped
      { symbol: 'TSLA', side: 'long', quantity: 20, entryPrice: 237.9, exitPrice: 240.35, fees: 0, netPnl: 49, entryTime: '2024-01-10T14:35:12.000Z' },
    ],
  },
  {
    preset: 'schwab',
    file: 'schwab.csv',
    groups: 2,
    trades: [
      // NVDA same-day buy @ 540 and sell @ 547.10 (listed newest first): 7.10 × 10 = 71.00
      { symbol: 'NVDA', side: 'long', quantity: 10, entryPrice: 540, exitPrice: 547.1, fees: 0, netPnl: 71, entryTime: '2024-01-12T05:00:00.000Z' },
      // QQQ 405 call ×2 3.25 → 4.10, fees 1.32 + 1.32: 0.85 × 200 − 2.64 = 167.36
      { symbol: 'QQQ240119C00405000', side: 'long', quantity: 2, entryPrice: 3.25, exitPrice: 4.1, fees: 2.64, netPnl: 167.36 },
    ],
  },
  {
    preset: 'robinhood',
    file: 'robinhood.csv',
    groups: 2,
    trades: [
      // AMC 100 @ 4.10 → 3.95 the same day: −0.15 × 100 = −15.00
      { symbol: 'AMC', side: 'long', quantity: 100, entryPrice: 4.1, exitPrice: 3.95, fees: 0, netPnl: -15 },
      // SPY 470 put sold to open @ 0.95, expired (OEXP): 0.95 × 100 = 95.00
      { symbol: 'SPY240119P00470000', side: 'short', quantity: 1, entryPrice: 0.95, exitPrice: 0, fees: 0, netPnl: 95 },
    ],
  },
];

describe.each(CASES)('the $preset preset', ({ preset, file, groups, trades, sameTrade = [] }) => {
  it('detects the format, matches the fills into the expected trades, and a second import adds nothing', async () => {
    const { journal } = makeJournal();
    const id = upload(journal, fixture(file));
    const preview = await journal.importer.preview(options(id));
    expect(preview.fileErrors).toEqual([]);
    expect(preview.rowErrors).toEqual([]);
    expect(preview.detectedPreset).toBe(preset);
    expect(preview.counts).toMatchObject({ trades: trades.length, groups, duplicates: 0, openLots: 0 });
    const got = preview.trades.map(pick).sort(bySymbolAndEntry);
    const want = trades.map(({ entryTime: _, ...t }) => t).sort(bySymbolAndEntry);
    expect(got.map((t) => ({ ...t, fees: +t.fees.toFixed(6), netPnl: +t.netPnl!.toFixed(6) }))).toEqual(want);
    for (const t of trades.filter((t) => t.entryTime)) {
      expect(preview.trades.find((p) => p.symbol === t.symbol && p.entryPrice === t.entryPrice)?.entryTime).toBe(t.entryTime);
    }

    for (const legs of sameTrade) {
      const groupIds = legs.map((symbol) => preview.trades.find((t) => t.symbol === symbol)!.groupId);
      expect(new Set(groupIds).size, `${legs.join(' + ')} are one trade`).toBe(1);
    }

    expect(await journal.importer.commit(options(id))).toEqual({ inserted: trades.length, duplicates: 0, groups });
    expect(journal.repo.list({ status: 'all', sort: 'entryTime', order: 'asc', limit: 100, offset: 0 }).total).toBe(trades.length);

    const again = upload(journal, fixture(file));
    expect((await journal.importer.preview(options(again))).counts.duplicates).toBe(trades.length);
    expect(await journal.importer.commit(options(again))).toEqual({ inserted: 0, duplicates: trades.length, groups: 0 });
    expect(journal.repo.list({ status: 'all', sort: 'entryTime', order: 'asc', limit: 100, offset: 0 }).total).toBe(trades.length);
  });
});
