// Risk flags of a position: what a trader should not miss. Thresholds are named and explained.
import type { Bound, LegAnalysis, RiskFlag } from '../../../shared/schemas/positions';
import { formatStrike } from './name';
import { intrinsic } from './payoff';

/** A short option in the money this close to expiry (calendar days) may be assigned (early exercise peaks in the last days). */
export const ASSIGNMENT_WINDOW_DAYS = 3;
/** On expiry day, flag gamma when a 1% move alone changes P&L by this many dollars (½ Γ$ (1% S)²). */
export const ZERO_DTE_GAMMA_DOLLARS = 100;

/** Earnings and ex-dividend dates (New York dates) when the app knows them; null = no calendar for the symbol. */
export interface KnownEvents {
  earnings: string[] | null;
  exDividend: string[] | null;
}

export interface FlagInputs {
  underlying: string;
  spot: number;
  /** New York date of the analysis. */
  today: string;
  legs: readonly LegAnalysis[];
  maxLoss: Bound;
  /** Index options settle in cash at expiry: no assignment of shares, no dividend capture. */
  cashSettled: boolean;
  events: KnownEvents;
}

const money = (value: number) => `$${Math.abs(value).toLocaleString('en-US', { maximumFractionDigits: 0 })}`;

export function riskFlags(input: FlagInputs): RiskFlag[] {
  return [...legFlags(input), ...gammaFlags(input), ...undefinedRisk(input), ...eventFlags(input)];
}

function legFlags({ legs, spot, cashSettled }: FlagInputs): RiskFlag[] {
  const flags: RiskFlag[] = [];
  for (const row of legs) {
    const { leg } = row;
    if (leg.kind !== 'option' || row.daysToExpiry === null) continue;
    if (row.years === 0) {
      flags.push({ code: 'expired', severity: 'warning', legIndex: row.index, message: `${row.description} expired on ${leg.expiry}: valued at its intrinsic value; close it or remove the leg.` });
      continue;
    }
    const inTheMoney = intrinsic(leg, spot);
    if (leg.quantity < 0 && !cashSettled && inTheMoney > 0 && row.daysToExpiry <= ASSIGNMENT_WINDOW_DAYS) {
      const extrinsic = Math.max(0, row.mark - inTheMoney);
      const when = row.daysToExpiry === 0 ? 'expires today' : `expires in ${row.daysToExpiry} day${row.daysToExpiry === 1 ? '' : 's'}`;
      flags.push({
        code: 'assignment_risk',
        severity: row.daysToExpiry === 0 ? 'critical' : 'warning',
        legIndex: row.index,
        message: `Short ${formatStrike(leg.strike)} ${leg.right} is $${inTheMoney.toFixed(2)} in the money and ${when} with $${extrinsic.toFixed(2)} of time value left: it may be assigned (${Math.abs(leg.quantity) * leg.multiplier} shares).`,
      });
    }
  }
  return flags;
}

function gammaFlags({ legs, spot }: FlagInputs): RiskFlag[] {
  const expiring = legs.filter((row) => row.daysToExpiry === 0 && row.years !== null && row.years > 0);
  if (!expiring.length) return [];
  const gamma = expiring.reduce((sum, row) => sum + row.dollarGreeks.gamma, 0);
  const move = 0.01 * spot;
  const gammaPnl = 0.5 * Math.abs(gamma) * move * move;
  if (gammaPnl < ZERO_DTE_GAMMA_DOLLARS) return [];
  return [
    {
      code: 'zero_dte_gamma',
      severity: 'warning',
      message: `Expires today: a 1% move ($${move.toFixed(2)}) shifts delta by ${Math.round(Math.abs(gamma) * move)} shares and ${gamma > 0 ? 'adds' : 'costs'} ${money(gammaPnl)} from gamma alone.`,
    },
  ];
}

function undefinedRisk({ maxLoss, underlying }: FlagInputs): RiskFlag[] {
  if (maxLoss !== 'unlimited') return [];
  return [{ code: 'undefined_risk', severity: 'warning', message: `Max loss is unlimited: the position loses without bound as ${underlying} rises (more calls or shares sold than bought).` }];
}

function eventFlags({ events, legs, today, underlying, cashSettled }: FlagInputs): RiskFlag[] {
  const options = legs.filter((row) => row.leg.kind === 'option' && row.years !== null && row.years > 0);
  if (!options.length) return [];
  const lastExpiry = options.map((row) => (row.leg.kind === 'option' ? row.leg.expiry : today)).sort().at(-1)!;
  const flags: RiskFlag[] = [];
  if (events.earnings === null || (!cashSettled && events.exDividend === null)) {
    const unknown = [events.earnings === null && 'earnings', !cashSettled && events.exDividend === null && 'ex-dividend'].filter(Boolean).join(' and ');
    flags.push({ code: 'events_unknown', severity: 'info', message: `The app has no ${unknown} calendar for ${underlying}: check the dates before ${lastExpiry} yourself.` });
  }
  for (const date of events.earnings ?? []) {
    if (date >= today && date <= lastExpiry) {
      flags.push({ code: 'earnings', severity: 'warning', message: `${underlying} reports earnings on ${date}, before the ${lastExpiry} expiry: expect a gap and implied volatility to drop after it.` });
    }
  }
  for (const date of cashSettled ? [] : (events.exDividend ?? [])) {
    for (const row of options) {
      const { leg } = row;
      if (leg.kind !== 'option' || leg.right !== 'call' || leg.quantity >= 0 || date < today || date > leg.expiry) continue;
      flags.push({
        code: 'ex_dividend',
        severity: 'warning',
        legIndex: row.index,
        message: `${underlying} goes ex-dividend on ${date}, before the short ${formatStrike(leg.strike)} call expires (${leg.expiry}): an in-the-money short call may be assigned early the day before.`,
      });
    }
  }
  return flags;
}
