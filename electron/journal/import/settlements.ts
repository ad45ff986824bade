import type { RowError } from '../../../shared/schemas/journal';
import type { CloseEvent, Execution } from './types';

/** Roots of the index options that settle in cash (weeklies, PM-settled and minis included). */
const CASH_SETTLED_ROOTS = new Set(['SPX', 'SPXW', 'SPXPM', 'NDX', 'NDXP', 'XND', 'NQX', 'XSP', 'RUT', 'RUTW', 'MRUT', 'VIX', 'VIXW', 'DJX', 'OEX', 'XEO']);

export const isCashSettled = (underlying: string): boolean => CASH_SETTLED_ROOTS.has(underlying.toUpperCase());

const DAY_MS = 24 * 60 * 60_000;
const LABEL: Record<CloseEvent, string> = { expired: 'expiration', assigned: 'assignment', exercised: 'exercise' };

/**
 * Drops the cash-settled closes that carry no amount. tastytrade books a cash settlement twice —
 * "Cash Settled Assignment" with the cash, then a plain "Assignment" removal at 0 — so an
 * amountless close with a priced close of the same contract within a day is a duplicate and goes
 * silently. Any other is reported: closing it at 0 would be a wrong P&L, so the position stays open.
 */
export function dropUnpricedSettlements(executions: Execution[]): { kept: Execution[]; warnings: RowError[] } {
  if (!executions.some((e) => e.amountMissing)) return { kept: executions, warnings: [] };
  const priced = executions.filter((e) => e.event && !e.amountMissing);
  const warnings: RowError[] = [];
  const kept = executions.filter((e) => {
    if (!e.amountMissing) return true;
    if (priced.some((p) => p.symbol === e.symbol && Math.abs(p.timeMs - e.timeMs) <= DAY_MS)) return false;
    const what = LABEL[e.event ?? 'assigned'];
    warnings.push({ row: e.row, message: `The ${what} of ${e.symbol} settles in cash, but the row carries no cash amount: the position is left open (not imported). Add its close by hand.` });
    return false;
  });
  return { kept, warnings };
}
