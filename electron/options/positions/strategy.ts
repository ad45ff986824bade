// Names a set of legs: the strategy recogniser. Pure: legs in, a strategy kind and label out.
// The shapes are matched on the legs after identical contracts are added together, so the order of
// the legs never matters and "two lines of −1 at 600" reads as one line of −2.
import type { Leg, OptionLeg } from '../../../shared/schemas/options';
import type { Strategy, StrategyKind } from '../../../shared/schemas/positions';

/** Option lines with identical contracts merged; stock lines added into one share count. */
export interface NetLegs {
  options: OptionLeg[];
  /** Net shares (0 when none). */
  shares: number;
}

export function netLegs(legs: readonly Leg[]): NetLegs {
  const options = new Map<string, OptionLeg>();
  let shares = 0;
  for (const leg of legs) {
    if (leg.kind === 'stock') {
      shares += leg.quantity;
      continue;
    }
    const key = `${leg.right}|${leg.strike}|${leg.expiry}|${leg.multiplier}`;
    const seen = options.get(key);
    options.set(key, seen ? { ...seen, quantity: seen.quantity + leg.quantity } : leg);
  }
  const sorted = [...options.values()]
    .filter((leg) => leg.quantity !== 0)
    .sort((a, b) => a.expiry.localeCompare(b.expiry) || a.strike - b.strike || a.right.localeCompare(b.right));
  return { options: sorted, shares };
}

const LABELS: Record<StrategyKind, string> = {
  long_stock: 'Long stock',
  short_stock: 'Short stock',
  long_call: 'Long call',
  short_call: 'Short call',
  long_put: 'Long put',
  short_put: 'Short put',
  covered_call: 'Covered call',
  protective_put: 'Protective put',
  collar: 'Collar',
  bull_call_spread: 'Bull call spread (debit)',
  bear_call_spread: 'Bear call spread (credit)',
  bull_put_spread: 'Bull put spread (credit)',
  bear_put_spread: 'Bear put spread (debit)',
  long_straddle: 'Long straddle',
  short_straddle: 'Short straddle',
  long_strangle: 'Long strangle',
  short_strangle: 'Short strangle',
  short_iron_condor: 'Short iron condor (credit)',
  long_iron_condor: 'Long iron condor (debit)',
  short_iron_butterfly: 'Short iron butterfly (credit)',
  long_iron_butterfly: 'Long iron butterfly (debit)',
  long_call_butterfly: 'Long call butterfly',
  short_call_butterfly: 'Short call butterfly',
  long_put_butterfly: 'Long put butterfly',
  short_put_butterfly: 'Short put butterfly',
  long_call_calendar: 'Long call calendar',
  short_call_calendar: 'Short call calendar',
  long_put_calendar: 'Long put calendar',
  short_put_calendar: 'Short put calendar',
  long_call_diagonal: 'Long call diagonal',
  short_call_diagonal: 'Short call diagonal',
  long_put_diagonal: 'Long put diagonal',
  short_put_diagonal: 'Short put diagonal',
  ratio_spread: 'Ratio spread',
  custom: 'Custom',
};

/** Net option premium at entry in dollars (positive = paid); stock is not a premium. */
export function netPremium(legs: readonly Leg[]): number {
  return legs.reduce((sum, leg) => (leg.kind === 'option' ? sum + leg.price * leg.quantity * leg.multiplier : sum), 0);
}

export function recogniseStrategy(legs: readonly Leg[]): Strategy {
  const net = netLegs(legs);
  const kind = recogniseKind(net);
  const premium = netPremium(legs);
  const legCount = net.options.length + (net.shares !== 0 ? 1 : 0);
  const label = kind === 'custom' ? `Custom (${legCount} ${legCount === 1 ? 'leg' : 'legs'})` : LABELS[kind];
  return { kind, label, premium: premium > 0 ? 'debit' : premium < 0 ? 'credit' : 'none' };
}

function recogniseKind({ options, shares }: NetLegs): StrategyKind {
  if (options.length === 0) return shares > 0 ? 'long_stock' : shares < 0 ? 'short_stock' : 'custom';
  // Contracts of different sizes (mini and standard) are not one of the named shapes.
  if (new Set(options.map((leg) => leg.multiplier)).size > 1) return 'custom';
  if (shares !== 0) return withStock(options, shares);
  switch (options.length) {
    case 1:
      return single(options[0]!);
    case 2:
      return twoLegs(options[0]!, options[1]!);
    case 3:
      return butterfly(options);
    case 4:
      return ironShape(options);
    default:
      return 'custom';
  }
}

function single(leg: OptionLeg): StrategyKind {
  const side = leg.quantity > 0 ? 'long' : 'short';
  return `${side}_${leg.right}` as StrategyKind;
}

