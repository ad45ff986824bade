import type { MarketSource, Quote } from '../../../../shared/schemas/market';
import { formatNewYork } from '../../lib/new-york-time';

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
          {/* When the last print is (a pre-market or after-hours one, or yesterday's). */}
          <span className="num muted quote-time" title="Time of the last price, New York">
            last {lastPrintLabel(quote.time)} ET
          </span>
        </>
      )}
      {source && <span className={`pill source-badge source-${source}`}>{SOURCE_LABEL[source]}</span>}
    </div>
  );
}

/** "19:59" today, "11-28 12:59" on an earlier day (New York). */
function lastPrintLabel(ms: number): string {
  const [date, time] = formatNewYork(new Date(ms).toISOString()).split(' ') as [string, string];
  const today = formatNewYork(new Date().toISOString()).split(' ')[0];
  return date === today ? time : `${date.slice(5)} ${time}`;
}
