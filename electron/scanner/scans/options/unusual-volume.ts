import type { ChainContract } from '../../../../shared/schemas/chains';
import type { OptionsInput } from '../../inputs';
import { alertSuggestion, formatPrice, points, quantity, round2, round4, scoreBeyond, type Finding, type Scan } from '../finding';

/**
 * A contract whose volume today is at least `minVolume` contracts and `minRatio` times its open
 * interest: new positions opening. The strongest call (bullish) and the strongest put (bearish) of
 * the expiry, by volume over open interest (open interest 0 counts as 1). Score: 50 at `minRatio`,
 * 100 at twice it.
 */
export const unusualVolumeScan: Scan<OptionsInput> = {
  definition: {
    id: 'unusual_volume',
    name: 'Unusual options volume',
    kind: 'options',
    description: 'A contract trading at least x times its open interest (and at least N contracts) today.',
    params: [
      { key: 'minRatio', label: 'Volume / open interest at least', default: 2, min: 0.5, max: 50, step: 0.1, unit: '×' },
      { key: 'minVolume', label: 'Volume at least', default: 500, min: 1, max: 100_000, step: 1, unit: 'contracts' },
    ],
  },
  run(input, { minRatio, minVolume }) {
    const { chain } = input;
    const ratioOf = (c: ChainContract) => c.volume / Math.max(c.openInterest, 1);
    const best: Partial<Record<'call' | 'put', ChainContract>> = {};
    for (const row of chain.strikes) {
      for (const contract of [row.call, row.put]) {
        if (!contract || contract.volume < minVolume! || ratioOf(contract) < minRatio!) continue;
        const known = best[contract.right];
        if (!known || ratioOf(contract) > ratioOf(known) || (ratioOf(contract) === ratioOf(known) && contract.volume > known.volume)) best[contract.right] = contract;
      }
    }
    return (['call', 'put'] as const).flatMap((right): Finding[] => {
      const contract = best[right];
      if (!contract) return [];
      const ratio = ratioOf(contract);
      const premium = contract.volume * contract.mid * chain.multiplier;
      const call = right === 'call';
      return [
        {
          direction: call ? 'bullish' : 'bearish',
          score: scoreBeyond(ratio, minRatio!, minRatio!),
          reason:
            `${input.symbol} ${formatPrice(contract.strike)} ${right} (${contract.expiry}) traded ${quantity(contract.volume)} contracts against open interest ` +
            `${quantity(contract.openInterest)} (${ratio.toFixed(1)}×), about $${quantity(premium)} of premium at the mid ${points(contract.mid)}.`,
          metrics: { contract: contract.symbol, right, strike: contract.strike, expiry: contract.expiry, volume: contract.volume, openInterest: contract.openInterest, ratio: round4(ratio), mid: round2(contract.mid), premium: Math.round(premium), spot: round2(chain.spot) },
          suggestion: alertSuggestion(input.symbol, call ? 'crosses_above' : 'crosses_below', contract.strike, `the ${right} buyers' strike comes into play`),
        },
      ];
    });
  },
};