/** Stock with one or two options, each covering the shares exactly (100 shares per contract). */
function withStock(options: OptionLeg[], shares: number): StrategyKind {
  if (shares < 0) return 'custom';
  const covers = (leg: OptionLeg) => Math.abs(leg.quantity) * leg.multiplier === shares;
  if (!options.every(covers)) return 'custom';
  const shortCalls = options.filter((leg) => leg.right === 'call' && leg.quantity < 0);
  const longPuts = options.filter((leg) => leg.right === 'put' && leg.quantity > 0);
  if (options.length === 1 && shortCalls.length === 1) return 'covered_call';
  if (options.length === 1 && longPuts.length === 1) return 'protective_put';
  if (options.length === 2 && shortCalls.length === 1 && longPuts.length === 1 && longPuts[0]!.strike < shortCalls[0]!.strike) return 'collar';
  return 'custom';
}

function twoLegs(a: OptionLeg, b: OptionLeg): StrategyKind {
  const sameSize = Math.abs(a.quantity) === Math.abs(b.quantity);
  if (a.right === b.right) {
    if (Math.sign(a.quantity) === Math.sign(b.quantity)) return 'custom';
    if (a.expiry !== b.expiry) return sameSize ? timeSpread(a, b) : 'custom';
    if (!sameSize) return 'ratio_spread';
    return vertical(a, b);
  }
  // A call and a put: straddle (same strike) or strangle, both bought or both sold, same expiry.
  if (a.expiry !== b.expiry || !sameSize || Math.sign(a.quantity) !== Math.sign(b.quantity)) return 'custom';
  const side = a.quantity > 0 ? 'long' : 'short';
  return a.strike === b.strike ? `${side}_straddle` : `${side}_strangle`;
}

/** Same right, same expiry, one bought and one sold in equal size. */
function vertical(a: OptionLeg, b: OptionLeg): StrategyKind {
  const low = a.strike < b.strike ? a : b;
  const longLow = low.quantity > 0;
  if (low.right === 'call') return longLow ? 'bull_call_spread' : 'bear_call_spread';
  return longLow ? 'bull_put_spread' : 'bear_put_spread';
}

/** Same right, two expiries, opposite sides: long = the later expiry is the one bought. */
function timeSpread(a: OptionLeg, b: OptionLeg): StrategyKind {
  const later = a.expiry > b.expiry ? a : b;
  const side = later.quantity > 0 ? 'long' : 'short';
  const shape = a.strike === b.strike ? 'calendar' : 'diagonal';
  return `${side}_${a.right}_${shape}` as StrategyKind;
}

/** +1 / −2 / +1 (long) or −1 / +2 / −1 (short) of one right and expiry at equally spaced strikes. */
function butterfly(legs: OptionLeg[]): StrategyKind {
  const [low, mid, high] = [...legs].sort((x, y) => x.strike - y.strike) as [OptionLeg, OptionLeg, OptionLeg];
  const oneShape = legs.every((leg) => leg.right === low.right && leg.expiry === low.expiry);
  const wings = low.quantity === high.quantity && mid.quantity === -2 * low.quantity;
  const even = mid.strike - low.strike === high.strike - mid.strike;
  if (!oneShape || !wings || !even) return 'custom';
  return `${low.quantity > 0 ? 'long' : 'short'}_${low.right}_butterfly` as StrategyKind;
}

/**
 * Two puts below two calls, one expiry, equal sizes: short put spread + short call spread = short
 * iron condor (short iron butterfly when the sold put and call share a strike); reversed = long.
 */
function ironShape(legs: OptionLeg[]): StrategyKind {
  const puts = legs.filter((leg) => leg.right === 'put').sort((x, y) => x.strike - y.strike);
  const calls = legs.filter((leg) => leg.right === 'call').sort((x, y) => x.strike - y.strike);
  if (puts.length !== 2 || calls.length !== 2) return 'custom';
  if (new Set(legs.map((leg) => leg.expiry)).size !== 1 || new Set(legs.map((leg) => Math.abs(leg.quantity))).size !== 1) return 'custom';
  const [outerPut, innerPut] = puts as [OptionLeg, OptionLeg];
  const [innerCall, outerCall] = calls as [OptionLeg, OptionLeg];
  if (innerPut.strike > innerCall.strike) return 'custom';
  const shortBody = outerPut.quantity > 0 && innerPut.quantity < 0 && innerCall.quantity < 0 && outerCall.quantity > 0;
  const longBody = outerPut.quantity < 0 && innerPut.quantity > 0 && innerCall.quantity > 0 && outerCall.quantity < 0;
  if (!shortBody && !longBody) return 'custom';
  const shape = innerPut.strike === innerCall.strike ? 'iron_butterfly' : 'iron_condor';
  return `${shortBody ? 'short' : 'long'}_${shape}` as StrategyKind;
}
