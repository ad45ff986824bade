import { atTheMoneyIv, realizedVolatility, type OptionsInput } from '../../inputs';
import { percent, round4, scoreBeyond, type Scan } from '../finding';

/**
 * At-the-money implied volatility of the scanned expiry at least `minRatio` times the symbol's
 * close-to-close realised volatility over `lookbackDays` sessions: options priced for more movement
 * than the stock has shown. Score: 50 at `minRatio`, 100 when the premium over realised volatility
 * (ratio − 1) is twice the threshold's.
 */
export const ivVsRealizedScan: Scan<OptionsInput> = {
  definition: {
    id: 'iv_vs_realized',
    name: 'IV rich vs realised volatility',
    kind: 'options',
    description: 'At-the-money implied volatility at least x times the realised volatility of the last N sessions.',
    params: [
      { key: 'minRatio', label: 'IV / realised at least', default: 1.3, min: 1, max: 5, step: 0.05, unit: '×' },
      { key: 'lookbackDays', label: 'Realised over', default: 20, min: 5, max: 25, step: 1, unit: 'days' },
    ],
  },
  run(input, { minRatio, lookbackDays }) {
    const iv = atTheMoneyIv(input.chain);
    const realized = realizedVolatility(input.daily, lookbackDays!);
    if (iv === null || !realized) return [];
    const ratio = iv / realized;
    if (ratio < minRatio!) return [];
    const { expiry } = input.chain;
    return [
      {
        direction: 'neutral',
        score: scoreBeyond(ratio, minRatio!, Math.max(minRatio! - 1, 0.1)),
        reason:
          `${input.symbol}'s at-the-money IV ${percent(iv)} (${expiry.date}, ${expiry.daysToExpiry} d) is ${ratio.toFixed(2)}× its ` +
          `${lookbackDays}-day realised volatility ${percent(realized)}: options are priced rich.`,
        metrics: { atmIv: round4(iv), realizedVol: round4(realized), ratio: round4(ratio), expiry: expiry.date, strike: input.chain.atTheMoneyStrike },
        suggestion: { text: 'Premium is rich against the moves the stock has made: favour defined-risk premium selling (credit spreads, iron condors) over buying options.' },
      },
    ];
  },
};
