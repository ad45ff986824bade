import { z } from 'zod';
import { defineFunction } from '../types';
import { compactQuote, compactStatus, roundQuote } from './lib/quotes';
import { newYorkTime } from './lib/round';
import { marketOverviewWidget } from './lib/widgets';

/** The overview's symbols: the indices, their ETFs and the VIX (symbols without data are left out). */
export const OVERVIEW_SYMBOLS = ['SPX', 'NDX', 'SPY', 'QQQ', 'IWM', 'VIX'];

export const getMarketStatus = defineFunction({
  name: 'get_market_status',
  description:
    'Whether the US market is open now (pre-market, regular session, after-hours or closed, and why), the next open and close, and quotes of SPX, NDX, SPY, QQQ, IWM and VIX. Use it for "is the market open", "how is the market doing", a quick overview.',
  parameters: z.object({}).strict(),
  label: 'Checking the market…',
  async run(_args, ctx) {
    const [status, quotes] = await Promise.all([ctx.call('market:status', {}), ctx.call('market:snapshot', { symbols: OVERVIEW_SYMBOLS })]);
    const next = status.status === 'open' ? `Closes ${newYorkTime(status.nextClose)}` : `Opens ${newYorkTime(status.nextOpen)}`;
    return {
      result: { ...compactStatus(status), quotes: quotes.map(compactQuote) },
      widget: marketOverviewWidget('Market status', { status, quotes: quotes.map(roundQuote), events: [], notes: [status.reason, next] }),
    };
  },
});
