import type { Preset } from '../types';
import { parseExpiry, parseNumber, parseOptionType, RowProblem } from '../values';
import { assetTypeOf, execution, feesOf, num, optionFromColumns, requireSide, sideOf, time } from './common';

/**
 * thinkorswim: Monitor → Account Statement → Export to File. The statement holds several sections;
 * the fills are in "Account Trade History", whose header row is
 * `,Exec Time,Spread,Side,Qty,Pos Effect,Symbol,Exp,Strike,Type,Price,Net Price,Order Type`.
 * The legs of a spread order follow its first row with Exec Time and Spread left blank.
 * Fees are not in this section (they are in Cash Balance), so they import as 0.
 */
export const thinkorswim: Preset = {
  id: 'thinkorswim',
  label: 'thinkorswim account statement',
  source: 'thinkorswim Account Statement export, section "Account Trade History" (column list as parsed by jabontz09/thinkorswim-statement-converter and other TOS statement importers).',
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
 * Interactive Brokers: Reports → Flex Queries → Trades (Executions), CSV with column headers,
 * date format yyyyMMdd, time HHmmss, separator ';' (e.g. 20240103;094512). Field names of the Flex
 * "Trades" section: AssetClass, Symbol, UnderlyingSymbol, Expiry, Strike, Put/Call, Multiplier,
 * DateTime, Quantity (negative for sells), TradePrice, IBCommission (negative), Buy/Sell, IBOrderID.
 * Legs of a combo order share the IBOrderID, which makes them one trade.
 */
export const ibkr: Preset = {
  id: 'ibkr',
  label: 'Interactive Brokers Flex trades',
  source: 'IBKR Flex Query "Trades" section field names (IBKR Reporting Guide; as read by gabbersepp/ib-flex-reader, leastchaos/Trade-Analysis setup).',
  mapping: {
    time: 'DateTime', symbol: 'Symbol', underlying: 'UnderlyingSymbol', assetType: 'AssetClass', optionType: 'Put/Call', strike: 'Strike', expiry: 'Expiry',
    multiplier: 'Multiplier', side: 'Buy/Sell', quantity: 'Quantity', price: 'TradePrice', commission: 'IBCommission', orderId: 'IBOrderID',
  },
  required: ['time', 'symbol', 'side', 'quantity', 'price'],
  signature: ['assetclass', 'buy/sell', 'tradeprice'],
  read(cells, ctx) {
    if (/\(Ca\.\)/i.test(cells.get('side'))) return null; // a cancelled execution
    const assetType = assetTypeOf(cells.get('assetType'));
    if (!assetType) return null; // cash (forex), bonds...: not journal trades
    const underlying = cells.get('underlying') || cells.get('symbol');
    return execution(cells, ctx, {
      timeMs: time(cells, ctx),
      side: requireSide(cells),
      quantity: num(cells, 'quantity', true),
      price: num(cells, 'price', true),
      fees: feesOf(cells),
      symbol: cells.get('symbol'),
      underlying,
      assetType,
      option: assetType === 'option' ? optionFromColumns(cells, underlying) : null,
      multiplier: num(cells, 'multiplier'),
      orderKey: cells.get('orderId') || null,
    });
  },
};

/**
 * tastytrade: History → Transactions → CSV. Columns: Date, Type, Sub Type, Action, Symbol,
 * Instrument Type, Description, Value, Quantity, Average Price, Commissions, Fees, Multiplier,
 * Root Symbol, Underlying Symbol, Expiration Date, Strike Price, Call or Put, Order #, Currency.
 * Average Price is Value / Quantity, i.e. already times the multiplier (105.00 for an option at
 * 1.05); options that expire arrive as "Receive Deliver" rows.
 */
export const tastytrade: Preset = {
  id: 'tastytrade',
  label: 'tastytrade transactions',
  source: 'tastytrade transaction history CSV (column list as in AgileTrossDev/tasty_anaylzer and beancount tastyworks importers).',
  mapping: {
    time: 'Date', status: 'Type', side: 'Action', symbol: 'Symbol', assetType: 'Instrument Type', description: 'Description', quantity: 'Quantity',
    price: 'Average Price', commission: 'Commissions', fees: 'Fees', multiplier: 'Multiplier', underlying: 'Underlying Symbol', expiry: 'Expiration Date',
    strike: 'Strike Price', optionType: 'Call or Put', orderId: 'Order #',
  },
  required: ['time', 'symbol', 'side', 'quantity', 'price'],
  signature: ['instrument type', 'average price', 'underlying symbol', 'call or put'],
  read(cells, ctx) {
    const type = cells.get('status').toLowerCase();
    const expired = type === 'receive deliver' && /expir/i.test(cells.get('description'));
    if (type !== 'trade' && !expired) return null;
    const assetType = assetTypeOf(cells.get('assetType')) ?? 'stock';
    const multiplier = num(cells, 'multiplier') || (assetType === 'option' ? 100 : 1);
    const underlying = cells.get('underlying') || cells.get('symbol');
    return execution(cells, ctx, {
      timeMs: time(cells, ctx),
      side: expired ? 'expire' : requireSide(cells),
      quantity: num(cells, 'quantity', true),
      price: expired ? 0 : Math.abs(num(cells, 'price', true)) / multiplier, // signed: negative for buys
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
 * Webull: Orders → Orders Records export. Columns: Name, Symbol, Side, Status, Filled, Total Qty,
 * Price, Avg Price, Time-in-Force, Placed Time, Filled Time (times like "01/03/2024 09:45:12 EST").
 * One row per order; options carry their OCC symbol; the export has no fees.
 */
export const webull: Preset = {
  id: 'webull',
  label: 'Webull orders records',
  source: 'Webull "Orders Records" CSV header Name,Symbol,Side,Status,Filled,Total Qty,Price,Avg Price,Time-in-Force,Placed Time,Filled Time (as in public Webull importers).',
  mapping: { description: 'Name', symbol: 'Symbol', side: 'Side', status: 'Status', quantity: 'Filled', price: 'Avg Price', time: 'Filled Time' },
  required: ['symbol', 'side', 'status', 'quantity', 'price', 'time'],
  signature: ['filled time', 'avg price', 'time-in-force'],
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
 * "Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount"; dates MM/DD/YYYY
 * (sometimes "01/03/2024 as of 01/02/2024"), no time of day; newest first; options as
 * "SPY 01/19/2024 475.00 C"; a "Transactions Total" row at the end.
 */
export const schwab: Preset = {
  id: 'schwab',
  label: 'Charles Schwab transactions',
  source: 'Schwab brokerage transactions CSV header as in beancount_reds_importers (schwab_csv_brokerage) and Export-To-Ghostfolio SchwabRecord.',
  mapping: { time: 'Date', side: 'Action', symbol: 'Symbol', description: 'Description', quantity: 'Quantity', price: 'Price', fees: 'Fees & Comm' },
  required: ['time', 'side', 'symbol', 'quantity', 'price'],
  signature: ['action', 'fees & comm', 'amount'],
  newestFirst: true,
  read(cells, ctx) {
    if (/total/i.test(cells.get('time'))) return null;
    const action = cells.get('side');
    const expired = /^expired$/i.test(action);
    const side = expired ? 'expire' : sideOf(action);
    if (!side) return null; // dividends, interest, transfers, journals
    const m = /^(\S+)\s+(\d{2}\/\d{2}\/\d{4})\s+([\d.]+)\s+([CP])$/.exec(cells.get('symbol'));
    const option = m ? { underlying: m[1]!, expiry: parseExpiry(m[2]!)!, strike: Number(m[3]), optionType: parseOptionType(m[4])! } : null;
    return execution(cells, ctx, {
      timeMs: time(cells, ctx),
      side,
      quantity: num(cells, 'quantity', true),
      price: expired ? 0 : num(cells, 'price', true),
      fees: feesOf(cells),
      symbol: cells.get('symbol'),
      option,
    });
  },
};

/**
 * Robinhood: Account → Reports and statements → Reports → Download CSV. Columns "Activity Date",
 * "Process Date","Settle Date","Instrument","Description","Trans Code","Quantity","Price","Amount";
 * dates M/D/YYYY with no time; newest first; options described as "SPY 1/19/2024 Call $475.00";
 * trans codes Buy, Sell, BTO, STC, STO, BTC, OEXP (expiration); a disclaimer line at the end.
 */
export const robinhood: Preset = {
  id: 'robinhood',
  label: 'Robinhood account activity',
  source: 'Robinhood activity report CSV columns (as typed in henry-md/robinhood-visualizer and acarlson98/rhParser).',
  mapping: { time: 'Activity Date', symbol: 'Instrument', description: 'Description', side: 'Trans Code', quantity: 'Quantity', price: 'Price' },
  required: ['time', 'symbol', 'side', 'quantity', 'price', 'description'],
  signature: ['activity date', 'trans code', 'instrument'],
  newestFirst: true,
  read(cells, ctx) {
    const code = cells.get('side').toUpperCase();
    const side = code === 'OEXP' ? 'expire' : sideOf(code);
    if (!side) return null; // CDIV, ACH, INT, GOLD...
    const m = /^(\S+)\s+(\d{1,2}\/\d{1,2}\/\d{4})\s+(Call|Put)\s+\$?([\d,.]+)$/i.exec(cells.get('description'));
    const option = m ? { underlying: m[1]!.toUpperCase(), expiry: parseExpiry(m[2]!)!, optionType: parseOptionType(m[3])!, strike: Number(m[4]!.replace(/,/g, '')) } : null;
    if (side === 'expire' && !option) throw new RowProblem(cells.column('description'), 'An expiration without an option contract in its description');
    const quantity = parseNumber(cells.get('quantity').replace(/S$/i, ''));
    if (quantity === null || Number.isNaN(quantity)) throw new RowProblem(cells.column('quantity'), `${cells.column('quantity')} is not a number`);
    return execution(cells, ctx, {
      timeMs: time(cells, ctx),
      side,
      quantity,
      price: side === 'expire' ? 0 : num(cells, 'price', true),
      symbol: cells.get('symbol'),
      option,
    });
  },
};
