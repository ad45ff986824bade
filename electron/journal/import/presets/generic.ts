import type { ImportField } from '../../../../shared/schemas/journal';
import type { Preset } from '../types';
import { assetTypeOf, execution, feesOf, num, optionFromColumns, requireSide, time } from './common';

/**
 * Other names of each field seen in trade exports, lower case; any preset falls back to them when
 * its own header is missing, and the generic preset maps a file with them.
 */
export const FIELD_ALIASES: Record<ImportField, string[]> = {
  time: ['time', 'date/time', 'datetime', 'date time', 'exec time', 'execution time', 'executed at', 'filled time', 'timestamp', 'trade time', 'date', 'trade date'],
  symbol: ['symbol', 'ticker', 'instrument', 'contract', 'security'],
  side: ['side', 'action', 'buy/sell', 'b/s', 'direction', 'trans code'],
  quantity: ['quantity', 'qty', 'shares', 'contracts', 'filled', 'size', 'amount filled'],
  price: ['price', 'fill price', 'avg price', 'average price', 'exec price', 'execution price', 'tradeprice', 'trade price'],
  fees: ['fees', 'fee', 'fees & comm', 'total fees', 'other fees'],
  commission: ['commission', 'commissions', 'comm', 'ibcommission'],
  underlying: ['underlying', 'underlying symbol', 'underlyingsymbol', 'root', 'root symbol'],
  assetType: ['asset type', 'asset class', 'assetclass', 'instrument type', 'security type', 'type'],
  optionType: ['option type', 'put/call', 'call/put', 'call or put', 'right'],
  strike: ['strike', 'strike price'],
  expiry: ['expiry', 'expiration', 'expiration date', 'exp', 'exp date'],
  multiplier: ['multiplier', 'contract size', 'mult'],
  orderId: ['order id', 'orderid', 'iborderid', 'order #', 'order number', 'order'],
  status: ['status'],
  description: ['description', 'name'],
  amount: ['amount', 'net amount', 'value'],
  code: ['sub type', 'notes/codes', 'code', 'codes'],
};

/**
 * One fill per row with the columns named in plain words (the app's own format, and what most
 * exports can be mapped to in the wizard). Columns: Time, Symbol, Side, Quantity, Price, and
 * optionally Fees, Commission, Underlying, Asset Type, Option Type, Strike, Expiry, Multiplier,
 * Order ID (fills of one order id become one trade, e.g. the legs of a spread).
 */
export const generic: Preset = {
  id: 'generic',
  label: 'Generic CSV (one fill per row)',
  source: "The app's own format; any file whose columns carry the names listed in FIELD_ALIASES.",
  mapping: {
    time: 'Time', symbol: 'Symbol', side: 'Side', quantity: 'Quantity', price: 'Price', fees: 'Fees', commission: 'Commission', underlying: 'Underlying',
    assetType: 'Asset Type', optionType: 'Option Type', strike: 'Strike', expiry: 'Expiry', multiplier: 'Multiplier', orderId: 'Order ID',
  },
  required: ['time', 'symbol', 'side', 'quantity', 'price'],
  signature: [],
  read(cells, ctx) {
    const quantity = num(cells, 'quantity', true);
    // A file without a side column may sign its quantities instead: negative sells.
    const side = cells.get('side') ? requireSide(cells) : quantity < 0 ? 'sell' : 'buy';
    const symbol = cells.get('symbol');
    const assetType = assetTypeOf(cells.get('assetType'));
    const underlying = cells.get('underlying') || symbol;
    return execution(cells, ctx, {
      timeMs: time(cells, ctx),
      side,
      quantity,
      price: num(cells, 'price', true),
      fees: feesOf(cells),
      symbol,
      underlying,
      assetType,
      option: assetType === 'stock' || assetType === 'future' ? null : optionFromColumns(cells, underlying),
      multiplier: num(cells, 'multiplier'),
      orderKey: cells.get('orderId') || null,
    });
  },
};
