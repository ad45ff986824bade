import type { PositionAnalysis, PositionAnalyzeInput } from '../../../../shared/schemas/positions';

/** The what-if sliders: underlying move in %, calendar days forward, implied volatility shift in vol points. */
export interface Scenario {
  pricePct: number;
  days: number;
  ivPoints: number;
}

export const NO_SCENARIO: Scenario = { pricePct: 0, days: 0, ivPoints: 0 };

export interface ScenarioLimits {
  /** The price slider runs from −pricePct to +pricePct. */
  pricePct: number;
  /** Days forward up to the first expiry; 0 when nothing expires later than today. */
  days: number;
  ivMin: number;
  ivMax: number;
  /** False for stock only: volatility and time change nothing. */
  hasOptions: boolean;
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/**
 * How far each slider goes for this position: the price move to the edges of the payoff grid (so the
 * scenario stays on the diagram), days up to the first expiry, and a volatility cut that leaves every
 * leg at least 1 vol point.
 */
export function scenarioLimits(analysis: Pick<PositionAnalysis, 'spot' | 'curve' | 'legs'>): ScenarioLimits {
  const { spot, curve } = analysis;
  const edges = curve.length ? [curve[0]!.price, curve.at(-1)!.price] : [];
  const reach = edges.length ? Math.max(...edges.map((p) => Math.abs(p / spot - 1) * 100)) : 10;
  const options = analysis.legs.filter((leg) => leg.leg.kind === 'option');
  const days = options.map((leg) => leg.daysToExpiry ?? 0);
  const ivs = options.map((leg) => leg.iv).filter((iv): iv is number => iv !== null);
  return {
    // The epsilon keeps 120/100 − 1 = 0.19999999999999996 at 20%.
    pricePct: clamp(Math.floor(reach + 1e-9), 1, 50),
    days: days.length ? Math.max(0, Math.min(...days)) : 0,
    ivMin: ivs.length ? Math.min(0, Math.max(-50, 1 - Math.floor(Math.min(...ivs) * 100))) : 0,
    ivMax: 50,
    hasOptions: options.length > 0,
  };
}

/** The `whatIf` of `positions:analyze` for the sliders (kept inside the limits), or undefined when they are all at zero. */
export function toWhatIf(scenario: Scenario, limits: ScenarioLimits): PositionAnalyzeInput['whatIf'] {
  const pricePct = clamp(scenario.pricePct, -limits.pricePct, limits.pricePct);
  const days = clamp(scenario.days, 0, limits.days);
  const ivPoints = clamp(scenario.ivPoints, limits.ivMin, limits.ivMax);
  if (!pricePct && !days && !ivPoints) return undefined;
  return {
    ...(pricePct !== 0 && { priceShiftPct: pricePct }),
    ...(days !== 0 && { daysForward: days }),
    ...(ivPoints !== 0 && { ivShift: ivPoints }),
  };
}
