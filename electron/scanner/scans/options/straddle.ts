import type { TradingSession } from '../../../../shared/schemas/market';
import { sessionsBetween, addDays } from '../../../market/calendar';
import type { OptionsInput } from '../../inputs';
import { alertSuggestion, formatPrice, points, round2, round4, scoreBeyond, type Scan } from '../finding';

/** Straddle/ATR-move ratio past the threshold that scores 100. */
const FULL_SCORE_SPAN = 0.25;

/**
 * Trading sessions left until the expiry's close: the rest of today's regular session (all of it
 * before the open, none after the close) plus every session after today up to the expiry.
 */
export function sessionsLeft(now: number, today: TradingSession, expiry: string): number {
  const length = today.close - today.open;
  const rest = Math.min(1, Math.max(0, (today.close - now) / length));
  const later = expiry > today.date ? sessionsBetween(addDays(today.date, 1), expiry).length : 0;
  return rest + later;
}

/**
 * The expected absolute close-to-close move of one session per unit of daily ATR. A driftless
 * random walk gives 0.5 (E|move| = σ√(2/π), E[high − low] = 2σ√(2/π)); real SPY, whose true
 * ranges miss the overnight extremes, gives 0.574 (mean |Cₜ − Cₜ₋₁| / mean TR over 1 254 sessions,
 * 2021–2025, /work/shared/market-data/spy_daily).
 */
export const MOVE_PER_ATR = 0.574;

/**
 * The at-the-money straddle of the scanned expiry (the 0DTE where one is listed) against the move
 * the daily ATR implies over the T sessions left: a straddle is worth about the expected absolute
 * move, MOVE_PER_ATR × ATR × √T. Cheap at or below `cheapBelow` of that, expensive at or above
 * `expensiveAbove`. Score: 50 at the threshold, 100 a quarter past it.
 */
export const straddleScan: Scan<OptionsInput> = {
  definition: {
    id: 'straddle_vs_atr',
    name: 'Straddle vs ATR move',
    kind: 'options',
    description: 'The at-the-money straddle of the nearest expiry (0DTE where listed) cheap or expensive against the move the ATR implies for the time left.',
    params: [
      { key: 'cheapBelow', label: 'Cheap at or below', default: 0.8, min: 0.1, max: 1, step: 0.05, unit: '× ATR move' },
      { key: 'expensiveAbove', label: 'Expensive at or above', default: 1.25, min: 1, max: 5, step: 0.05, unit: '× ATR move' },
    ],
  },
  run(input, { cheapBelow, expensiveAbove }) {
    const { chain } = input;
    const atr = input.dailyAtr;
    const row = chain.strikes.find((r) => r.strike === chain.atTheMoneyStrike);
    if (!atr || !row?.call || !row.put) return [];
    const sessions = sessionsLeft(input.now, input.session, chain.expiry.date);
    if (!(sessions > 0)) return [];
    const straddle = row.call.mid + row.put.mid;
    const atrMove = MOVE_PER_ATR * atr * Math.sqrt(sessions);
    const ratio = straddle / atrMove;
    const cheap = ratio <= cheapBelow!;
    if (!cheap && ratio < expensiveAbove!) return [];
    const strike = chain.atTheMoneyStrike;
    const upper = strike + straddle;
    const tenor = chain.expiry.kind === '0dte' ? '0DTE' : chain.expiry.date;
    return [
      {
        direction: 'neutral',
        score: cheap ? scoreBeyond(-ratio, -cheapBelow!, FULL_SCORE_SPAN) : scoreBeyond(ratio, expensiveAbove!, FULL_SCORE_SPAN),
        reason:
          `${input.symbol} ${tenor} ${formatPrice(strike)} straddle costs ${points(straddle)} (call ${points(row.call.mid)} + put ${points(row.put.mid)}), ` +
          `${ratio.toFixed(2)}× the ${points(atrMove)} move the ATR ${points(atr)} implies for the ${sessions.toFixed(2)} session(s) left: ${cheap ? 'cheap' : 'expensive'}.`,
        metrics: { strike, straddle: round2(straddle), callMid: round2(row.call.mid), putMid: round2(row.put.mid), atr: round2(atr), sessionsLeft: round4(sessions), atrMove: round2(atrMove), ratio: round4(ratio), expiry: chain.expiry.date, lowerBreakeven: round2(strike - straddle), upperBreakeven: round2(upper) },
        suggestion: cheap
          ? alertSuggestion(input.symbol, 'crosses_above', upper, `a long straddle pays beyond ${formatPrice(strike - straddle)}–${formatPrice(upper)}`)
          : alertSuggestion(input.symbol, 'crosses_above', upper, `a short straddle (better: a defined-risk iron fly) loses beyond ${formatPrice(strike - straddle)}–${formatPrice(upper)}`),
      },
    ];
  },
};
