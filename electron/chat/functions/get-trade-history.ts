import { z } from 'zod';
import type { Trade } from '../../../shared/schemas/journal';
import { defineFunction } from '../types';
import { dateArg, symbolArg } from './lib/args';
import { round, roundOrNull } from './lib/round';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

export const getTradeHistory = defineFunction({
  name: 'get_trade_history',
  description:
    "Trades from the trader's journal, newest first (one row per leg: symbol, side, quantity, option terms, entry and exit prices and times, net P&L, strategy), filtered by symbol and dates. Use it for \"my last SPX trades\", \"what did I trade last week\".",
  parameters: z
    .object({
      symbol: symbolArg('Only trades of this symbol or underlying').optional(),
      from: dateArg('First entry date YYYY-MM-DD').optional(),
      to: dateArg('Last entry date YYYY-MM-DD').optional(),
      limit: z.number().int().min(1).max(MAX_LIMIT).optional().describe(`How many trades, 1 to ${MAX_LIMIT}; default ${DEFAULT_LIMIT}`),
    })
    .strict(),
  label: 'Reading the journal…',
  async run({ symbol, from, to, limit = DEFAULT_LIMIT }, ctx) {
    const list = await ctx.call('journal:list', { ...(symbol ? { symbol } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}), limit, sort: 'entryTime', order: 'desc' });
    return { result: { total: list.total, shown: list.trades.length, trades: list.trades.map(compactTrade) } };
  },
});

export function compactTrade(trade: Trade) {
  return {
    id: trade.id,
    symbol: trade.symbol,
    underlying: trade.underlying,
    ...(trade.assetType === 'option' ? { option: `${trade.strike} ${trade.optionType} ${trade.expiry}` } : { assetType: trade.assetType }),
    side: trade.side,
    quantity: trade.quantity,
    entryPrice: round(trade.entryPrice, 4),
    entryTime: trade.entryTime,
    exitPrice: roundOrNull(trade.exitPrice, 4),
    exitTime: trade.exitTime,
    netPnl: roundOrNull(trade.netPnl),
    strategy: trade.strategy,
    ...(trade.tags.length ? { tags: trade.tags } : {}),
  };
}
