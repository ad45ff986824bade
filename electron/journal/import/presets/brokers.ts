import type { CloseEvent, Preset } from '../types';
import { parseExpiry, parseNumber, parseOptionType, RowProblem } from '../values';
import { assetTypeOf, execution, feesOf, num, optionFromColumns, requireSide, settlementClose, sideOf, time } from './common';

/** The close event a broker's word names: "Expired", "OASGN", "Cash Settled Exercise"… */
function eventIn(text: string): CloseEvent | null {
  if (/expir|^oexp$/i.test(text)) return 'expired';
  if (/assign|^oasgn$/i.test(text)) return 'assigned';
  if (/exercise|^oexcs$/i.test(text)) return 'exercised';
  return null;
}

/**
 * thinkorswim: Monitor → Account Statement → Export to File. The statement holds several sections;
 * the fills are in "Account Trade History", whose header row is
 * `,Exec Time,Spread,Side,Qty,Pos Effect,Symbol,Exp,Strike,Type,Price,Net Price,Order Type`
 * (a leading empty column; Exec Time M/D/YY H:MM:SS; Qty signed "+1"/"-1"; Exp "19 JAN 24"; Type
 * CALL, PUT, STOCK, ETF or blank). The legs of a spread order follow its first row with Exec Time
 * and Spread left blank and DEBIT/CREDIT in Net Price. Fees are not in this section (they are in
 * Cash Balance), so they import as 0.
 * Verified against: jabontz09/thinkorswim-statement-converter (README, export steps) and the
 * statement samples quoted in public TOS importers' tests (Schwab-era exports with "SINGLE",
 * "VERTICAL", "BUTTERFLY" spreads and ".60" prices).
 */
export const thinkorswim: Preset = {
  id: 'thinkorswim',
  label: 'thinkorswim account statement',
  source: 'thinkorswim Account Statement export, section "Account Trade History" (as parsed by jabontz09/thinkorswim-statement-converter and other TOS statement importers).',
  mapping: { time: 'Exec Time', description: 'Spread', side: 'Side', quantity: 'Qty', symbol: 'Symbol', expiry: 'Exp', strike: 'Strike', optionType: 'Type', price: 'Price' },
  required: ['side', 'quantity', 'symbol', 'price', 'time'],
  signature: ['exec time', 'spread', 'pos effect', 'net price'],
  sectionTitle: 'Account Trade History',
  read(cells, ctx) {
    if (cells.get('time')) {
      ctx.state.time = cells.get('time');
      ctx.state.order = `tos-${ctx.row}`;
    } else if (!ctx.state.time) {
      throw new RowProblem(cells.column('time'), 'A leg row without an Exec Time must follow the first row of its order');
    }
    const type = cells.get('optionType').toUpperCase();
    const isOption = type === 'CALL' || type === 'PUT';
    return execution(cells, ctx, {
      timeMs: time(cells, ctx, ctx.state.time),
      side: requireSide(cells),
      quantity: num(cells, 'quantity', true),
      price: num(cells, 'price', true),
      symbol: cells.get('symbol'),
      assetType: isOption ? 'option' : type === 'FUTURE' ? 'future' : 'stock',
      option: isOption ? optionFromColumns(cells, cells.get('symbol')) : null,
      orderKey: ctx.state.order,
    });
  },
};

