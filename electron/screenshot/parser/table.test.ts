import { describe, expect, it } from 'vitest';
import { LOW_CONFIDENCE } from '../../../shared/schemas/screenshot';
import { ocrPageFromText } from '../testing/ocr-page';
import { parsePositionTable } from './table';

const TODAY = '2026-12-02';
const parse = (text: string, confidences?: Record<string, number>) => parsePositionTable(ocrPageFromText(text, { confidences }), { today: TODAY });
const fields = (p: { symbol: string; assetType: string; strike: number | null; expiry: string | null; quantity: number; side: string; avgPrice: number | null; mark: number | null; pnl: number | null }) =>
  [p.symbol, p.assetType, p.strike, p.expiry, p.quantity, p.side, p.avgPrice, p.mark, p.pnl] as const;

describe('parsePositionTable, one layout per broker (text as OCR returns it)', () => {
  it('thinkorswim: signed Qty, parenthesised losses, "(Weeklys)", a totals row, with O/0 and l/1 slips', () => {
    const table = parse(`Position Statement for 86****12 (Individual)   Net Liq: $84,512.33   Option Buying Power: $12,004.10
Instrument                                Qty   Days   Trade Price    Mark    P/L Open    P/L Day
SPY 100 18 DEC 26 6OO CALL                 +2     16         12.35   13.10     $150.00     $27.00
SPX 100 (Weeklys) 31 DEC 26 6000 PUT       -1     29         45.20   38.75     $645.00    $161.25
AAPL                                     +150               228.40  231.15     $412.50    $132.50
QQQ 100 15 JAN 27 520 PUT                  +3     44          8.90    7.45   ($435.00)  ($170.00)
NDX 100 19 MAR 27 21500 CALL               +1    107      1,012.50 1,1O4.30  $9,180.00  $4,223.25
TSLA 100 l8 DEC 26 250 CALL                -2     16          0.85    0.40      $90.00     $48.50
Overall Totals                                                              $10,042.50
Beta Weighting: off   Show groups by: Symbol`);
    expect(table.broker).toBe('thinkorswim');
    expect(table.warnings).toEqual([]);
    expect(table.positions.map(fields)).toEqual([
      ['SPY', 'call', 600, '2026-12-18', 2, 'long', 12.35, 13.1, 150],
      ['SPX', 'put', 6000, '2026-12-31', 1, 'short', 45.2, 38.75, 645],
      ['AAPL', 'stock', null, null, 150, 'long', 228.4, 231.15, 412.5],
      ['QQQ', 'put', 520, '2027-01-15', 3, 'long', 8.9, 7.45, -435],
      ['NDX', 'call', 21500, '2027-03-19', 1, 'long', 1012.5, 1104.3, 9180],
      ['TSLA', 'call', 250, '2026-12-18', 2, 'short', 0.85, 0.4, 90],
    ]);
    // The corrected strike (6OO) is flagged; the corrected mark (1,1O4.30) is vouched for by the P&L.
    expect(table.positions[0]!.confidence.fields.strike).toBeLessThan(LOW_CONFIDENCE);
    expect(table.positions[4]!.confidence.fields.mark).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
    expect(table.positions[5]!.confidence.fields.expiry).toBeLessThan(LOW_CONFIDENCE);
    expect(table.positions[1]!.confidence.overall).toBeCloseTo(0.95, 5);
  });

  it("IBKR TWS: Financial Instrument, Position, Avg Price, Last, Market Value, Unrealized P&L", () => {
    const table = parse(`Portfolio   U1234567   Net Liquidation 152,384.20
Financial Instrument          Position   Avg Price      Last   Market Value   Unrealized P&L
SPY JAN15'27 600 CALL                2       14.62     15.30          3,060           136.00
SPX DEC31'26 5900 PUT               -1       32.10     27.85         -2,785           425.00
MSFT                                40      412.35    405.10         16,204          -290.00
IWM DEC18’26 230 PUT                -5        1.85      2.40         -1,200          -275.00
NDX MAR19'27 22000 CALL              1      845.60    912.20         91,220         6,660.00`);
    expect(table.broker).toBe('ibkr');
    expect(table.positions.map(fields)).toEqual([
      ['SPY', 'call', 600, '2027-01-15', 2, 'long', 14.62, 15.3, 136],
      ['SPX', 'put', 5900, '2026-12-31', 1, 'short', 32.1, 27.85, 425],
      ['MSFT', 'stock', null, null, 40, 'long', 412.35, 405.1, -290],
      ['IWM', 'put', 230, '2026-12-18', 5, 'short', 1.85, 2.4, -275],
      ['NDX', 'call', 22000, '2027-03-19', 1, 'long', 845.6, 912.2, 6660],
    ]);
  });

  it('Robinhood: "$600 Call 12/18/26", a Unicode minus, "credit" for a short, +$/−$ returns, a year left out', () => {
    const table = parse(`Name                        Quantity      Avg cost    Current price   Total return         Equity
SPY $600 Call 12/18/26             2        $12.35          $12.97       +$124.00      $2,594.00
SPY $580 Put 12/18/26             \u22121  $4.20 credit           $4.66        -$46.00       -$466.00
AAPL                              25       $226.10         $231.15       +$126.25      $5,778.75
QQQ $540 Call 1/15                 3         $0.85           $1.20       +$105.00        $360.00
NVDA                           1,200       $178.42         $176.90     -$1,824.00    $212,280.00`);
    expect(table.broker).toBe('robinhood');
    expect(table.positions.map(fields)).toEqual([
      ['SPY', 'call', 600, '2026-12-18', 2, 'long', 12.35, 12.97, 124],
      ['SPY', 'put', 580, '2026-12-18', 1, 'short', 4.2, 4.66, -46],
      ['AAPL', 'stock', null, null, 25, 'long', 226.1, 231.15, 126.25],
      ['QQQ', 'call', 540, '2027-01-15', 3, 'long', 0.85, 1.2, 105],
      ['NVDA', 'stock', null, null, 1200, 'long', 178.42, 176.9, -1824],
    ]);
    expect(table.positions[3]!.confidence.fields.expiry).toBeLessThan(LOW_CONFIDENCE);
  });

  it('Webull: compact OCC codes (SPXW root, O for 0), a three-decimal Avg Cost, a P/L % column', () => {
    const table = parse(`Symbol                    Qty    Avg Cost   Last Price    Mkt Value   Unrealized P/L    P/L %
SPY261218C00605000          1      10.800        11.95     1,195.00          +115.00  +10.65%
TSLA                       30     251.400       248.15     7,444.50           -97.50   -1.29%
QQQ270115P0O5OOOOO         -2       6.350         5.10    -1,020.00          +250.00  +19.69%
SPXW261231C06150000         1      28.600        31.45     3,145.00          +285.00   +9.97%`);
    expect(table.broker).toBe('webull');
    expect(table.positions.map(fields)).toEqual([
      ['SPY', 'call', 605, '2026-12-18', 1, 'long', 10.8, 11.95, 115],
      ['TSLA', 'stock', null, null, 30, 'long', 251.4, 248.15, -97.5],
      ['QQQ', 'put', 500, '2027-01-15', 2, 'short', 6.35, 5.1, 250],
      ['SPX', 'call', 6150, '2026-12-31', 1, 'long', 28.6, 31.45, 285],
    ]);
    expect(table.positions[2]!.confidence.fields.strike).toBeLessThan(LOW_CONFIDENCE);
  });

  it('Tastytrade: "SPY 12/18/26 600 C", DTE and Net Liq columns ignored', () => {
    const table = parse(`Symbol                    Qty    DTE   Trade Price     Mark    P/L Open      Net Liq
SPY 12/18/26 600 C         -1    16d         13.40    12.95       45.00    -1,295.00
IWM                       100                238.75   241.20      245.00    24,120.00
NDX 1/15/27 21000 P         1    44d        265.40   231.10   -3,430.00    23,110.00`);
    expect(table.broker).toBe('tastytrade');
    expect(table.positions.map(fields)).toEqual([
      ['SPY', 'call', 600, '2026-12-18', 1, 'short', 13.4, 12.95, 45],
      ['IWM', 'stock', null, null, 100, 'long', 238.75, 241.2, 245],
      ['NDX', 'put', 21000, '2027-01-15', 1, 'long', 265.4, 231.1, -3430],
    ]);
  });

  it('generic: spaced OCC symbols with Qty / Avg Price / Mark / P&L', () => {
    const table = parse(`Account Positions   As of 12/02/2026 10:41 ET
Symbol                  Qty   Avg Price     Mark       P&L
SPY 261218C00600000       2       12.35    13.10    150.00
SPX 261231P05800000      -1       21.70    18.25    345.00
AAPL                    100      227.85   231.15    330.00
GLD 270115P00300000      -3        5.40     6.15   -225.00`);
    expect(table.broker).toBe('generic');
    expect(table.positions.map(fields)).toEqual([
      ['SPY', 'call', 600, '2026-12-18', 2, 'long', 12.35, 13.1, 150],
      ['SPX', 'put', 5800, '2026-12-31', 1, 'short', 21.7, 18.25, 345],
      ['AAPL', 'stock', null, null, 100, 'long', 227.85, 231.15, 330],
      ['GLD', 'put', 300, '2027-01-15', 3, 'short', 5.4, 6.15, -225],
    ]);
  });
});

