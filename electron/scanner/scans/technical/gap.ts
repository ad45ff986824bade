import type { TechnicalInput } from '../../inputs';
import { alertSuggestion, formatPrice, points, round2, round4, scoreBeyond, type Scan } from '../finding';

/**
 * The session opened (or, before the open, trades) more than `minGapPct` % away from the prior
 * close, and the gap is still open: a gap up whose low has not come back to the prior close, or a
 * gap down whose high has not. Score: 50 at `minGapPct`, 100 at twice it.
 */
export const gapScan: Scan<TechnicalInput> = {
  definition: {
    id: 'gap',
    name: 'Gap up / down',
    kind: 'technical',
    description: 'The open (or the pre-market price) more than x % from the prior close, gap not filled yet.',
    params: [{ key: 'minGapPct', label: 'Gap at least', default: 1, min: 0.1, max: 20, step: 0.1, unit: '%' }],
  },
  run(input, { minGapPct }) {
    const prevClose = input.daily.at(-1)?.close;
    if (prevClose === undefined) return [];
    const opened = input.regular.length > 0;
    const open = opened ? input.regular[0]!.open : input.last;
    const gapPct = ((open - prevClose) / prevClose) * 100;
    if (Math.abs(gapPct) < minGapPct!) return [];
    const up = gapPct > 0;
    const filled = opened && input.regular.some((bar) => (up ? bar.low <= prevClose : bar.high >= prevClose));
    if (filled) return [];
    const gap = `${Math.abs(gapPct).toFixed(2)} % ${up ? 'above' : 'below'} the prior close (${formatPrice(open)} vs ${formatPrice(prevClose)})`;
    return [
      {
        direction: up ? 'bullish' : 'bearish',
        score: scoreBeyond(Math.abs(gapPct), minGapPct!, minGapPct!),
        reason: opened
          ? `${input.symbol} opened ${gap}; the gap is open, ${points(Math.abs(input.last - prevClose))} from a fill.`
          : `${input.symbol} trades ${gap} before the open.`,
        metrics: { gapPct: round4(gapPct), open: round2(open), prevClose: round2(prevClose), last: round2(input.last), toFill: round2(input.last - prevClose), opened: opened ? 'yes' : 'no' },
        suggestion: alertSuggestion(input.symbol, up ? 'crosses_below' : 'crosses_above', prevClose, 'the gap fills', 'PDC'),
      },
    ];
  },
};
