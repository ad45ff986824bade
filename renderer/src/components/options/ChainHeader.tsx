import type { OptionChain } from '../../../../shared/schemas/chains';

const SOURCE_LABEL = { simulated: 'Simulated chain', massive: 'Massive.com' } as const;

/** The underlying's price the chain is priced against, the chain's terms, and where it comes from. */
export function ChainHeader({ chain }: { chain: OptionChain }) {
  return (
    <div className="chain-header" aria-live="polite" data-testid="chain-header">
      <strong className="num chain-spot" data-testid="chain-spot">
        {chain.underlying} {chain.spot.toFixed(2)}
      </strong>
      <span className="muted">
        {chain.style === 'european' ? 'European, cash-settled' : 'American'} · r {(chain.rate * 100).toFixed(2)}% · q {(chain.dividendYield * 100).toFixed(2)}%
      </span>
      <span className={`pill source-badge source-${chain.source}`}>{SOURCE_LABEL[chain.source]}</span>
    </div>
  );
}
