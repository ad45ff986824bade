import type { Bar } from '../../../../shared/schemas/market';
import { highLow } from '../../../levels/session-bars';
import type { TechnicalInput } from '../../inputs';
import { alertSuggestion, clockTime, percent, quantity, round2, round4, scoreBeyond, type Scan } from '../finding';

const MINUTE_MS = 60_000;
/** Fewest completed sessions with volume the daily average needs. */
const MIN_AVERAGE_DAYS = 5;

const volumeOf = (bars: readonly Bar[]) => bars.reduce((sum, bar) => sum + bar.volume, 0);

/**
 * The share of a day's volume usually traded by `elapsedMs` after the open: the mean of that share
 * over the earlier sessions given (their regular bars; only sessions of the same length, so a
 * half day after a holiday does not stand for a full one), or the share of the session's minutes
 * elapsed when there are none.
 */
export function usualShareBy(elapsedMs: number, sessionMs: number, prior: TechnicalInput['priorSessions']): number {
  const shares = prior.flatMap(({ session, regular }) => {
    const total = volumeOf(regular);
    if (session.close - session.open !== sessionMs) return [];
    return total > 0 ? [volumeOf(regular.filter((bar) => bar.time - session.open < elapsedMs)) / total] : [];
  });
  if (!shares.length) return Math.min(1, elapsedMs / sessionMs);
  return shares.reduce((a, b) => a + b, 0) / shares.length;
}

/**
 * Relative volume: today's regular-session volume so far over the volume usually traded by this
 * time of day, that is the average daily volume of the last `lookbackDays` sessions times the
 * share of a day's volume the earlier sessions had traded by the same minute. Direction: the
 * price against the prior close. Score: 50 at `minRelVolume`, 100 at twice it.
 */
export const relativeVolumeScan: Scan<TechnicalInput> = {
  definition: {
    id: 'relative_volume',
    name: 'Relative volume',
    kind: 'technical',
    description: 'Volume so far at least x times what the symbol usually trades by this time of day.',
    params: [
      { key: 'minRelVolume', label: 'Volume at least', default: 2, min: 1, max: 20, step: 0.1, unit: '×' },
      { key: 'lookbackDays', label: 'Average over', default: 20, min: 5, max: 25, step: 1, unit: 'days' },
    ],
  },
  run(input, { minRelVolume, lookbackDays }) {
    const volume = volumeOf(input.regular);
    const days = input.daily.slice(-lookbackDays!).filter((bar) => bar.volume > 0);
    if (!(volume > 0) || days.length < Math.min(lookbackDays!, MIN_AVERAGE_DAYS)) return [];
    const averageDaily = volumeOf(days) / days.length;
    const lastBar = input.regular.at(-1)!;
    const elapsedMs = lastBar.time + MINUTE_MS - input.session.open;
    const share = usualShareBy(elapsedMs, input.session.close - input.session.open, input.priorSessions);
    const usual = averageDaily * share;
    const relative = volume / usual;
    if (!(relative >= minRelVolume!)) return [];
    const prevClose = input.daily.at(-1)!.close;
    const up = input.last >= prevClose;
    const day = highLow(input.regular)!;
    return [
      {
        direction: input.last > prevClose ? 'bullish' : input.last < prevClose ? 'bearish' : 'neutral',
        score: scoreBeyond(relative, minRelVolume!, minRelVolume!),
        reason:
          `${input.symbol} traded ${quantity(volume)} shares by ${clockTime(lastBar.time + MINUTE_MS)} ET, ${relative.toFixed(2)}× the ${quantity(usual)} it usually has by then ` +
          `(${days.length}-day average ${quantity(averageDaily)} a day, ${percent(share)} of it by this time).`,
        metrics: { volume, usualByNow: Math.round(usual), relativeVolume: round4(relative), averageDailyVolume: Math.round(averageDaily), usualShare: round4(share), last: round2(input.last), prevClose: round2(prevClose) },
        suggestion: up
          ? alertSuggestion(input.symbol, 'crosses_above', day.high, 'the volume pushes it to a new high')
          : alertSuggestion(input.symbol, 'crosses_below', day.low, 'the volume pushes it to a new low'),
      },
    ];
  },
};