/**
 * Interactive Brokers: Reports → Flex Queries → Trades (Executions), CSV with column headers; every
 * value quoted. DateTime follows the query's settings: 20240103;094512 by default, also
 * "2024-01-03;09:45:12", "2024-01-03 09:45:12" or with a zone ("…;10:00:00 EST"). Field names of
 * the Flex "Trades" section: AssetClass, Symbol, UnderlyingSymbol, Expiry, Strike, Put/Call (C/P),
 * Multiplier, DateTime, Quantity (negative for sells), TradePrice, IBCommission (negative),
 * Buy/Sell (BUY, SELL, "BUY (Ca.)" when cancelled), Open/CloseIndicator, IBOrderID, LevelOfDetail.
 * Legs of a combo order share the IBOrderID, which makes them one trade. With "Orders" ticked
 * beside "Executions", ORDER rows repeat the fills: only EXECUTION rows are read. With "Include
 * section code and line descriptor", rows open with "HEADER"/"DATA" and a section code (TRNT),
 * and other sections follow in the same file.
 * Verified against: leastchaos/Trade-Analysis (README, Flex query settings), tfiala/ibkr-flex-statement-rs
 * (README, field lists), and real Flex exports quoted in public tax-tool tests (quoted cells,
 * "HEADER","TRNT" rows, LevelOfDetail, dashed dates).
 * Assignments, exercises and expirations are booked in the same section as trades at a TradePrice
 * of 0 (TransactionType BookTrade), marked in Notes/Codes "A", "Ex" (or "AEx", "MEx"), "Ep"; the
 * shares of an assignment or exercise come as their own row at the strike, also marked "A"/"Ex".
 * Verified against public Flex importers that classify these rows (BookTrade with notes A, Ep at
 * price 0; the token list A, Ex, Ep, AEx, MEx from IBKR's codes reference as quoted there). What
 * IBKR books for a cash-settled index option is not confirmed: such a row at 0 closes at
 * Proceeds / (quantity × multiplier) when Proceeds is in the query, and is reported otherwise.
 */
export const ibkr: Preset = {
  id: 'ibkr',
  label: 'Interactive Brokers Flex trades',
  source: 'IBKR Flex Query "Trades" section field names (as set up in leastchaos/Trade-Analysis and read by tfiala/ibkr-flex-statement-rs).',
  mapping: {
    time: 'DateTime', symbol: 'Symbol', underlying: 'UnderlyingSymbol', assetType: 'AssetClass', optionType: 'Put/Call', strike: 'Strike', expiry: 'Expiry',
    multiplier: 'Multiplier', side: 'Buy/Sell', quantity: 'Quantity', price: 'TradePrice', commission: 'IBCommission', orderId: 'IBOrderID',
    status: 'LevelOfDetail', code: 'Notes/Codes', amount: 'Proceeds',
  },
  required: ['time', 'symbol', 'side', 'quantity', 'price'],
  signature: ['assetclass', 'buy/sell', 'tradeprice'],
  inTable: (row, headers) => headers[0] !== 'HEADER' || (row[0] === 'DATA' && row[1] === headers[1]),
  read(cells, ctx) {
    if (/\(Ca\.\)/i.test(cells.get('side'))) return null; // a cancelled execution
    const detail = cells.get('status').toUpperCase();
    if (detail && detail !== 'EXECUTION') return null; // an order or summary row repeating the fills
    const assetType = assetTypeOf(cells.get('assetType'));
    if (!assetType) return null; // cash (forex), bonds...: not journal trades
    const underlying = cells.get('underlying') || cells.get('symbol');
    const quantity = num(cells, 'quantity', true);
    const multiplier = num(cells, 'multiplier') || (assetType === 'option' ? 100 : 1);
    let price = num(cells, 'price', true);
    const event = assetType === 'option' ? ibkrEvent(cells.get('code')) : null;
    // IBKR books an assignment or exercise as a trade at 0; for an index option that settles in cash, 0 is no price.
    const settled = event && event !== 'expired' && price === 0 ? settlementClose(cells, underlying, quantity, multiplier) : null;
    if (settled) price = settled.price;
    return execution(cells, ctx, {
      timeMs: time(cells, ctx),
      side: requireSide(cells),
      quantity,
      price,
      fees: feesOf(cells),
      symbol: cells.get('symbol'),
      underlying,
      assetType,
      option: assetType === 'option' ? optionFromColumns(cells, underlying) : null,
      multiplier,
      orderKey: cells.get('orderId') || null,
      event,
      amountMissing: settled?.amountMissing,
    });
  },
};

/** IBKR's Notes/Codes are tokens split by ";": A assignment, Ex exercise, Ep expired (AEx, MEx: automatic and manual exercise). */
function ibkrEvent(codes: string): CloseEvent | null {
  const tokens = new Set(codes.split(';').map((t) => t.trim().toUpperCase()));
  if (tokens.has('A')) return 'assigned';
  if (tokens.has('EX') || tokens.has('AEX') || tokens.has('MEX')) return 'exercised';
  if (tokens.has('EP')) return 'expired';
  return null;
}

