import type { z } from 'zod';
import type { FunctionCallRecord } from '../../../../../shared/schemas/chat';
import type { PlannedCall } from '../arguments';
import { AlertListResult, CancelAlertResult, SetAlertResult, composeAlertList, composeCancelAlert, composeSetAlert } from './alerts';
import type { ComposeContext, Experience } from './format';
import { StatsResult, TradesResult, composeStats, composeTrades } from './journal';
import { ProjectionResult, RollResult, composeProjection, composeRoll } from './leaps';
import { LevelsResult, composeLevels } from './levels';
import { ChartResult, MacroResult, QuoteResult, StatusResult, composeChart, composeMacro, composePrice, composeStatus } from './market';
import { ChainResult, GreeksResult, composeChain, composeGreeks } from './options';
import { PortfolioResult, PositionResult, composePortfolio, composePosition } from './positions';
import { ScanResult, composeScan, scanNext } from './scan';

/**
 * The answer to one function call, from its record: the composer of that function reads the
 * result (validated against the shape it expects), an error is said as it is, and a result it
 * cannot read is admitted rather than papered over.
 */

interface Composer {
  /** The text for a result, or null when the result is not in the expected shape. */
  compose(result: unknown, ctx: ComposeContext): string | null;
  /** "the key levels for SPX": what was asked, for error messages. */
  what(args: Record<string, unknown>): string;
  /** A next step worth suggesting to beginners and intermediates; null when there is none (an empty journal). */
  next?(args: Record<string, unknown>, result: unknown): string | null;
}

function composer<S extends z.ZodType>(schema: S, compose: (result: z.output<S>, ctx: ComposeContext) => string, what: Composer['what'], next?: Composer['next']): Composer {
  return {
    compose: (result, ctx) => {
      const parsed = schema.safeParse(result);
      return parsed.success ? compose(parsed.data, ctx) : null;
    },
    what,
    next,
  };
}

/** Whether a result holds something to build on: a position, a trade (empty books and journals get no next step). */
const hasAny = (key: 'positions' | 'trades') => (result: unknown) => {
  const value = (result as Record<string, unknown> | null)?.[key];
  return Array.isArray(value) ? value.length > 0 : typeof value === 'number' && value > 0;
};

const sym = (args: Record<string, unknown>) => String(args.symbol ?? args.underlying ?? '');
const contractName = (a: Record<string, unknown>) => `the ${sym(a)} ${String(a.strike)} ${String(a.right)}`;

