import { highLow } from '../../../levels/session-bars';
import type { TechnicalInput } from '../../inputs';
import { alertSuggestion, clockTime, formatPrice, points, round2, round4, scoreBeyond, type Finding, type Scan } from '../finding';

const MINUTE_MS = 60_000;

/**
 * A new high (bullish) or low (bearish) of the session made in the last `lookbackMinutes`, beyond
 * everything before them, once the first `afterMinutes` of the session are past. Score: 50 plus
 * the day's range as a share of the daily ATR (100 once the day has moved a full ATR).
 */
export const intradayExtremeScan: Scan<TechnicalInput> = {
  definition: {
    id: 'new_intraday_extreme',
    name: 'New intraday high / low',
    kind: 'technical',
    description: 'A new high or low of the day in the last N minutes (after the first minutes of the session).',
    params: [
      { key: 'lookbackMinutes', label: 'Made within', default: 5, min: 1, max: 60, step: 1, unit: 'min' },
      { key: 'afterMinutes', label: 'Not before minute', default: 30, min: 1, max: 240, step: 1, unit: 'min' },
    ],
  },
  run(input, { lookbackMinutes, afterMinutes }) {
    const lastBar = input.regular.at(-1);
    if (!lastBar) return [];
    const windowStart = lastBar.time - (lookbackMinutes! - 1) * MINUTE_MS;
    if (windowStart < input.session.open + afterMinutes! * MINUTE_MS) return [];
    const split = input.regular.findIndex((bar) => bar.time >= windowStart);
    const before = highLow(input.regular.slice(0, split));
    const recent = highLow(input.regular.slice(split));
    if (!before || !recent) return [];
    const day = { high: Math.max(before.high, recent.high), low: Math.min(before.low, recent.low) };
    const atr = input.dailyAtr;
    const score = atr ? scoreBeyond((day.high - day.low) / atr, 0, 1) : 50;
    const metrics = { high: round2(day.high), low: round2(day.low), range: round2(day.high - day.low), rangeAtr: atr ? round4((day.high - day.low) / atr) : null };
    const findings: Finding[] = [];
    const rangeText = atr ? `; the day's range ${points(day.high - day.low)} is ${((day.high - day.low) / atr).toFixed(2)} ATR` : '';
    for (const up of [true, false]) {
      const extreme = up ? recent.high : recent.low;
      const previous = up ? before.high : before.low;
      if (up ? extreme <= previous : extreme >= previous) continue;
      const at = input.regular.slice(split).find((bar) => (up ? bar.high : bar.low) === extreme)!.time;
      findings.push({
        direction: up ? 'bullish' : 'bearish',
        score,
        reason: `${input.symbol} made a new ${up ? 'high' : 'low'} of the day ${formatPrice(extreme)} at ${clockTime(at)} ET, ${up ? 'above' : 'below'} the earlier ${up ? 'high' : 'low'} ${formatPrice(previous)}${rangeText}.`,
        metrics: { ...metrics, previous: round2(previous), extreme: round2(extreme) },
        suggestion: alertSuggestion(input.symbol, up ? 'crosses_above' : 'crosses_below', extreme, up ? 'the trend extends' : 'the slide extends'),
      });
    }
    return findings;
  },
};
