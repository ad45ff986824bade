import { describe, expect, it } from 'vitest';
import type { ImportPresetId, PreviewTrade } from '../../../shared/schemas/journal';
import { makeJournal, options, upload } from '../testing';

/**
 * Assignments, exercises and cash settlements as each broker writes them (row shapes from the
 * sources cited in presets/brokers.ts). Every P&L is worked out by hand beside it.
 */
async function importTwice(preset: ImportPresetId, lines: string[]) {
  const { journal } = makeJournal();
  const text = lines.join('\n');
  const preview = await journal.importer.preview(options(upload(journal, text)));
  expect(preview.fileErrors).toEqual([]);
  expect(preview.rowErrors).toEqual([]);
  expect(preview.detectedPreset).toBe(preset);
  const again = async () => {
    const id = upload(journal, text);
    await journal.importer.commit(options(id));
    return journal.importer.preview(options(upload(journal, text)));
  };
  return { preview, again };
}

const pick = (t: PreviewTrade) => ({ symbol: t.symbol, side: t.side, quantity: t.quantity, entryPrice: t.entryPrice, exitPrice: +t.exitPrice!.toFixed(6), netPnl: +t.netPnl!.toFixed(6), tags: t.tags });
const sorted = (trades: PreviewTrade[]) => trades.map(pick).sort((a, b) => a.symbol.localeCompare(b.symbol) || a.entryPrice - b.entryPrice);

