import type { z } from 'zod';
import type { LegSchema } from '../../../../shared/schemas/options';
import type { FunctionContext } from '../../types';
import { ZERO_DTE } from './args';
import { fetchChain } from './chains';

/** A leg as a model describes it: options may leave out the expiry (nearest) and any leg its price. */
export interface LegArg {
  right: 'call' | 'put' | 'stock';
  strike?: number;
  expiry?: string;
  quantity: number;
  price?: number;
}

/** A contract leg before defaults (the multiplier comes from the contract's default). */
export type ContractLeg = z.input<typeof LegSchema>;

export interface ResolvedLegs {
  legs: ContractLeg[];
  /** Indices of legs whose entry price was not given (priced at the current mark by the caller). */
  unpriced: number[];
  notes: string[];
}

/**
 * Contract legs from the model's: expiries resolved ('0dte', none → the nearest listed), stock
 * without a price at the last quote, options without a price at 0 for now (listed in `unpriced`).
 */
export async function resolveLegs(ctx: FunctionContext, symbol: string, args: readonly LegArg[]): Promise<ResolvedLegs> {
  const notes: string[] = [];
  const expiries = new Map<string, Promise<string>>();
  const expiryFor = (expiry: string | undefined) => {
    const key = expiry ?? '';
    if (!expiries.has(key)) {
      expiries.set(
        key,
        fetchChain(ctx, symbol, expiry).then(({ chain, note }) => {
          if (note) notes.push(note);
          return chain.expiry.date;
        }),
      );
    }
    return expiries.get(key)!;
  };
  const needsQuote = args.some((leg) => leg.right === 'stock' && leg.price === undefined);
  const quote = needsQuote ? await ctx.call('market:quote', { symbol }) : undefined;
  const unpriced: number[] = [];
  const legs = await Promise.all(
    args.map(async (leg, index): Promise<ContractLeg> => {
      if (leg.right === 'stock') {
        if (leg.price === undefined) notes.push(`Leg ${index + 1} (stock): no entry price given; the last price ${quote!.last} is used`);
        return { kind: 'stock', symbol, quantity: leg.quantity, price: leg.price ?? quote!.last };
      }
      if (leg.price === undefined) unpriced.push(index);
      const expiry = leg.expiry && leg.expiry !== ZERO_DTE ? leg.expiry : await expiryFor(leg.expiry);
      return { kind: 'option', symbol, right: leg.right, strike: leg.strike!, expiry, quantity: leg.quantity, price: leg.price ?? 0 };
    }),
  );
  return { legs, unpriced, notes };
}
