import { sessionVwap } from '../../../levels/vwap';
import type { TechnicalInput } from '../../inputs';
import { alertSuggestion, clockTime, formatPrice, points, round2, round4, scoreBeyond, type Scan } from '../finding';

const MINUTE_MS = 60_000;
/** The distance past VWAP (in daily ATR) that scores 100. */
const FULL_SCORE_ATR = 0.1;

/**
 * VWAP reclaimed (bars closing above it after closing below, bullish) or lost (the reverse,
 * bearish) within the last `lookbackMinutes`, no bar since back on the old side. Each bar's close
 * is compared with the session VWAP at that bar; a close right at VWAP is on neither side. Score: 50 at VWAP, 100 at 0.1 ATR past it.
 */
export const vwapCrossScan: Scan<TechnicalInput> = {
  definition: {
    id: 'vwap_cross',
    name: 'VWAP reclaim / loss',
    kind: 'technical',
    description: 'Price crossed the session VWAP within the last N minutes and has held the new side since.',
    params: [{ key: 'lookbackMinutes', label: 'Crossed within', default: 10, min: 1, max: 120, step: 1, unit: 'min' }],
  },
  run(input, { lookbackMinutes }) {
    const series = sessionVwap(input.regular);
    if (series.length < 2) return [];
    // The series starts at the first bar with volume; its entries follow the bars from there on.
    const first = input.regular.length - series.length;
    const side = (i: number) => Math.sign(input.regular[first + i]!.close - series.vwap[i]!);
    const last = series.length - 1;
    const now = side(last);
    if (now === 0) return [];
    // The last bar on the other side (bars right at VWAP belong to neither), then the first one after it on this side.
    let before = last;
    while (before >= 0 && side(before) !== -now) before--;
    if (before < 0) return [];
    let turn = before + 1;
    while (side(turn) !== now) turn++;
    const crossedAt = series.time[turn]!;
    const lastBar = input.regular.at(-1)!;
    if (lastBar.time - crossedAt >= lookbackMinutes! * MINUTE_MS) return [];
    const vwap = series.vwap[last]!;
    const away = Math.abs(lastBar.close - vwap);
    const reclaim = now > 0;
    const atr = input.dailyAtr;
    return [
      {
        direction: reclaim ? 'bullish' : 'bearish',
        score: atr ? scoreBeyond(away / atr, 0, FULL_SCORE_ATR) : 50,
        reason: `${input.symbol} ${reclaim ? 'reclaimed' : 'lost'} VWAP at ${clockTime(crossedAt)} ET and holds ${points(away)} ${reclaim ? 'above' : 'below'} it (${formatPrice(lastBar.close)} vs VWAP ${formatPrice(vwap)}).`,
        metrics: { vwap: round2(vwap), close: round2(lastBar.close), distance: round2(lastBar.close - vwap), distanceAtr: atr ? round4((lastBar.close - vwap) / atr) : null, crossedAt: clockTime(crossedAt) },
        suggestion: alertSuggestion(input.symbol, reclaim ? 'crosses_below' : 'crosses_above', vwap, reclaim ? 'losing VWAP again voids the reclaim' : 'reclaiming VWAP voids the loss', 'VWAP'),
      },
    ];
  },
};
