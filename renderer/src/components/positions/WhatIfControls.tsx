import type { CoachError } from '../../../../shared/errors';
import type { PositionAnalysis } from '../../../../shared/schemas/positions';
import { formatMoney, plural, pnlTone } from '../../lib/journal';
import { formatPrice } from '../../lib/format';
import { formatSigned } from '../../lib/positions';
import { ErrorNotice } from '../common/ErrorNotice';
import { FigureList, type Figure } from './FigureList';
import { ScenarioSlider } from './ScenarioSlider';
import { NO_SCENARIO, type Scenario, type ScenarioLimits } from './what-if';

interface WhatIfControlsProps {
  scenario: Scenario;
  onChange: (next: Scenario) => void;
  limits: ScenarioLimits;
  spot: number;
  result: PositionAnalysis['whatIf'];
  /** True while the scenario on the sliders has not been valued yet. */
  pending: boolean;
  error: CoachError | undefined;
}

/** Price, date and volatility sliders, and the position revalued in that scenario. */
export function WhatIfControls({ scenario, onChange, limits, spot, result, pending, error }: WhatIfControlsProps) {
  const moved = scenario.pricePct !== 0 || scenario.days !== 0 || scenario.ivPoints !== 0;
  const figures: Figure[] = result
    ? [
        { label: 'Underlying', value: formatPrice(result.price) },
        { label: 'Date', value: result.date },
        { label: 'Value', value: formatMoney(result.marketValue) },
        { label: 'P&L', value: formatMoney(result.pnl), tone: pnlTone(result.pnl) },
        { label: 'Change from now', value: formatMoney(result.change), tone: pnlTone(result.change) },
        { label: 'Delta (shares)', value: formatSigned(result.greeks.delta) },
        { label: 'Theta ($/day)', value: formatSigned(result.greeks.theta) },
        { label: 'Vega ($/vol pt)', value: formatSigned(result.greeks.vega) },
      ]
    : [];
  return (
    <section className="card what-if" aria-labelledby="what-if-heading" aria-busy={pending}>
      <header className="card-header">
        <h3 id="what-if-heading">What-if</h3>
        {pending && <span className="card-header-note muted">Revaluing…</span>}
        <button type="button" className="button card-header-action" disabled={!moved} onClick={() => onChange(NO_SCENARIO)}>
          Reset
        </button>
      </header>
      <div className="what-if-sliders">
        <ScenarioSlider
          label="Price move"
          testId="what-if-price"
          value={scenario.pricePct}
          min={-limits.pricePct}
          max={limits.pricePct}
          step={0.5}
          valueText={`${formatSigned(scenario.pricePct, 1)}% → ${formatPrice(spot * (1 + scenario.pricePct / 100))}`}
          onChange={(pricePct) => onChange({ ...scenario, pricePct })}
        />
        <ScenarioSlider
          label="Days forward"
          testId="what-if-days"
          value={scenario.days}
          min={0}
          max={limits.days}
          step={1}
          valueText={`${scenario.days} ${plural('day', scenario.days)} (of ${limits.days} to the first expiry)`}
          disabled={limits.days === 0}
          disabledText={limits.hasOptions ? 'Expires today' : 'No options'}
          onChange={(days) => onChange({ ...scenario, days })}
        />
        <ScenarioSlider
          label="IV shift"
          testId="what-if-iv"
          value={scenario.ivPoints}
          min={limits.ivMin}
          max={limits.ivMax}
          step={1}
          valueText={`${formatSigned(scenario.ivPoints, 0)} vol ${plural('point', Math.abs(scenario.ivPoints))}`}
          disabled={!limits.hasOptions}
          disabledText="No options"
          onChange={(ivPoints) => onChange({ ...scenario, ivPoints })}
        />
      </div>
      {error && <ErrorNotice compact title="Could not value this scenario" error={error} />}
      {result ? (
        <FigureList figures={figures} testId="what-if-result" />
      ) : (
        <p className="what-if-hint muted">Move a slider to value the position at another price, date or volatility; the point shows on the diagram.</p>
      )}
    </section>
  );
}
