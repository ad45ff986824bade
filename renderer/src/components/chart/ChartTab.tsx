import { useEffect, useMemo, useState } from 'react';
import type { Timeframe } from '../../../../shared/schemas/market';
import { useCall } from '../../hooks/use-call';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';
import { LevelLegend } from './LevelLegend';
import type { PriceLevel } from './levels';
import { PriceChart } from './PriceChart';
import { QuoteHeader } from './QuoteHeader';
import { SymbolSearch } from './SymbolSearch';
import { TimeframeSwitcher } from './TimeframeSwitcher';

/** How often the chart and quote refresh while the provider is live (the last bar moves with the clock). */
const LIVE_REFRESH_MS = 5_000;

/** The chart tab: symbol search, timeframe, candles with volume, levels with their legend. */
export function ChartTab({ levels: extraLevels = [] }: { levels?: readonly PriceLevel[] }) {
  const [symbol, setSymbol] = useState('SPY');
  const [timeframe, setTimeframe] = useState<Timeframe>('5m');
  const [hiddenGroups, setHiddenGroups] = useState<ReadonlySet<string>>(new Set());
  const bars = useCall('market:bars', { symbol, timeframe });
  const quote = useCall('market:quote', { symbol });
  const { reload: reloadBars } = bars;
  const { reload: reloadQuote } = quote;
  const source = bars.data?.source;

  useEffect(() => {
    if (!source || source === 'csv') return undefined; // imported bars do not move
    const timer = setInterval(() => {
      reloadBars();
      reloadQuote();
    }, LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [source, reloadBars, reloadQuote]);

  // The levels engine's lines are passed in by the lead's wiring; the previous close comes with the quote.
  const levels = useMemo<PriceLevel[]>(() => {
    const prevClose = quote.data && quote.data.symbol === symbol ? [{ name: 'Prev close', price: quote.data.prevClose, group: 'Previous day' }] : [];
    return [...prevClose, ...extraLevels];
  }, [quote.data, symbol, extraLevels]);

  const toggleGroup = (group: string) =>
    setHiddenGroups((prev) => {
      const next = new Set(prev);
      if (next.has(group)) next.delete(group);
      else next.add(group);
      return next;
    });

  const failed = Boolean(bars.error && !bars.loading);
  const fresh = bars.data && bars.data.symbol === symbol && bars.data.timeframe === timeframe ? bars.data : undefined;
  const shown = failed ? undefined : fresh;
  return (
    <div className="tab-content chart-tab">
      <div className="chart-toolbar">
        <SymbolSearch symbol={symbol} onSubmit={setSymbol} />
        <TimeframeSwitcher value={timeframe} onChange={setTimeframe} />
        <QuoteHeader quote={quote.data?.symbol === symbol ? quote.data : undefined} source={shown?.source} />
      </div>
      <section
        className="card price-chart"
        aria-label={`${symbol} chart`}
        data-testid="price-chart"
        data-symbol={shown?.symbol ?? ''}
        data-timeframe={shown?.timeframe ?? ''}
        data-bar-count={shown?.bars.length ?? 0}
        data-source={shown?.source ?? ''}
        aria-busy={bars.loading}
      >
        {/* The frame stays laid out under the states so the chart always knows its size. */}
        <div className="price-chart-frame">
          <PriceChart
            bars={shown?.bars ?? []}
            sessions={shown?.sessions ?? []}
            timeframe={timeframe}
            seriesKey={`${symbol}|${timeframe}`}
            levels={levels}
            hiddenGroups={hiddenGroups}
          />
          {failed ? (
            <div className="chart-overlay">
              <ErrorNotice title={`Could not load ${symbol}`} error={bars.error!} onRetry={bars.reload} />
            </div>
          ) : !shown ? (
            <div className="chart-overlay">
              <LoadingState label={`Loading ${symbol} ${timeframe} bars…`} />
            </div>
          ) : shown.bars.length === 0 ? (
            <div className="chart-overlay">
              <p className="chart-empty" role="status">
                No {timeframe} bars for {symbol} from {shown.from} to {shown.to}.
              </p>
            </div>
          ) : null}
        </div>
        <p className="chart-credit">
          Times in New York; shaded: pre-market and after-hours. Charting by{' '}
          <a href="https://www.tradingview.com/" target="_blank" rel="noreferrer noopener">
            TradingView
          </a>
        </p>
      </section>
      <section className="card level-card" aria-label="Chart levels">
        <LevelLegend levels={levels} hiddenGroups={hiddenGroups} onToggleGroup={toggleGroup} />
      </section>
    </div>
  );
}