/**
 * tastytrade: History → Transactions → CSV, newest first. Columns: Date, Type, Sub Type, Action,
 * Symbol, Instrument Type, Description, Value, Quantity, Average Price, Commissions, Fees,
 * Multiplier, Root Symbol, Underlying Symbol, Expiration Date, Strike Price, Call or Put, Order #,
 * Currency; exports since 2025 add Total before Currency, those of 2023 lack Sub Type and Currency
 * (all three read the same). Date "2024-01-16T10:15:22-0500"; Action BUY_TO_OPEN, SELL_TO_CLOSE…;
 * Symbol the padded OCC symbol "IWM   240119P00190000"; "--" for no commission; amounts over
 * 1,000 quoted with a comma. Average Price is Value / Quantity, i.e. already times the multiplier
 * (85.00 for an option at 0.85), negative for buys; options that expire arrive as "Receive
 * Deliver" rows ("Removal of … due to expiration."), assigned or exercised ones as Receive Deliver
 * with Sub Type "Assignment"/"Exercise" ("Removal of option due to assignment", Value 0.00) and
 * the shares as another Receive Deliver row, Sub Type "Buy to Open" (…) with an Action, at the
 * strike. A cash-settled index option gives a "Cash Settled Assignment"/"Cash Settled Exercise"
 * row whose Value is the cash, plus a redundant plain removal at 0.00 (dropped, see settlements.ts).
 * Verified against: AgileTrossDev/tasty_anaylzer (README, column list), laroche/tastyworks-pnl
 * (README: the pre-2023 tastyworks header, not supported here) and current exports quoted in
 * public tastytrade importers' tests; the assignment rows as quoted in public importers' tests
 * (SCHG, CHWY, PCG assignments) and the cash-settled pair as described by tastytrade P&L tools.
 */
export const tastytrade: Preset = {
  id: 'tastytrade',
  label: 'tastytrade transactions',
  source: 'tastytrade transaction history CSV (column list as in AgileTrossDev/tasty_anaylzer and current exports quoted by public importers).',
  mapping: {
    time: 'Date', status: 'Type', side: 'Action', symbol: 'Symbol', assetType: 'Instrument Type', description: 'Description', quantity: 'Quantity',
    price: 'Average Price', commission: 'Commissions', fees: 'Fees', multiplier: 'Multiplier', underlying: 'Underlying Symbol', expiry: 'Expiration Date',
    strike: 'Strike Price', optionType: 'Call or Put', orderId: 'Order #', amount: 'Value', code: 'Sub Type',
  },
  required: ['time', 'symbol', 'side', 'quantity', 'price'],
  signature: ['instrument type', 'average price', 'underlying symbol', 'call or put'],
  newestFirst: true,
  read(cells, ctx) {
    const type = cells.get('status').toLowerCase();
    // Sub Type names the event; files of 2023 have none, their Description says it.
    const what = cells.get('code') || cells.get('description');
    const event = type === 'receive deliver' ? eventIn(what) : null;
    const delivery = type === 'receive deliver' && !event && /^(buy|sell) to (open|close)\b/i.test(what); // the shares of an assignment
    if (type !== 'trade' && !event && !delivery) return null;
    const assetType = assetTypeOf(cells.get('assetType')) ?? 'stock';
    const multiplier = num(cells, 'multiplier') || (assetType === 'option' ? 100 : 1);
    const underlying = cells.get('underlying') || cells.get('symbol');
    const quantity = num(cells, 'quantity', true);
    const settled = event && event !== 'expired' ? settlementClose(cells, underlying, quantity, multiplier, /cash settled/i.test(what)) : null;
    return execution(cells, ctx, {
      timeMs: time(cells, ctx),
      side: event ? 'close' : requireSide(cells),
      quantity,
      price: event ? (settled?.price ?? 0) : Math.abs(num(cells, 'price', true)) / multiplier, // signed: negative for buys
      event,
      amountMissing: settled?.amountMissing,
      fees: feesOf(cells),
      symbol: cells.get('symbol'),
      underlying,
      assetType,
      option: assetType === 'option' ? optionFromColumns(cells, underlying) : null,
      multiplier,
      orderKey: cells.get('orderId') || null,
    });
  },
};

