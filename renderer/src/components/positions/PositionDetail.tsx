import { useEffect, useMemo, useState } from 'react';
import type { Position, PositionAnalyzeInput } from '../../../../shared/schemas/positions';
import { useApiEvent } from '../../hooks/use-api-event';
import { useCall } from '../../hooks/use-call';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { formatNewYork } from '../../lib/new-york-time';
import { formatPrice } from '../../lib/format';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';
import { GreeksSummary } from './GreeksSummary';
import { LegTable } from './LegTable';
import { PayoffChart } from './PayoffChart';
import { RiskFlags } from './RiskFlags';
import { WhatIfControls } from './WhatIfControls';
import { NO_SCENARIO, scenarioLimits, toWhatIf, type ScenarioLimits } from './what-if';

/** Sliders are valued once they rest this long. */
const SCENARIO_DEBOUNCE_MS = 250;
/** Marks move with the market: the analysis refreshes this often while shown. */
const REFRESH_MS = 60_000;

/** One position analysed: payoff diagram, what-if sliders, greeks and risk, legs and flags. */
export function PositionDetail({ position }: { position: Position }) {
  const [scenario, setScenario] = useState(NO_SCENARIO);
  const settled = useDebouncedValue(scenario, SCENARIO_DEBOUNCE_MS);
  const [lastLimits, setLastLimits] = useState<ScenarioLimits>();
  // The sliders' ranges come from the last analysis (grid edges, first expiry, lowest IV); before it, no scenario.
  const whatIf = lastLimits && toWhatIf(settled, lastLimits);
  // useCall keys the request by its JSON, so an equal input on the next render does not fetch again.
  const input: PositionAnalyzeInput = { id: position.id, ...(whatIf && { whatIf }) };
  const analysis = useCall('positions:analyze', input);
  const { data, reload } = analysis;
  const limits = useMemo(() => (data ? scenarioLimits(data) : undefined), [data]);
  if (limits && JSON.stringify(limits) !== JSON.stringify(lastLimits)) setLastLimits(limits);

  useApiEvent('positions:changed', (event) => event.id === position.id && event.reason === 'updated' && reload());
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const scenarioPending = scenario !== settled || (analysis.loading && input.whatIf !== undefined);
  return (
    <div className="position-detail" aria-busy={analysis.loading} data-testid="position-detail" data-position-id={position.id}>
      <section className="card" aria-labelledby="position-heading">
        <header className="card-header">
          <h3 id="position-heading">{position.name}</h3>
          <span className="tag" data-testid="position-strategy">
            {position.strategy.label}
          </span>
          {position.status === 'closed' && <span className="tag">closed · valued at today&apos;s marks</span>}
          {data && (
            <span className="card-header-note muted">
              {data.underlying} {formatPrice(data.spot)} · as of {formatNewYork(data.asOf)} New York
            </span>
          )}
          <button type="button" className="button card-header-action" onClick={reload} disabled={analysis.loading}>
            Refresh
          </button>
        </header>
        {analysis.error && !data && <ErrorNotice title={`Could not analyse ${position.name}`} error={analysis.error} onRetry={reload} />}
        {analysis.error && data && !input.whatIf && <ErrorNotice compact title="Refresh failed; showing the last analysis" error={analysis.error} onRetry={reload} />}
        {!data && analysis.loading && <LoadingState label="Analysing the position…" />}
        {data && <PayoffChart analysis={data} />}
      </section>
      {data && limits && (
        <>
          <div className="position-panels">
            <WhatIfControls
              scenario={scenario}
              onChange={setScenario}
              limits={limits}
              spot={data.spot}
              result={input.whatIf ? data.whatIf : null}
              pending={scenarioPending}
              error={input.whatIf ? analysis.error : undefined}
            />
            <GreeksSummary analysis={data} />
          </div>
          <RiskFlags flags={data.flags} />
          <LegTable legs={data.legs} />
        </>
      )}
    </div>
  );
}