describe('option assignments and exercises', () => {
  it('Robinhood: OASGN and OEXCS close the option at 0 beside their share rows; an SPX assignment without an amount is reported and left open', async () => {
    const { preview, again } = await importTwice('robinhood', [
      '"Activity Date","Process Date","Settle Date","Instrument","Description","Trans Code","Quantity","Price","Amount"',
      '"1/21/2026","1/21/2026","1/22/2026","TSLA","Tesla\nCUSIP: 88160R101","Sell","100","$445.00","$44,500.00"',
      '"1/20/2026","1/20/2026","1/21/2026","AAPL","Apple\nCUSIP: 037833100","Sell","100","$185.00","$18,500.00"',
      '"1/16/2026","1/16/2026","1/20/2026","SPXW","SPXW 1/16/2026 Put $5,900.00","OASGN","1","",""',
      '"1/16/2026","1/16/2026","1/20/2026","AAPL","AAPL 1/16/2026 Call $180.00","OEXCS","1","",""',
      '"1/16/2026","1/16/2026","1/20/2026","AAPL","Apple\nCUSIP: 037833100\n1 AAPL Option Exercised","Buy","100","$180.00","($18,000.00)"',
      '"1/16/2026","1/16/2026","1/20/2026","TSLA","TSLA 1/16/2026 Put $440.00","OASGN","1","",""',
      '"1/16/2026","1/16/2026","1/20/2026","TSLA","Tesla\nCUSIP: 88160R101\n1 TSLA Option Assigned","Buy","100","$440.00","($44,000.00)"',
      '"1/14/2026","1/14/2026","1/15/2026","SPXW","SPXW 1/16/2026 Put $5,900.00","STO","1","$12.00","$1,199.95"',
      '"1/13/2026","1/13/2026","1/14/2026","AAPL","AAPL 1/16/2026 Call $180.00","BTO","1","$2.50","($250.04)"',
      '"1/13/2026","1/13/2026","1/14/2026","TSLA","TSLA 1/16/2026 Put $440.00","STO","1","$3.00","$299.95"',
    ]);
    expect(sorted(preview.trades)).toEqual([
      // exercised long call: (0 − 2.50) × 100 = −250.00, the premium paid
      { symbol: 'AAPL', side: 'long', quantity: 100, entryPrice: 180, exitPrice: 185, netPnl: 500, tags: [] }, // shares from the exercise: 5.00 × 100
      { symbol: 'AAPL260116C00180000', side: 'long', quantity: 1, entryPrice: 2.5, exitPrice: 0, netPnl: -250, tags: ['exercised'] },
      { symbol: 'TSLA', side: 'long', quantity: 100, entryPrice: 440, exitPrice: 445, netPnl: 500, tags: [] }, // assigned shares: 5.00 × 100
      // assigned short put: 3.00 × 100 = 300.00, the premium kept
      { symbol: 'TSLA260116P00440000', side: 'short', quantity: 1, entryPrice: 3, exitPrice: 0, netPnl: 300, tags: ['assigned'] },
    ]);
    expect(preview.rowWarnings).toEqual([{ row: 4, message: expect.stringMatching(/assignment of SPXW260116P05900000 settles in cash, but the row carries no cash amount/) }]);
    expect(preview.counts).toMatchObject({ warnings: 1, openLots: 1 }); // the SPXW put stays open
    expect((await again()).counts).toMatchObject({ trades: 4, duplicates: 4 });
  });

  it('Schwab: Assigned and Exchange or Exercise rows close at 0, Expired too; the shares are their own rows', async () => {
    const { preview, again } = await importTwice('schwab', [
      '"Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount"',
      '"12/24/2024","Buy","SPY","SPDR S&P 500 ETF","100","$575.00","","-$57,500.00"',
      '"12/20/2024","Assigned","SPX 12/20/2024 5900.00 P","PUT S&P 500 INDEX $5900 EXP 12/20/24","1","","",""',
      '"12/20/2024","Sell","SPY","SPDR S&P 500 ETF","100","$580.00","","$58,000.00"',
      '"12/20/2024","Exchange or Exercise","SPY 12/20/2024 580.00 P","PUT SPDR S&P 500 ETF $580 EXP 12/20/24","-1","","",""',
      '"12/18/2024","Sell to Open","SPX 12/20/2024 5900.00 P","PUT S&P 500 INDEX $5900 EXP 12/20/24","1","$20.00","$1.32","$1,998.68"',
      '"12/16/2024","Buy to Open","SPY 12/20/2024 580.00 P","PUT SPDR S&P 500 ETF $580 EXP 12/20/24","1","$4.00","$0.66","-$400.66"',
      '"06/21/2024","Assigned","META 06/21/2024 450.00 C","CALL META PLATFORMS INC $450 EXP 06/21/24","1","","",""',
      '"06/21/2024","Sell","META","META PLATFORMS INC","100","$450.00","","$45,000.00"',
      '"06/03/2024","Sell to Open","META 06/21/2024 450.00 C","CALL META PLATFORMS INC $450 EXP 06/21/24","1","$3.00","$0.65","$299.35"',
      '"05/17/2024","Expired","META 05/17/2024 500.00 C","CALL META PLATFORMS INC $500 EXP 05/17/24","1","","",""',
      '"05/01/2024","Sell to Open","META 05/17/2024 500.00 C","CALL META PLATFORMS INC $500 EXP 05/17/24","1","$1.00","$0.65","$99.35"',
      '"04/30/2024","Buy","META","META PLATFORMS INC","100","$400.00","","-$40,000.00"',
    ]);
    expect(sorted(preview.trades)).toEqual([
      { symbol: 'META', side: 'long', quantity: 100, entryPrice: 400, exitPrice: 450, netPnl: 5000, tags: [] }, // called away: 50.00 × 100
      { symbol: 'META240517C00500000', side: 'short', quantity: 1, entryPrice: 1, exitPrice: 0, netPnl: 99.35, tags: ['expired'] }, // 100 − 0.65
      { symbol: 'META240621C00450000', side: 'short', quantity: 1, entryPrice: 3, exitPrice: 0, netPnl: 299.35, tags: ['assigned'] }, // 300 − 0.65
      // exercising the put without shares sells 100 short at 580, bought back at 575: 5.00 × 100
      { symbol: 'SPY', side: 'short', quantity: 100, entryPrice: 580, exitPrice: 575, netPnl: 500, tags: [] },
      { symbol: 'SPY241220P00580000', side: 'long', quantity: 1, entryPrice: 4, exitPrice: 0, netPnl: -400.66, tags: ['exercised'] }, // −400 − 0.66
    ]);
    expect(preview.rowWarnings).toEqual([{ row: 3, message: expect.stringMatching(/^The assignment of SPX241220P05900000 settles in cash/) }]);
    expect(preview.counts.openLots).toBe(1);
    expect((await again()).counts).toMatchObject({ trades: 5, duplicates: 5 });
  });

  it('tastytrade: an assignment removes the option at 0 and delivers the shares; a cash settlement closes at its Value, its 0.00 twin is dropped', async () => {
    const { preview, again } = await importTwice('tastytrade', [
      'Date,Type,Sub Type,Action,Symbol,Instrument Type,Description,Value,Quantity,Average Price,Commissions,Fees,Multiplier,Root Symbol,Underlying Symbol,Expiration Date,Strike Price,Call or Put,Order #,Currency',
      '2024-08-20T10:00:00-0400,Trade,Sell to Close,SELL_TO_CLOSE,SCHG,Equity,Sold 100 SCHG @ 104.00,"10,400.00",100,104.00,0.00,-0.10,1,,SCHG,,,,337500001,USD',
      '2024-08-05T17:00:00-0400,Receive Deliver,Assignment,,SCHG  240816P00103000,Equity Option,Removal of option due to assignment,0.00,1,0.00,--,0.00,100,SCHG,SCHG,8/16/24,103,PUT,,USD',
      '2024-08-05T17:00:00-0400,Receive Deliver,Buy to Open,BUY_TO_OPEN,SCHG,Equity,Buy to Open 100 SCHG @ 103.00,"-10,300.00",100,-103.00,--,-5.00,,,,,,,,USD',
      '2024-07-19T10:30:00-0400,Trade,Sell to Open,SELL_TO_OPEN,SCHG  240816P00103000,Equity Option,Sold 1 SCHG 08/16/24 Put 103.00 @ 2.05,205.00,1,205.00,-1.00,-0.14,100,SCHG,SCHG,8/16/24,103,PUT,336999001,USD',
      '2024-01-19T17:00:00-0500,Receive Deliver,Assignment,,SPXW  240119P04700000,Equity Option,Removal of option due to assignment,0.00,1,0.00,--,0.00,100,SPXW,SPX,1/19/24,4700,PUT,,USD',
      '2024-01-19T17:00:00-0500,Receive Deliver,Cash Settled Assignment,,SPXW  240119P04700000,Equity Option,Cash settlement of 1 SPXW 01/19/24 Put 4700.00,"-1,000.00",1,"-1,000.00",--,-5.00,100,SPXW,SPX,1/19/24,4700,PUT,,USD',
      '2024-01-17T11:00:00-0500,Trade,Sell to Open,SELL_TO_OPEN,SPXW  240119P04700000,Equity Option,Sold 1 SPXW 01/19/24 Put 4700.00 @ 6.00,600.00,1,600.00,-1.00,-0.52,100,SPXW,SPX,1/19/24,4700,PUT,300000101,USD',
    ]);
    expect(sorted(preview.trades)).toEqual([
      { symbol: 'SCHG', side: 'long', quantity: 100, entryPrice: 103, exitPrice: 104, netPnl: 94.9, tags: [] }, // 1.00 × 100 − (5.00 + 0.10)
      { symbol: 'SCHG240816P00103000', side: 'short', quantity: 1, entryPrice: 2.05, exitPrice: 0, netPnl: 203.86, tags: ['assigned'] }, // 205 − (1.00 + 0.14)
      // settled at 1,000.00 / (1 × 100) = 10.00 a share: (6.00 − 10.00) × 100 − (1.00 + 0.52 + 5.00) = −406.52
      { symbol: 'SPX240119P04700000', side: 'short', quantity: 1, entryPrice: 6, exitPrice: 10, netPnl: -406.52, tags: ['assigned'] },
    ]);
    expect(preview.rowWarnings).toEqual([]);
    expect(preview.counts).toMatchObject({ openLots: 0, warnings: 0 });
    expect((await again()).counts).toMatchObject({ trades: 3, duplicates: 3 });
  });

  it('IBKR Flex: "A" and "Ex" book trades at 0 are tagged; an index exercise at 0 closes at its Proceeds, or is reported without them', async () => {
    const header = '"ClientAccountID","AssetClass","Symbol","UnderlyingSymbol","Expiry","Strike","Put/Call","Multiplier","DateTime","Quantity","TradePrice","Proceeds","IBCommission","Buy/Sell","Open/CloseIndicator","Notes/Codes","TransactionType","IBOrderID","LevelOfDetail"';
    const { preview, again } = await importTwice('ibkr', [
      header,
      '"U1","OPT","AAPL  240119P00185000","AAPL","20240119","185","P","100","20240116;100000","-1","1.50","150","-0.70","SELL","O","","ExchTrade","7001","EXECUTION"',
      '"U1","OPT","SPXW  240119C04800000","SPX","20240119","4800","C","100","20240117;100000","1","9.00","-900","-1.10","BUY","O","","ExchTrade","7002","EXECUTION"',
      '"U1","OPT","SPXW  240119C04900000","SPX","20240119","4900","C","100","20240117;100500","1","2.00","-200","-1.10","BUY","O","","ExchTrade","7003","EXECUTION"',
      '"U1","OPT","AAPL  240119P00185000","AAPL","20240119","185","P","100","20240119;162000","1","0","0","0","BUY","C","A","BookTrade","","EXECUTION"',
      '"U1","STK","AAPL","","","","","1","20240119;162000","100","185","-18500","0","BUY","O","A","BookTrade","","EXECUTION"',
      '"U1","OPT","SPXW  240119C04800000","SPX","20240119","4800","C","100","20240119;162000","-1","0","1250","0","SELL","C","Ex","BookTrade","","EXECUTION"',
      '"U1","OPT","SPXW  240119C04900000","SPX","20240119","4900","C","100","20240119;162000","-1","0","0","0","SELL","C","Ex","BookTrade","","EXECUTION"',
    ]);
    expect(sorted(preview.trades)).toEqual([
      { symbol: 'AAPL240119P00185000', side: 'short', quantity: 1, entryPrice: 1.5, exitPrice: 0, netPnl: 149.3, tags: ['assigned'] }, // 150 − 0.70
      // settled at 1,250 / (1 × 100) = 12.50: (12.50 − 9.00) × 100 − 1.10 = 348.90
      { symbol: 'SPX240119C04800000', side: 'long', quantity: 1, entryPrice: 9, exitPrice: 12.5, netPnl: 348.9, tags: ['exercised'] },
    ]);
    expect(preview.rowWarnings).toEqual([{ row: 8, message: expect.stringMatching(/^The exercise of SPX240119C04900000 settles in cash/) }]);
    expect(preview.counts.openLots).toBe(2); // the assigned AAPL shares and the unsettled 4900 call
    expect((await again()).counts).toMatchObject({ trades: 2, duplicates: 2 });
  });
});
