import { z } from 'zod';
import { defineFunction } from '../types';
import { expiryArg, optionRightArg, strikeArg, symbolArg } from './lib/args';
import { contractQuote, fetchChain, findContract } from './lib/chains';
import { round } from './lib/round';

export const getOptionGreeks = defineFunction({
  name: 'get_option_greeks',
  description:
    'Bid, ask, mid, implied volatility and greeks (delta, gamma, theta per day, vega and rho per point, per share) of one option contract. Use it for "delta of the SPX 6000 call", "greeks of QQQ 500p 0DTE".',
  parameters: z
    .object({
      symbol: symbolArg('Underlying ticker, e.g. SPX, SPY, QQQ'),
      strike: strikeArg(),
      right: optionRightArg(),
      expiry: expiryArg().optional(),
    })
    .strict(),
  label: 'Reading the greeks…',
  async run({ symbol, strike, right, expiry }, ctx) {
    const { chain, note } = await fetchChain(ctx, symbol, expiry);
    const contract = findContract(chain, strike, right);
    return {
      result: {
        underlying: chain.underlying,
        spot: round(chain.spot),
        strike,
        right,
        expiry: chain.expiry.date,
        daysToExpiry: chain.expiry.daysToExpiry,
        style: chain.style,
        multiplier: chain.multiplier,
        ...(note ? { note } : {}),
        ...contractQuote(contract),
      },
    };
  },
});
