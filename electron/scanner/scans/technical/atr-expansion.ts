import { highLow } from '../../../levels/session-bars';
import type { TechnicalInput } from '../../inputs';
import { alertSuggestion, formatPrice, points, round2, round4, scoreBeyond, type Scan } from '../finding';

/**
 * The session's true range so far (high and low, with the gap from the prior close) at least
 * `minRatio` daily ATRs: an expansion day, in the direction of the price from the open. Score: 50
 * at `minRatio`, 100 at twice it.
 */
export const atrExpansionScan: Scan<TechnicalInput> = {
  definition: {
    id: 'atr_expansion',
    name: 'ATR expansion',
    kind: 'technical',
    description: "Today's true range (gap included) at least x times the 14-day ATR.",
    params: [{ key: 'minRatio', label: 'Range at least', default: 1, min: 0.2, max: 5, step: 0.05, unit: '× ATR' }],
  },
  run(input, { minRatio }) {
    const atr = input.dailyAtr;
    const day = highLow(input.regular);
    const prevClose = input.daily.at(-1)?.close;
    if (!atr || !day || prevClose === undefined) return [];
    const trueRange = Math.max(day.high, prevClose) - Math.min(day.low, prevClose);
    const ratio = trueRange / atr;
    if (ratio < minRatio!) return [];
    const open = input.regular[0]!.open;
    const direction = input.last > open ? 'bullish' : input.last < open ? 'bearish' : 'neutral';
    const vwap = input.levels.get('VWAP');
    const [anchor, anchorName] = vwap === undefined ? [open, 'Open'] : [vwap, 'VWAP'];
    const move = input.last - open;
    return [
      {
        direction,
        score: scoreBeyond(ratio, minRatio!, minRatio!),
        reason:
          `${input.symbol}'s true range today ${points(trueRange)} is ${ratio.toFixed(2)}× its 14-day ATR ${points(atr)}` +
          `, ${move === 0 ? 'flat' : `${move > 0 ? 'up' : 'down'} ${points(Math.abs(move))}`} from the open ${formatPrice(open)}.`,
        metrics: { trueRange: round2(trueRange), atr: round2(atr), ratio: round4(ratio), high: round2(day.high), low: round2(day.low), prevClose: round2(prevClose), open: round2(open), last: round2(input.last) },
        suggestion:
          direction === 'bearish'
            ? alertSuggestion(input.symbol, 'crosses_above', anchor, `back over ${anchorName} ends the trend day`, anchorName)
            : alertSuggestion(input.symbol, 'crosses_below', anchor, `back under ${anchorName} ends the trend day`, anchorName),
      },
    ];
  },
};