describe('parsePositionTable, OCR errors and confidence', () => {
  const HEAD = 'Symbol                  Qty   Avg Price     Mark       P&L';

  it('supplies a missing decimal point from the column, vouched for by the P&L', () => {
    const table = parse(`${HEAD}
SPY 261218C00600000       2        1235    13.10    150.00
AAPL                    100      227.85   231.15    330.00`);
    const spy = table.positions[0]!;
    expect(spy.avgPrice).toBe(12.35);
    expect(spy.confidence.fields.avgPrice).toBeLessThan(spy.confidence.fields.mark!);
  });

  it('flags a supplied decimal point the P&L cannot vouch for', () => {
    const table = parse(`Symbol                  Qty   Avg Price     Mark
SPY 261218C00600000       2        1235    13.10
AAPL                    100      227.85   231.15`);
    expect(table.positions[0]!.avgPrice).toBe(12.35);
    expect(table.positions[0]!.confidence.fields.avgPrice).toBeLessThan(LOW_CONFIDENCE);
  });

  it('lowers the prices and P&L when they disagree (a digit misread)', () => {
    const table = parse(`${HEAD}
SPY 261218C00600000       2       12.35    18.10    150.00`);
    const fieldsConf = table.positions[0]!.confidence.fields;
    for (const f of ['avgPrice', 'mark', 'pnl'] as const) expect(fieldsConf[f], f).toBeLessThan(LOW_CONFIDENCE);
    expect(table.positions[0]!.confidence.overall).toBeLessThan(LOW_CONFIDENCE);
  });

  it('takes the side a signed P&L says when OCR lost the minus of the quantity, and flags it', () => {
    const table = parse(`${HEAD}
SPX 261231P05800000       1       21.70    18.25   +345.00`);
    expect(table.positions[0]!.side).toBe('short');
    expect(table.positions[0]!.confidence.fields.side).toBeLessThan(LOW_CONFIDENCE);
  });

  it('flags both side and P&L when either minus may be the one lost', () => {
    // Long 1 with a loss of 345, or short 1 with a gain of 345: the text cannot tell.
    const table = parse(`${HEAD}
SPX 261231P05800000       1       21.70    18.25    345.00`);
    expect(table.positions[0]!.confidence.fields.side).toBeLessThan(LOW_CONFIDENCE);
    expect(table.positions[0]!.confidence.fields.pnl).toBeLessThan(LOW_CONFIDENCE);
  });

  it('doubts the signs when OCR doubts an unsigned P&L, even though the P&L check holds', () => {
    // Read as long 3 with a gain of 225; the screenshot said -3 and -225.00, both minus signs lost
    // (tesseract gives such a word a confidence near 0).
    const table = parse(`${HEAD}
GLD 270115P00300000       3        5.40     6.15    225.00`, { '225.00': 0.05 });
    expect(table.positions[0]!.confidence.fields.side).toBeLessThan(LOW_CONFIDENCE);
    expect(table.positions[0]!.confidence.fields.pnl).toBeLessThan(LOW_CONFIDENCE);
  });

  it('trusts a P&L written in parentheses over an unsigned quantity', () => {
    const table = parse(`Instrument                      Qty   Trade Price        Mark     P/L Open
SPX 100 31 DEC 26 6000 PUT        1         45.20       38.75      $645.00
QQQ 100 15 JAN 27 520 PUT        +3          8.90        7.45    ($435.00)`);
    expect(table.positions.map((p) => [p.side, p.pnl])).toEqual([
      ['short', 645],
      ['long', -435],
    ]);
  });

  it('reads a "+" taken for a 4 in a P&L and a quantity it could not read, from the P&L', () => {
    const table = parse(`Symbol                    Qty    Avg Cost   Last Price   Unrealized P/L
SPY261218C00605000          1      10.800        11.95          4115.00
MSFT                       a0      412.35       405.10          -290.00`);
    expect(table.positions.map(fields)).toEqual([
      ['SPY', 'call', 605, '2026-12-18', 1, 'long', 10.8, 11.95, 115],
      ['MSFT', 'stock', null, null, 40, 'long', 412.35, 405.1, -290],
    ]);
    expect(table.positions[1]!.confidence.fields.quantity).toBeLessThan(LOW_CONFIDENCE);
    expect(table.warnings).toEqual(['The quantity of "MSFT a0 412.35 405.10 -290.00" could not be read; 40 was worked out from its P&L. Please check it.']);
  });

  it('reads a table whose instrument column has no heading', () => {
    const table = parse(`                                Qty   Trade Price        Mark     P/L Open
SPY 100 18 DEC 26 600 CALL       +2         12.35       13.10      $150.00`);
    expect(table.positions.map(fields)).toEqual([['SPY', 'call', 600, '2026-12-18', 2, 'long', 12.35, 13.1, 150]]);
  });

  it('reads descriptions wrapped over two lines, the numbers beside either line', () => {
    const page = ocrPageFromText(`Name                   Quantity     Avg cost    Current price   Total return
SPY $600 Call                 2       $12.35          $12.97       +$124.00
12/18/26
QQQ $540 Call
1/15/27                       3        $0.85           $1.20       +$105.00
AAPL                         25      $226.10         $231.15       +$126.25`);
    const table = parsePositionTable(page, { today: TODAY });
    expect(table.positions.map(fields)).toEqual([
      ['SPY', 'call', 600, '2026-12-18', 2, 'long', 12.35, 12.97, 124],
      ['QQQ', 'call', 540, '2027-01-15', 3, 'long', 0.85, 1.2, 105],
      ['AAPL', 'stock', null, null, 25, 'long', 226.1, 231.15, 126.25],
    ]);
    expect(table.warnings).toEqual([]);
  });

  it('passes over group subtotal rows without a warning', () => {
    const table = parse(`Instrument                                Qty   Trade Price    Mark    P/L Open
SPY                                                                     $150.00
SPY 100 18 DEC 26 600 CALL                 +2         12.35   13.10     $150.00`);
    expect(table.positions.map((p) => p.symbol)).toEqual(['SPY']);
    expect(table.positions[0]!.assetType).toBe('call');
    expect(table.warnings).toEqual([]);
  });

  it('reads a number split in two words and a header word with an OCR slip', () => {
    const table = parse(`Instrument                      Qty   Trade Price        Mark     PIL Open
NDX 100 19 MAR 27 21500 CALL     +1     1, 012.50    1,104.30    $9,180.00`);
    expect(table.positions.map(fields)).toEqual([['NDX', 'call', 21500, '2027-03-19', 1, 'long', 1012.5, 1104.3, 9180]]);
  });

  it('carries the OCR word confidence into the fields it read', () => {
    const table = parse(`Symbol                  Qty   Avg Price     Mark
AAPL                    100      227.85   231.15`, { '231.15': 0.42 });
    expect(table.positions[0]!.confidence.fields.mark).toBeCloseTo(0.42, 5);
    expect(table.positions[0]!.confidence.overall).toBeCloseTo(0.42, 5);
    expect(table.positions[0]!.confidence.fields.avgPrice).toBeCloseTo(0.95, 5);
  });

  it('warns about a row it cannot read, naming it, and keeps the others', () => {
    const table = parse(`${HEAD}
S?Y 2612l8X00600000       2       12.35    13.10    150.00
AAPL                    100      227.85   231.15    330.00`);
    expect(table.positions.map((p) => p.symbol)).toEqual(['AAPL']);
    expect(table.warnings).toEqual(['Skipped a row: could not read the instrument in "S?Y 2612l8X00600000 2 12.35 13.10 150.00".']);
  });

  it('says so when there is no table', () => {
    const table = parse('Hello there\nThis is a picture of a cat, not of positions 12.35');
    expect(table.positions).toEqual([]);
    expect(table.warnings[0]).toMatch(/No positions table found/);
  });
});
