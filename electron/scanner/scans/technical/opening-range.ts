import { openingRange } from '../../../levels/session-levels';
import type { TechnicalInput } from '../../inputs';
import { alertSuggestion, formatPrice, points, round2, round4, scoreBeyond, type Scan } from '../finding';

/** Opening ranges the alerts know by name (ORH 15m...); other lengths are alerted at their price. */
const NAMED_MINUTES = [5, 15, 30];

/**
 * The price beyond the completed `minutes` opening range: above its high (bullish) or below its
 * low (bearish). Score: 50 at the edge, 100 one range height beyond it.
 */
export const openingRangeScan: Scan<TechnicalInput> = {
  definition: {
    id: 'opening_range_breakout',
    name: 'Opening-range breakout',
    kind: 'technical',
    description: 'Price above the high or below the low of the first N minutes of the session, once that range is complete.',
    params: [{ key: 'minutes', label: 'Opening range', default: 15, min: 1, max: 120, step: 1, unit: 'min' }],
  },
  run(input, { minutes }) {
    const range = openingRange(input.regular, input.session, minutes!);
    if (!range?.complete) return [];
    const height = range.high - range.low;
    const up = input.last > range.high;
    if (!(height > 0) || (!up && !(input.last < range.low))) return [];
    const edge = up ? range.high : range.low;
    const beyond = Math.abs(input.last - edge);
    const named = NAMED_MINUTES.includes(minutes!) ? `${up ? 'ORH' : 'ORL'} ${minutes}m` : undefined;
    return [
      {
        direction: up ? 'bullish' : 'bearish',
        score: scoreBeyond(beyond / height, 0, 1),
        reason:
          `${input.symbol} ${formatPrice(input.last)} broke ${up ? 'above' : 'below'} the ${minutes}-minute opening range ${up ? 'high' : 'low'} ${formatPrice(edge)} ` +
          `by ${points(beyond)} (${(beyond / height).toFixed(2)} of the ${formatPrice(range.low)}–${formatPrice(range.high)} range).`,
        metrics: { minutes: minutes!, rangeHigh: round2(range.high), rangeLow: round2(range.low), rangeHeight: round2(height), last: round2(input.last), beyond: round2(beyond), beyondRanges: round4(beyond / height) },
        suggestion: alertSuggestion(input.symbol, up ? 'crosses_below' : 'crosses_above', edge, 'back inside the range is a failed breakout', named),
      },
    ];
  },
};
