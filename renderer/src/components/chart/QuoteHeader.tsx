import type { MarketSource, Quote } from '../../../../shared/schemas/market';

const SOURCE_LABEL: Record<MarketSource, string> = { simulated: 'Simulated data', massive: 'Massive.com', csv: 'Imported CSV' };

/** Last price and change of the charted symbol, and where the data comes from. */
export function QuoteHeader({ quote, source }: { quote: Quote | undefined; source: MarketSource | undefined }) {
  const tone = quote && quote.change < 0 ? 'down' : 'up';
  return (
    <div className="quote-header" aria-live="polite">
      {quote && (
        <>
          <strong className="num quote-last">{quote.last.toFixed(2)}</strong>
          <span className={`num quote-change quote-${tone}`}>
            {quote.change >= 0 ? '+' : ''}
            {quote.change.toFixed(2)} ({quote.changePercent >= 0 ? '+' : ''}
            {quote.changePercent.toFixed(2)}%)
          </span>
          <span className="quote-session">{quote.session === 'open' ? 'Open' : quote.session === 'pre' ? 'Pre-market' : quote.session === 'after' ? 'After-hours' : 'Closed'}</span>
        </>
      )}
      {source && <span className={`pill source-badge source-${source}`}>{SOURCE_LABEL[source]}</span>}
    </div>
  );
}
