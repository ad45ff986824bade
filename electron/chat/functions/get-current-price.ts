import { z } from 'zod';
import { defineFunction } from '../types';
import { symbolArg } from './lib/args';
import { compactQuote } from './lib/quotes';

export const getCurrentPrice = defineFunction({
  name: 'get_current_price',
  description: 'Last price of one symbol with its change from the previous close, the session it printed in and its time. Use it for "where is SPX", "price of AAPL".',
  parameters: z.object({ symbol: symbolArg() }).strict(),
  label: 'Getting the price…',
  async run({ symbol }, ctx) {
    return { result: compactQuote(await ctx.call('market:quote', { symbol })) };
  },
});
