import type { OptionRight, SettlementTime } from '../../../shared/schemas/options';

/** PM-settled index options trade under their own roots; the AM-settled standard monthlies keep the index's. */
const PM_ROOTS: Readonly<Record<string, string>> = { SPX: 'SPXW', NDX: 'NDXP', RUT: 'RUTW' };

/**
 * The OCC option symbol (OSI): root, expiry as YYMMDD, C or P, strike × 1000 on eight digits, e.g.
 * SPY   2025-12-19 call 600   → SPY251219C00600000
 * SPX   2026-12-18 put 6000 PM → SPXW261218P06000000
 */
export function occSymbol(underlying: string, expiry: string, right: OptionRight, strike: number, settlement: SettlementTime): string {
  const root = settlement === 'PM' ? (PM_ROOTS[underlying] ?? underlying) : underlying;
  const date = expiry.slice(2).replaceAll('-', '');
  const thousandths = String(Math.round(strike * 1000)).padStart(8, '0');
  return `${root.replaceAll(/[.-]/g, '')}${date}${right === 'call' ? 'C' : 'P'}${thousandths}`;
}
