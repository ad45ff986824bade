import { useEffect, useMemo, useState } from 'react';
import type { VwapPoint } from '../../../../shared/schemas/levels';
import type { Timeframe } from '../../../../shared/schemas/market';
import { useCall } from '../../hooks/use-call';
import { useWorkspaceNav } from '../../hooks/use-workspace-nav';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';
import { ImportBarsCard } from './ImportBarsCard';
import { LevelLegend } from './LevelLegend';
import { DAILY_CHART_NOTE, DEFAULT_HIDDEN_GROUPS, missingVwapNote, toPriceLevels, type PriceLevel } from './levels';
import { PriceChart } from './PriceChart';
import { QuoteHeader } from './QuoteHeader';
import { SymbolSearch } from './SymbolSearch';
import { TimeframeSwitcher } from './TimeframeSwitcher';

/** How often the chart and quote refresh while the provider is live (the last bar moves with the clock). */
const LIVE_REFRESH_MS = 5_000;
/** While the market is closed nothing moves; a slow poll still notices the pre-market opening. */
const CLOSED_REFRESH_MS = 60_000;
const NO_VWAP: readonly VwapPoint[] = [];

/** The chart tab: symbol search, timeframe, candles with volume, key levels and VWAP bands with their legend. */
export function ChartTab() {
  const [symbol, setSymbol] = useState('SPY');
  const [timeframe, setTimeframe] = useState<Timeframe>('5m');
  const [hiddenGroups, setHiddenGroups] = useState<ReadonlySet<string>>(DEFAULT_HIDDEN_GROUPS);
  const { draftAlert } = useWorkspaceNav();
  const bars = useCall('market:bars', { symbol, timeframe });
  const quote = useCall('market:quote', { symbol });
  const keyLevels = useCall('levels:get', { symbol });
  const { reload: reloadBars } = bars;
  const { reload: reloadQuote } = quote;
  const { reload: reloadLevels } = keyLevels;

  const failed = Boolean(bars.error && !bars.loading);
  const fresh = bars.data && bars.data.symbol === symbol && bars.data.timeframe === timeframe ? bars.data : undefined;
  const shown = failed ? undefined : fresh;
  // The charted symbol's source: an unknown symbol has none, and is not asked for again and again.
  const source = fresh?.source;

  const closed = quote.data?.session === 'closed';
  useEffect(() => {
    if (!source || source === 'csv') return undefined; // imported bars do not move
    const timer = setInterval(
      () => {
        reloadBars();
        reloadQuote();
        reloadLevels();
      },
      closed ? CLOSED_REFRESH_MS : LIVE_REFRESH_MS,
    );
    return () => clearInterval(timer);
  }, [source, closed, reloadBars, reloadQuote, reloadLevels]);

  // A failed refresh keeps the last levels of the symbol drawn; the legend card says what failed.
  const levelsData = keyLevels.data?.symbol === symbol ? keyLevels.data : undefined;
  const levelsFailed = Boolean(keyLevels.error && !keyLevels.loading);
  const levels = useMemo(() => (levelsData ? toPriceLevels(levelsData) : []), [levelsData]);
  // A crossing of the level's price today (from its line on the chart or the legend); the form can switch it to the key level itself.
  const alertAt = (level: PriceLevel) => draftAlert({ symbol, condition: 'crosses', targetPrice: level.price, note: `At ${level.name}` });

  const toggleGroup = (group: string) =>
    setHiddenGroups((prev) => {
      const next = new Set(prev);
      if (next.has(group)) next.delete(group);
      else next.add(group);
      return next;
    });

  return (
    <div className="tab-content chart-tab">
      <div className="chart-toolbar">
        {/* Keyed by the symbol so a symbol chosen elsewhere (an import) shows in the box. */}
        <SymbolSearch key={symbol} symbol={symbol} onSubmit={setSymbol} />
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
            vwap={levelsData?.vwap.series ?? NO_VWAP}
            onAlertAt={levelsData ? alertAt : undefined}
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
      <section className="card level-card" aria-label="Chart levels" aria-busy={keyLevels.loading}>
        {levelsFailed && <ErrorNotice compact title={`Levels unavailable for ${symbol}`} error={keyLevels.error!} onRetry={reloadLevels} />}
        {levelsData ? (
          <LevelLegend
            levels={levels}
            hiddenGroups={hiddenGroups}
            onToggleGroup={toggleGroup}
            notes={[missingVwapNote(levelsData, shown?.bars ?? []), timeframe === '1d' ? DAILY_CHART_NOTE : undefined]}
            onAlertAt={alertAt}
          />
        ) : (
          !levelsFailed && <LoadingState label={`Loading ${symbol} levels…`} />
        )}
      </section>
      <ImportBarsCard onShow={setSymbol} />
    </div>
  );
}
