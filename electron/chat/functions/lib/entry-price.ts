import type { OptionRight } from '../../../../shared/schemas/options';
import type { FunctionContext } from '../../types';
import { fetchChain, findContract } from './chains';

/**
 * The entry premium of a contract: the one given, else its mid in today's chain (a strike or expiry
 * that is not listed is refused there, naming the listed ones). `note` says when the mid was used.
 */
export async function entryPrice(
  ctx: FunctionContext,
  contract: { symbol: string; right: OptionRight; strike: number; expiry: string },
  given: number | undefined,
): Promise<{ price: number; note: string | null }> {
  if (given !== undefined) return { price: given, note: null };
  const { chain } = await fetchChain(ctx, contract.symbol, contract.expiry);
  const mid = findContract(chain, contract.strike, contract.right).mid;
  return { price: mid, note: `No entry price given: the ${contract.strike} ${contract.right}'s current mid ${mid} is used` };
}