/**
 * Webull: Orders → Orders Records export (Webull_Orders_Records.csv for stocks,
 * Webull_Orders_Records_Options.csv for options, same columns), newest first. Columns: Name, Symbol,
 * Side, Status, Filled, Total Qty, Price, Avg Price, Time-in-Force, Placed Time, Filled Time (times
 * like "01/03/2024 09:45:12 EST"). One row per order; Price is the limit ("@238.00"), Avg Price the
 * fill; Status Filled, Partial Filled, Cancelled or Failed; options carry their unpadded OCC symbol
 * (SPXW250702P06185000); the export has no fees.
 * Verified against: ocean-avenue/webull-trader (scripts/export_orders.py writes the same header),
 * ryan-t-mitchell/trading_dashboard (README) and Webull exports quoted in public importers' tests.
 */
export const webull: Preset = {
  id: 'webull',
  label: 'Webull orders records',
  source: 'Webull "Orders Records" CSV header Name,Symbol,Side,Status,Filled,Total Qty,Price,Avg Price,Time-in-Force,Placed Time,Filled Time (as in ocean-avenue/webull-trader).',
  mapping: { description: 'Name', symbol: 'Symbol', side: 'Side', status: 'Status', quantity: 'Filled', price: 'Avg Price', time: 'Filled Time' },
  required: ['symbol', 'side', 'status', 'quantity', 'price', 'time'],
  signature: ['filled time', 'avg price', 'time-in-force'],
  newestFirst: true,
  read(cells, ctx) {
    if (!/filled/i.test(cells.get('status')) || !(parseNumber(cells.get('quantity'))! > 0)) return null; // cancelled, rejected
    return execution(cells, ctx, {
      timeMs: time(cells, ctx),
      side: requireSide(cells),
      quantity: num(cells, 'quantity', true),
      price: num(cells, 'price', true),
      symbol: cells.get('symbol'),
      orderKey: `webull-${ctx.row}`,
    });
  },
};

/**
 * Charles Schwab: History → Transactions → Export (CSV). Header
 * "Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount" (older files
 * open with a "Transactions  for account …" line, end with a "Transactions Total" row and carry an
 * empty 9th column); dates MM/DD/YYYY, no time of day, "03/12/2024 as of 03/11/2024" when posted
 * after the trade date (the "as of" date is the trade's); newest first; money as "$1,234.50" and
 * "-$651.32"; options as "SPY 01/19/2024 475.00 C"; actions Buy, Sell, Buy to Open, Sell to Close,
 * Sell to Open, Buy to Close, Expired, Assigned, Exchange or Exercise, dividends and transfers.
 * "Assigned" and "Exchange or Exercise" rows carry the contract and quantity with no price, fees
 * or amount; the shares follow as a plain Buy or Sell at the strike (posted on settlement).
 * Verified against: KapJI/capital-gains-calculator (cgt_calc/parsers/schwab.py, schwab_options.py),
 * beancount_reds_importers (schwab_csv_brokerage: column_labels_line) and
 * dickwolff/Export-To-Ghostfolio (src/models/schwabRecord.ts); the assignment rows as in
 * KapJI/capital-gains-calculator (tests/schwab/data/options/transactions.csv, parsers/schwab_options.py).
 */
export const schwab: Preset = {
  id: 'schwab',
  label: 'Charles Schwab transactions',
  source: 'Schwab brokerage transactions CSV header as in KapJI/capital-gains-calculator (parsers/schwab.py) and beancount_reds_importers (schwab_csv_brokerage).',
  mapping: { time: 'Date', side: 'Action', symbol: 'Symbol', description: 'Description', quantity: 'Quantity', price: 'Price', fees: 'Fees & Comm', amount: 'Amount' },
  required: ['time', 'side', 'symbol', 'quantity', 'price'],
  signature: ['action', 'fees & comm', 'amount'],
  newestFirst: true,
  read(cells, ctx) {
    if (/total/i.test(cells.get('time'))) return null;
    const action = cells.get('side');
    const event = /^(expired|assigned|exchange or exercise)$/i.test(action) ? eventIn(action) : null;
    const side = event ? 'close' : sideOf(action);
    if (!side) return null; // dividends, interest, transfers, journals
    const m = /^(\S+)\s+(\d{2}\/\d{2}\/\d{4})\s+([\d.]+)\s+([CP])$/.exec(cells.get('symbol'));
    const option = m ? { underlying: m[1]!, expiry: parseExpiry(m[2]!)!, strike: Number(m[3]), optionType: parseOptionType(m[4])! } : null;
    const asOf = /\bas of\s+(\S+)/i.exec(cells.get('time'))?.[1];
    const quantity = num(cells, 'quantity', true);
    const settled = event && event !== 'expired' && option ? settlementClose(cells, option.underlying, quantity, 100) : null;
    return execution(cells, ctx, {
      timeMs: time(cells, ctx, asOf),
      side,
      quantity,
      price: event ? (settled?.price ?? 0) : num(cells, 'price', true),
      event,
      amountMissing: settled?.amountMissing,
      fees: feesOf(cells),
      symbol: cells.get('symbol'),
      option,
    });
  },
};

