import { z } from 'zod';
import type { Trade } from '../../../shared/schemas/journal';
import { defineFunction } from '../types';
import { journalFilter, journalFilterArgs } from './lib/journal-filter';
import { round, roundOrNull } from './lib/round';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

export const getTradeHistory = defineFunction({
  name: 'get_trade_history',
  description:
    "Trades from the trader's journal, newest first (one row per leg: symbol, side, quantity, option terms, entry and exit prices and times, net P&L, strategy), filtered by symbol and dates. Use it for \"my last SPX trades\", \"what did I trade last week\".",
  parameters: z
    .object({
      ...journalFilterArgs(),
      limit: z.number().int().min(1).max(MAX_LIMIT).optional().describe(`How many trades, 1 to ${MAX_LIMIT}; default ${DEFAULT_LIMIT}`),
    })
    .strict(),
  label: 'Reading the journal…',
  async run({ limit = DEFAULT_LIMIT, ...filter }, ctx) {
    const list = await ctx.call('journal:list', { ...journalFilter(filter), limit, sort: 'entryTime', order: 'desc' });
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
