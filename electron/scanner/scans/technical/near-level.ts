import type { TechnicalInput } from '../../inputs';
import { alertSuggestion, formatPrice, points, round2, round4, scoreBeyond, type Finding, type Scan } from '../finding';

/** The levels watched: prior day's high and low, the classic pivot and its first rungs, the session VWAP. */
export const NEAR_LEVEL_NAMES = ['PDH', 'PDL', 'P (classic)', 'R1 (classic)', 'S1 (classic)', 'VWAP'] as const;

/**
 * Price within `maxAtr` daily ATRs of a key level. The nearest level under the price is support
 * being tested (bullish), the nearest above it resistance (bearish): up to one finding per side.
 * Score: 100 at the level, 50 at `maxAtr` away.
 */
export const nearLevelScan: Scan<TechnicalInput> = {
  definition: {
    id: 'near_level',
    name: 'Near a key level',
    kind: 'technical',
    description: 'Price within x daily ATR of PDH, PDL, the classic pivot (P, R1, S1) or VWAP: support below the price, resistance above it.',
    params: [{ key: 'maxAtr', label: 'Within (ATR)', default: 0.1, min: 0.01, max: 1, step: 0.01, unit: 'ATR' }],
  },
  run(input, { maxAtr }) {
    const atr = input.dailyAtr;
    if (!atr) return [];
    const reach = maxAtr! * atr;
    const nearest: Partial<Record<'support' | 'resistance', { name: string; price: number; distance: number }>> = {};
    for (const name of NEAR_LEVEL_NAMES) {
      const level = input.levels.get(name);
      if (level === undefined) continue;
      const distance = input.last - level;
      if (Math.abs(distance) > reach) continue;
      const side = distance >= 0 ? 'support' : 'resistance';
      const known = nearest[side];
      if (!known || Math.abs(distance) < Math.abs(known.distance)) nearest[side] = { name, price: level, distance };
    }
    return (['support', 'resistance'] as const).flatMap((side): Finding[] => {
      const level = nearest[side];
      if (!level) return [];
      const away = Math.abs(level.distance);
      const support = side === 'support';
      return [
        {
          direction: support ? 'bullish' : 'bearish',
          score: scoreBeyond(-away, -reach, reach),
          reason:
            `${input.symbol} ${formatPrice(input.last)} is ${points(away)} (${(away / atr).toFixed(3)} ATR) ${support ? 'above' : 'below'} ` +
            `${level.name} ${formatPrice(level.price)}: testing it as ${side}.`,
          metrics: { level: level.name, levelPrice: round2(level.price), last: round2(input.last), distance: round2(level.distance), distanceAtr: round4(level.distance / atr), atr: round2(atr) },
          suggestion: alertSuggestion(input.symbol, support ? 'crosses_below' : 'crosses_above', level.price, support ? `support gives way` : `resistance breaks`, level.name),
        },
      ];
    });
  },
};