/**
 * Robinhood: Account → Reports and statements → Reports → Download CSV. Columns "Activity Date",
 * "Process Date","Settle Date","Instrument","Description","Trans Code","Quantity","Price","Amount";
 * every cell quoted; dates M/D/YYYY with no time; newest first; money as "$1,234.50" and
 * "($410.00)"; options described as "SPY 1/19/2024 Call $475.00", their expiration as "Option
 * Expiration for SPY 1/19/2024 Call $475.00" with a quantity like "1S"; stock descriptions span
 * lines ("Apple\nCUSIP: 037833100"); trans codes Buy, Sell, BTO, STC, STO, BTC, OEXP, OASGN and
 * OEXCS (assignment, exercise), CDIV, ACH, INT, GOLD…; a disclaimer line at the end. An OASGN row
 * names the contract ("TSLA 1/16/2026 Put $440.00", quantity "1", no price or amount); the shares
 * follow as a Buy or Sell at the strike ("… 1 TSLA Option Assigned" in the description).
 * Verified against: henry-md/robinhood-visualizer (lib/types.ts), acarlson98/rhParser (README) and
 * Robinhood reports quoted in public importers' tests (OASGN rows with their share rows, as in
 * public Robinhood importers' fixtures; OEXCS only from the code lists of public parsers).
 */
export const robinhood: Preset = {
  id: 'robinhood',
  label: 'Robinhood account activity',
  source: 'Robinhood activity report CSV columns (as typed in henry-md/robinhood-visualizer and acarlson98/rhParser).',
  mapping: { time: 'Activity Date', symbol: 'Instrument', description: 'Description', side: 'Trans Code', quantity: 'Quantity', price: 'Price', amount: 'Amount' },
  required: ['time', 'symbol', 'side', 'quantity', 'price', 'description'],
  signature: ['activity date', 'trans code', 'instrument'],
  newestFirst: true,
  read(cells, ctx) {
    const code = cells.get('side').toUpperCase();
    const event = /^(OEXP|OASGN|OEXCS)$/.test(code) ? eventIn(code) : null;
    const side = event ? 'close' : sideOf(code);
    if (!side) return null; // CDIV, ACH, INT, GOLD...
    const m = /^(?:Option (?:Expiration|Assignment|Exercise) for\s+)?(\S+)\s+(\d{1,2}\/\d{1,2}\/\d{4})\s+(Call|Put)\s+\$?([\d,.]+)$/i.exec(cells.get('description'));
    const option = m ? { underlying: m[1]!.toUpperCase(), expiry: parseExpiry(m[2]!)!, optionType: parseOptionType(m[3])!, strike: Number(m[4]!.replace(/,/g, '')) } : null;
    if (event && !option) throw new RowProblem(cells.column('description'), `An option ${event === 'expired' ? 'expiration' : code} without an option contract in its description`);
    const quantity = parseNumber(cells.get('quantity').replace(/S$/i, ''));
    if (quantity === null || Number.isNaN(quantity)) throw new RowProblem(cells.column('quantity'), `${cells.column('quantity')} is not a number`);
    const settled = event && event !== 'expired' ? settlementClose(cells, option!.underlying, quantity, 100) : null;
    return execution(cells, ctx, {
      timeMs: time(cells, ctx),
      side,
      quantity,
      price: event ? (settled?.price ?? 0) : num(cells, 'price', true),
      event,
      amountMissing: settled?.amountMissing,
      symbol: cells.get('symbol'),
      option,
    });
  },
};
