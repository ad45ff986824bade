import type { ChainContract } from '../../../../shared/schemas/chains';
import { atTheMoneyIv, type OptionsInput } from '../../inputs';
import { alertSuggestion, formatPrice, percent, round4, scoreBeyond, type Scan } from '../finding';

/** The delta of the wings compared (25-delta risk reversal). */
export const SKEW_DELTA = 0.25;
/** Skew (in ATM IVs) past the threshold that scores 100. */
const FULL_SCORE_SPAN = 0.25;

/** The contract of `right` whose |delta| is nearest `target` (with an IV). */
function byDelta(contracts: readonly ChainContract[], target: number): ChainContract | undefined {
  let best: ChainContract | undefined;
  for (const c of contracts) {
    if (c.iv === null || c.delta === null) continue;
    if (!best || Math.abs(Math.abs(c.delta) - target) < Math.abs(Math.abs(best.delta!) - target)) best = c;
  }
  return best;
}

/**
 * The 25-delta risk reversal against the at-the-money IV: skew = (IV of the 25-delta put − IV of
 * the 25-delta call) / ATM IV. At or above `putSkewAbove`: puts bid up, fear of a drop (bearish).
 * At or below −`callSkewAbove`: calls dearer than puts, a chase for upside (bullish). Score: 50 at
 * the threshold, 100 a quarter of the ATM IV past it.
 */
export const skewScan: Scan<OptionsInput> = {
  definition: {
    id: 'skew_extreme',
    name: 'Skew extreme',
    kind: 'options',
    description: '25-delta puts much dearer than 25-delta calls (fear), or calls dearer than puts (upside chase), measured in at-the-money IVs.',
    params: [
      { key: 'putSkewAbove', label: 'Put skew at least', default: 0.45, min: 0, max: 3, step: 0.01, unit: '× ATM IV' },
      { key: 'callSkewAbove', label: 'Call skew at least', default: 0.02, min: 0, max: 3, step: 0.01, unit: '× ATM IV' },
    ],
  },
  run(input, { putSkewAbove, callSkewAbove }) {
    const { chain } = input;
    const atm = atTheMoneyIv(chain);
    const put = byDelta(chain.strikes.flatMap((r) => r.put ?? []), SKEW_DELTA);
    const call = byDelta(chain.strikes.flatMap((r) => r.call ?? []), SKEW_DELTA);
    if (!atm || !put || !call) return [];
    const skew = (put.iv! - call.iv!) / atm;
    const fear = skew >= putSkewAbove!;
    if (!fear && !(-skew >= callSkewAbove!)) return [];
    const points = (put.iv! - call.iv!) * 100;
    const wing = fear ? put : call;
    return [
      {
        direction: fear ? 'bearish' : 'bullish',
        score: fear ? scoreBeyond(skew, putSkewAbove!, FULL_SCORE_SPAN) : scoreBeyond(-skew, callSkewAbove!, FULL_SCORE_SPAN),
        reason:
          `${input.symbol} 25-delta puts (${formatPrice(put.strike)}, IV ${percent(put.iv!)}) trade ${Math.abs(points).toFixed(1)} vol points ${points >= 0 ? 'over' : 'under'} ` +
          `25-delta calls (${formatPrice(call.strike)}, IV ${percent(call.iv!)}): ${skew.toFixed(2)} of the ATM IV ${percent(atm)}, ` +
          (fear ? 'a steep put skew (the market pays up for downside protection).' : 'calls dearer than puts (the market chases upside).'),
        metrics: { skew: round4(skew), putIv: round4(put.iv!), callIv: round4(call.iv!), atmIv: round4(atm), putStrike: put.strike, callStrike: call.strike, putDelta: round4(put.delta!), callDelta: round4(call.delta!), expiry: chain.expiry.date },
        suggestion: alertSuggestion(input.symbol, fear ? 'crosses_below' : 'crosses_above', wing.strike, fear ? 'the feared drop reaches the 25-delta put' : 'the chased rally reaches the 25-delta call'),
      },
    ];
  },
};
