import { useCall } from '../../hooks/use-call';
import { formatNumber } from '../../lib/journal';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';
import { EventCalendar } from './EventCalendar';
import { MovesTable } from './MovesTable';
import { VixTermStructure } from './VixTermStructure';

/** The macro backdrop: the rate options are priced with, the VIX curve, the next FOMC/CPI/payrolls dates, and the day's moves. */
export function MacroPanel() {
  const macro = useCall('macro:context', { upcoming: 12 });
  const m = macro.data;
  return (
    <section className="macro-panel" aria-labelledby="macro-heading" aria-busy={macro.loading} data-testid="macro-panel">
      <div className="macro-heading-row">
        <h3 id="macro-heading">Macro</h3>
        <button type="button" className="button" onClick={macro.reload} disabled={macro.loading}>
          Refresh
        </button>
      </div>
      {macro.error && <ErrorNotice title="Could not load the macro context" error={macro.error} onRetry={macro.reload} />}
      {!m && macro.loading && <LoadingState label="Loading the macro context…" />}
      {m && (
        <>
          {m.warnings.map((warning) => (
            <p key={warning} className="projection-warning" role="note">
              {warning}
            </p>
          ))}
          <div className="macro-grid">
            <div className="card">
              <header className="card-header">
                <h3>Rate and volatility</h3>
              </header>
              <dl className="facts">
                <dt>Risk-free rate</dt>
                <dd className="num" data-testid="macro-rate" title={m.rate.source}>
                  {formatNumber(m.rate.value * 100)} %
                </dd>
              </dl>
              {m.vix ? <VixTermStructure vix={m.vix} /> : <p className="empty-state">No VIX quote right now.</p>}
            </div>
            <EventCalendar calendar={m.calendar} />
          </div>
          <div className="macro-grid">
            <MovesTable title="Indices" moves={m.indices} testId="macro-indices" />
            <MovesTable title="Sectors" moves={m.sectors} testId="macro-sectors" />
          </div>
        </>
      )}
    </section>
  );
}
