import { dateArg, symbolArg } from './args';

/** The journal filters both journal functions take (the contract's names: symbol matches the underlying too). */
export const journalFilterArgs = () => ({
  symbol: symbolArg('Only trades of this symbol or underlying').optional(),
  from: dateArg('First entry date YYYY-MM-DD').optional(),
  to: dateArg('Last entry date YYYY-MM-DD').optional(),
});

/** The filters given, absent ones left out of the call. */
export function journalFilter({ symbol, from, to }: { symbol?: string; from?: string; to?: string }) {
  return { ...(symbol ? { symbol } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
