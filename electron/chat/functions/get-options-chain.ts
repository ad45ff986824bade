import { z } from 'zod';
import { defineFunction } from '../types';
import { expiryArg, symbolArg } from './lib/args';
import { fetchChain, quoteSide, rowsAround } from './lib/chains';
import { round } from './lib/round';
import { optionsChainWidget } from './lib/widgets';

const DEFAULT_STRIKES = 10;
const MAX_STRIKES = 40;
/** Expirations named to the model besides the one shown, so it can ask for another. */
const EXPIRATIONS_LISTED = 8;

export const getOptionsChain = defineFunction({
  name: 'get_options_chain',
  description:
    'Option chain of a symbol for one expiration: the strikes around the money with call and put bid, ask, implied volatility, delta, volume and open interest, plus the listed expirations. Use it for "SPX 0DTE chain", "show me QQQ options for Friday".',
  parameters: z
    .object({
      symbol: symbolArg('Underlying ticker, e.g. SPX, SPY, QQQ, AAPL'),
      expiry: expiryArg().optional(),
      strikes: z.number().int().min(1).max(MAX_STRIKES).optional().describe(`How many strikes around the money, 1 to ${MAX_STRIKES}; default ${DEFAULT_STRIKES}`),
    })
    .strict(),
  label: 'Loading the options chain…',
  async run({ symbol, expiry, strikes = DEFAULT_STRIKES }, ctx) {
    const { chain, note } = await fetchChain(ctx, symbol, expiry);
    const rows = rowsAround(chain, strikes);
    return {
      result: {
        underlying: chain.underlying,
        spot: round(chain.spot),
        source: chain.source,
        expiry: chain.expiry.date,
        daysToExpiry: chain.expiry.daysToExpiry,
        expirationKind: chain.expiry.kind,
        atTheMoneyStrike: chain.atTheMoneyStrike,
        ...(note ? { note } : {}),
        rows: rows.map((row) => ({ strike: row.strike, call: quoteSide(row.call), put: quoteSide(row.put) })),
        otherExpirations: chain.expirations.filter((e) => e.date !== chain.expiry.date).slice(0, EXPIRATIONS_LISTED).map((e) => e.date),
      },
      widget: optionsChainWidget(chain, rows),
    };
  },
});
