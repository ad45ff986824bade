import type { ContextPosition } from '../arguments';
import { pnl, price } from './format';
import { PositionResult } from './positions';

/**
 * The broker's own figures beside the analysis of a screenshot position. The analysis values the
 * legs at this app's prices (the simulated market unless a data provider is set up), which can be
 * far from the marks in the screenshot; the trader should see both and be told when they part.
 */

/** Marks further apart than this (relative to the broker's) are called different. */
export const MARK_TOLERANCE = 0.05;

export interface BrokerComparison {
  /** "Your broker's screenshot: NVDA shares mark 176.90 (here 117.93); P&L −$1,824.00 (here −$72,588.00)." Null when it showed neither. */
  line: string | null;
  /** The broker's marks (or, without marks, its P&L) are far from the app's. */
  differs: boolean;
}

const apart = (here: number, broker: number) => Math.abs(here - broker) > MARK_TOLERANCE * Math.abs(broker);

/** Compares one screenshot position (its legs in order) with its analysis; null when the result cannot be read. */
export function compareWithBroker(held: ContextPosition, result: unknown): BrokerComparison | null {
  const parsed = PositionResult.safeParse(result);
  if (!parsed.success) return null;
  const analysis = parsed.data;
  const legs = analysis.legs ?? [];
  const marks = held.brokerMarks.flatMap((broker, i) => {
    const leg = legs[i];
    return broker === null || !leg ? [] : [{ name: leg.leg, broker, here: leg.mark }];
  });
  const parts = marks.map((m) => `${m.name} mark ${price(m.broker)} (here ${price(m.here)})`);
  if (held.brokerPnl !== undefined) parts.push(`P&L ${pnl(held.brokerPnl)} (here ${pnl(analysis.unrealizedPnl)})`);
  // Without marks, the P&L gap against the money put in tells the same story.
  const differs = marks.length
    ? marks.some((m) => apart(m.here, m.broker))
    : held.brokerPnl !== undefined && Math.abs(analysis.unrealizedPnl - held.brokerPnl) > MARK_TOLERANCE * Math.abs(analysis.costBasis);
  return { line: parts.length ? `Your broker's screenshot: ${parts.join('; ')}.` : null, differs };
}

/** Said once, before the first position whose figures differ. */
export function brokerMismatchNotice(held: ContextPosition): string {
  const shown = held.brokerPnl !== undefined ? `your broker showed ${pnl(held.brokerPnl)} on ${held.underlying}` : `your broker's marks for ${held.underlying} are quoted under its analysis`;
  return `Your broker's marks differ from this app's prices (simulated data unless a market data provider is set up): P&L below is at the app's prices; ${shown}.`;
}
