import { describe, expect, it } from 'vitest';
import type { ImportOptions, ImportPresetId, PreviewTrade } from '../../../shared/schemas/journal';
import { makeJournal, options, upload } from '../testing';

/**
 * Real variants of the brokers' exports that the sample files (presets.test.ts) do not show, each
 * as seen in the published exports the presets cite.
 */
/** The preview of a file made of `lines`, checked to be recognised as `preset` and read without errors. */
async function previewAs(preset: ImportPresetId, lines: string[], extra: Partial<ImportOptions> = {}) {
  const { journal } = makeJournal();
  const result = await journal.importer.preview(options(upload(journal, lines.join('\n')), extra));
  expect(result.fileErrors).toEqual([]);
  expect(result.rowErrors).toEqual([]);
  expect(result.detectedPreset).toBe(preset);
  return result;
}

const pick = (t: PreviewTrade) => ({ symbol: t.symbol, side: t.side, quantity: t.quantity, entryPrice: t.entryPrice, exitPrice: t.exitPrice, netPnl: +t.netPnl!.toFixed(6) });

describe('broker export variants', () => {
  it('IBKR Flex with section codes: only the TRNT section is read, and an "EST" time stays New York time', async () => {
    const result = await previewAs('ibkr', [
      '"BOF","U1234567","Trades","1","20240110","20240110"',
      '"BOS","TRNT","Trades; trade date basis"',
      '"HEADER","TRNT","ClientAccountID","AssetClass","Symbol","UnderlyingSymbol","Multiplier","DateTime","Quantity","TradePrice","IBCommission","Buy/Sell","IBOrderID","LevelOfDetail"',
      '"DATA","TRNT","U1234567","STK","AAPL","","1","2024-01-10;09:45:00 EST","100","185.20","-0.50","BUY","9001","EXECUTION"',
      '"DATA","TRNT","U1234567","STK","AAPL","","1","2024-01-10;15:30:00 EST","-100","186.05","-0.50","SELL","9002","EXECUTION"',
      '"EOS","TRNT","2"',
      '"BOS","CTRN","Cash Transactions"',
      '"HEADER","CTRN","ClientAccountID","CurrencyPrimary","Type","Amount","DateTime"',
      '"DATA","CTRN","U1234567","USD","Deposits/Withdrawals","1000","20240110"',
      '"EOS","CTRN","1"',
      '"EOF","U1234567"',
    ], { timezone: 'Europe/London' });
    expect(result.trades.map(pick)).toEqual([{ symbol: 'AAPL', side: 'long', quantity: 100, entryPrice: 185.2, exitPrice: 186.05, netPnl: 84 }]);
    expect(result.trades[0]!.entryTime).toBe('2024-01-10T14:45:00.000Z');
  });

  it('tastytrade: the 2025 header with Total, the 2023 header without Sub Type, prices over 1,000', async () => {
    const rows = (header: string, buy: string, sell: string) => [header, sell, buy]; // newest first
    const current = rows(
      'Date,Type,Sub Type,Action,Symbol,Instrument Type,Description,Value,Quantity,Average Price,Commissions,Fees,Multiplier,Root Symbol,Underlying Symbol,Expiration Date,Strike Price,Call or Put,Order #,Total,Currency',
      '2024-03-01T09:31:00-0500,Trade,Buy to Open,BUY_TO_OPEN,NVR,Equity,Bought 1 NVR @ 7654.32,"-7,654.32",1,"-7,654.32",0.00,-0.01,1,,NVR,,,,400001,"-7,654.33",USD',
      '2024-03-01T15:02:00-0500,Trade,Sell to Close,SELL_TO_CLOSE,NVR,Equity,Sold 1 NVR @ 7700.00,"7,700.00",1,"7,700.00",0.00,-0.02,1,,NVR,,,,400002,"7,699.98",USD',
    );
    const of2023 = rows(
      'Date,Type,Action,Symbol,Instrument Type,Description,Value,Quantity,Average Price,Commissions,Fees,Multiplier,Root Symbol,Underlying Symbol,Expiration Date,Strike Price,Call or Put,Order #',
      '2022-12-21T16:31:40+0100,Trade,SELL_TO_OPEN,PACB  221230C00010500,Equity Option,Sold 2 PACB 12/30/22 Call 10.50 @ 0.10,20.00,2,10.00,-2.00,-0.254,100,PACB,PACB,12/30/22,10.5,CALL,247462519',
      '2022-12-28T16:14:29+0100,Trade,BUY_TO_CLOSE,PACB  221230C00010500,Equity Option,Bought 2 PACB 12/30/22 Call 10.50 @ 0.04,-8.00,2,-4.00,-2.00,-0.14,100,PACB,PACB,12/30/22,10.5,CALL,248328103',
    );
    const a = await previewAs('tastytrade', current);
    // (7700.00 − 7654.32) − (0.01 + 0.02) = 45.65
    expect(a.trades.map(pick)).toEqual([{ symbol: 'NVR', side: 'long', quantity: 1, entryPrice: 7654.32, exitPrice: 7700, netPnl: 45.65 }]);
    const b = await previewAs('tastytrade', of2023);
    // (0.10 − 0.04) × 2 × 100 − (2.254 + 2.14) = 7.606
    expect(b.trades.map(pick)).toEqual([{ symbol: 'PACB221230C00010500', side: 'short', quantity: 2, entryPrice: 0.1, exitPrice: 0.04, netPnl: 7.606 }]);
    expect(b.trades[0]!.entryTime).toBe('2022-12-21T15:31:40.000Z');
  });

  it('Schwab: the newer file without its title line, a 9th empty column, "as of" dates and "$1,234.50" prices', async () => {
    const result = await previewAs('schwab', [
      '"Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount",',
      '"03/13/2024","Sell","BKNG","BOOKING HLDGS INC","2","$3,512.25","$0.06","$7,024.44",""',
      '"03/12/2024 as of 03/11/2024","Buy","BKNG","BOOKING HLDGS INC","2","$3,498.00","","-$6,996.00",""',
    ]);
    // (3512.25 − 3498.00) × 2 − 0.06 = 28.44
    expect(result.trades.map(pick)).toEqual([{ symbol: 'BKNG', side: 'long', quantity: 2, entryPrice: 3498, exitPrice: 3512.25, netPnl: 28.44 }]);
    expect(result.trades[0]!.entryTime).toBe('2024-03-11T04:00:00.000Z'); // the trade date, not the posting date
  });

  it('Robinhood: multi-line descriptions, "$1,234.50" prices, "($…)" amounts and "Option Expiration for …"', async () => {
    const result = await previewAs('robinhood', [
      '"Activity Date","Process Date","Settle Date","Instrument","Description","Trans Code","Quantity","Price","Amount"',
      '"2/16/2024","2/16/2024","2/20/2024","QQQ","Option Expiration for QQQ 2/16/2024 Call $1,000.00","OEXP","2S","",""',
      '"2/12/2024","2/12/2024","2/13/2024","QQQ","QQQ 2/16/2024 Call $1,000.00","BTO","2","$0.05","($10.04)"',
      '"2/9/2024","2/9/2024","2/13/2024","AVGO","Broadcom\nCUSIP: 11135F101","Sell","3","$1,234.50","$3,703.45"',
      '"2/8/2024","2/8/2024","2/12/2024","AVGO","Broadcom\nCUSIP: 11135F101","Buy","3","$1,200.00","($3,600.00)"',
      '"2/8/2024","2/8/2024","2/8/2024","AVGO","Cash Div: R/D 2024-01-22","CDIV","—","—","$15.75"',
    ]);
    expect(result.trades.map(pick).sort((x, y) => x.symbol.localeCompare(y.symbol))).toEqual([
      { symbol: 'AVGO', side: 'long', quantity: 3, entryPrice: 1200, exitPrice: 1234.5, netPnl: 103.5 }, // 34.50 × 3
      { symbol: 'QQQ240216C01000000', side: 'long', quantity: 2, entryPrice: 0.05, exitPrice: 0, netPnl: -10 }, // expired worthless
    ]);
  });

  it('Webull options records: unpadded OCC symbols with a 4-letter root, partial fills, newest first', async () => {
    const result = await previewAs('webull', [
      'Name,Symbol,Side,Status,Filled,Total Qty,Price,Avg Price,Time-in-Force,Placed Time,Filled Time',
      'SPXW250702P06185000,SPXW250702P06185000,Sell,Filled,2,2,@2.10,2.15,DAY,07/02/2025 11:40:00 EDT,07/02/2025 11:40:02 EDT',
      'SPXW250702P06185000,SPXW250702P06185000,Buy,Partial Filled,2,5,@1.25,1.23,DAY,07/02/2025 10:00:00 EDT,07/02/2025 10:00:05 EDT',
      'SPXW250702P06185000,SPXW250702P06185000,Buy,Failed,0,1,@1.00,,DAY,07/02/2025 09:59:00 EDT,',
    ]);
    // (2.15 − 1.23) × 2 × 100 = 184.00
    expect(result.trades.map(pick)).toEqual([{ symbol: 'SPXW250702P06185000', side: 'long', quantity: 2, entryPrice: 1.23, exitPrice: 2.15, netPnl: 184 }]);
  });

  it('thinkorswim: quantities with thousands separators, ETF rows and prices like ".60"', async () => {
    const result = await previewAs('thinkorswim', [
      'Account Trade History',
      ',Exec Time,Spread,Side,Qty,Pos Effect,Symbol,Exp,Strike,Type,Price,Net Price,Order Type',
      ',3/4/26 10:14:31,STOCK,SELL,"-2,180",TO CLOSE,SOXL,,,ETF,.62,.62,LMT',
      ',3/4/26 06:34:07,STOCK,BUY,"+2,180",TO OPEN,SOXL,,,ETF,.60,.60,LMT',
    ]);
    // (0.62 − 0.60) × 2180 = 43.60
    expect(result.trades.map(pick)).toEqual([{ symbol: 'SOXL', side: 'long', quantity: 2180, entryPrice: 0.6, exitPrice: 0.62, netPnl: 43.6 }]);
  });
});