const COMPOSERS: Record<string, Composer> = {
  get_key_levels: composer(LevelsResult, composeLevels, (a) => `the key levels for ${sym(a)}`, (a) => `Want a heads-up at a level? Say "alert me when ${sym(a)} crosses PDH".`),
  get_market_status: composer(StatusResult, composeStatus, () => 'the market status', () => 'Ask "key levels for SPX" or "macro context" for more.'),
  get_current_price: composer(QuoteResult, composePrice, (a) => `the price of ${sym(a)}`, (a) => `"Key levels for ${sym(a)}" shows where it may react.`),
  get_chart_data: composer(ChartResult, composeChart, (a) => `the bars of ${sym(a)}`, (a) => `"Key levels for ${sym(a)}" puts this range against the levels.`),
  get_options_chain: composer(ChainResult, composeChain, (a) => `the ${sym(a)} options chain`, (a, r) => {
    const chain = ChainResult.safeParse(r);
    const strike = chain.success ? chain.data.atTheMoneyStrike : null;
    return strike === null ? null : `For one contract's greeks, ask e.g. "greeks on ${sym(a)} ${strike}c${a.expiry === '0dte' ? ' 0dte' : ''}".`;
  }),
  get_option_greeks: composer(GreeksResult, composeGreeks, (a) => `the greeks of ${contractName(a)}`, (a) => `"Analyze long ${sym(a)} ${String(a.strike)}${String(a.right).charAt(0)}${a.expiry ? ` ${String(a.expiry)}` : ''}" shows its payoff, breakeven and risk.`),
  analyze_position: composer(PositionResult, composePosition, () => 'the position analysis', (_a, r) => {
    const position = PositionResult.safeParse(r);
    const breakeven = position.data?.breakevens[0];
    return position.data && breakeven !== undefined ? `Ask "alert me when ${position.data.underlying} crosses ${breakeven.toFixed(2)}" to watch the breakeven.` : null;
  }),
  analyze_portfolio: composer(PortfolioResult, composePortfolio, () => 'your portfolio', (_a, r) => (hasAny('positions')(r) ? 'Ask "what\'s my portfolio theta" or "what\'s my total delta" to go deeper.' : null)),
  set_alert: composer(SetAlertResult, composeSetAlert, (a) => `the ${sym(a)} alert set`),
  get_alerts: composer(AlertListResult, composeAlertList, () => 'your alerts'),
  cancel_alert: composer(CancelAlertResult, composeCancelAlert, (a) => (a.alertId ? `alert ${String(a.alertId)} cancelled` : `the ${sym(a)} alerts cancelled`)),
  get_trade_history: composer(TradesResult, composeTrades, () => 'your trades', (_a, r) => (hasAny('trades')(r) ? '"How am I doing this month" sums them up.' : null)),
  analyze_trade_history: composer(StatsResult, composeStats, () => 'your journal statistics', (_a, r) => (hasAny('trades')(r) ? '"Show my last trades" lists the trades behind these numbers.' : null)),
  project_leaps: composer(ProjectionResult, composeProjection, (a) => `the projection of ${contractName(a)}`, (a) => `"Roll my ${sym(a)} ${String(a.strike)}${String(a.right).charAt(0)} ${String(a.expiry)} to jan ${Number(String(a.expiry).slice(0, 4)) + 1}" prices a roll a year out.`),
  calculate_roll: composer(RollResult, composeRoll, (a) => `the roll of ${contractName(a)}`),
  get_macro_context: composer(MacroResult, composeMacro, () => 'the macro context', () => '"Is the market open" gives today\'s session.'),
  scan_opportunities: composer(ScanResult, composeScan, (a) => `the scan${Array.isArray(a.symbols) ? ` of ${a.symbols.join(', ')}` : ''}`, (_a, r) => scanNext(r)),
};

/** What a function does, for functions this coach has no composer for (a newer registry's). */
const generic = (name: string) => `the ${name.replace(/_/g, ' ')} result`;

export interface ComposedAnswer {
  text: string;
  /** The function answered, but not in the shape its composer reads. */
  unreadable: boolean;
}

export function composeCall(call: PlannedCall, record: FunctionCallRecord, ctx: Omit<ComposeContext, 'args' | 'focus'>): ComposedAnswer {
  const full: ComposeContext = { ...ctx, args: call.arguments, focus: call.focus, widget: record.widget };
  const c = COMPOSERS[call.name];
  const what = c ? c.what(call.arguments) : generic(call.name);
  if (record.status === 'error') {
    const why = record.error ?? 'the function failed without saying why';
    const text = ctx.experience === 'advanced' ? `⚠️ Couldn't get ${what}: ${why}` : `I couldn't get ${what}: ${why.replace(/\.$/, '')}. Nothing was made up in its place.`;
    return { text, unreadable: false };
  }
  const text = c?.compose(record.result, full);
  if (text) return { text, unreadable: false };
  return { text: `I got ${what}, but its content is not in a form I can read, so I won't summarise it${record.widget ? '; the card above shows it' : ''}.`, unreadable: true };
}

/** One suggestion after the answer, for beginners and intermediates. */
export function composeNext(call: PlannedCall, record: FunctionCallRecord, experience: Experience): string | null {
  if (experience === 'advanced') return null;
  const next = COMPOSERS[call.name]?.next?.(call.arguments, record.result);
  return next ? `_Next:_ ${next}` : null;
}

/** A function the plan needs that this build does not have. */
export function composeUnavailable(call: PlannedCall): string {
  const c = COMPOSERS[call.name];
  return `I can't get ${c ? c.what(call.arguments) : generic(call.name)} here: this version of the app has no \`${call.name}\` function.`;
}
