import { useId, useMemo, useRef, useState, type PointerEvent } from 'react';
import type { PositionAnalysis } from '../../../../shared/schemas/positions';
import { useElementWidth } from '../../hooks/use-element-width';
import { formatMoney } from '../../lib/journal';
import { formatPrice } from '../../lib/format';
import { areaPath, formatPnlTick, linePath, payoffLayout, valueAt } from './payoff-chart';

const HEIGHT = 300;

/**
 * P&L against the underlying's price: at the payoff date (solid, shaded green/red around zero) and
 * today (dashed), with breakevens, spot, max profit and loss, the what-if point and a hover read-out.
 */
export function PayoffChart({ analysis }: { analysis: PositionAnalysis }) {
  const frame = useRef<HTMLDivElement>(null);
  const width = useElementWidth(frame);
  const clip = useId();
  const [hoverPrice, setHoverPrice] = useState<number | null>(null);
  const layout = useMemo(
    () =>
      payoffLayout(
        { ...analysis, scenario: analysis.whatIf && { price: analysis.whatIf.price, pnl: analysis.whatIf.pnl } },
        width,
        HEIGHT,
      ),
    [analysis, width],
  );
  const { plot, zeroY } = layout;
  const expiryLabel = analysis.payoffBasis === 'first_expiry' ? `At first expiry ${analysis.payoffDate}` : `At expiry ${analysis.payoffDate ?? ''}`;
  const summary = [
    `Payoff of ${analysis.name}`,
    analysis.breakevens.length ? `breakevens ${analysis.breakevens.map(formatPrice).join(', ')}` : 'no breakeven',
    layout.maxProfit.text,
    layout.maxLoss.text,
  ].join('; ');

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const px = event.clientX - event.currentTarget.getBoundingClientRect().left;
    setHoverPrice(px >= plot.left && px <= plot.right ? layout.priceAt(px) : null);
  };
  const hoverExpiry = hoverPrice === null ? null : valueAt(analysis.curve, hoverPrice, 'expiry');
  const hoverToday = hoverPrice === null ? null : valueAt(analysis.curve, hoverPrice, 'today');
  const hoverScenario = hoverPrice === null ? null : valueAt(analysis.curve, hoverPrice, 'scenario');

  return (
    <figure className="payoff-chart">
      <div ref={frame} className="payoff-frame">
        {width > 0 && (
          <svg width={width} height={HEIGHT} role="img" aria-label={summary} data-testid="payoff-chart" onPointerMove={onPointerMove} onPointerLeave={() => setHoverPrice(null)}>
            <defs>
              <clipPath id={`${clip}-profit`}>
                <rect x={plot.left} y={plot.top} width={plot.right - plot.left} height={Math.max(0, zeroY - plot.top)} />
              </clipPath>
              <clipPath id={`${clip}-loss`}>
                <rect x={plot.left} y={zeroY} width={plot.right - plot.left} height={Math.max(0, plot.bottom - zeroY)} />
              </clipPath>
            </defs>
            {layout.yTicks.map((t) => (
              <g key={`y${t.value}`} className="payoff-grid">
                <line x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} />
                <text x={plot.left - 6} y={t.y} textAnchor="end" dominantBaseline="middle">
                  {formatPnlTick(t.value)}
                </text>
              </g>
            ))}
            {layout.xTicks.map((t) => (
              <g key={`x${t.value}`} className="payoff-grid">
                <line x1={t.x} x2={t.x} y1={plot.bottom} y2={plot.bottom + 4} />
                <text x={t.x} y={plot.bottom + 16} textAnchor="middle">
                  {t.value.toLocaleString('en-US', { maximumFractionDigits: 2 })}
                </text>
              </g>
            ))}
            <path d={areaPath(layout.expiryPoints, zeroY)} className="payoff-area-profit" clipPath={`url(#${clip}-profit)`} />
            <path d={areaPath(layout.expiryPoints, zeroY)} className="payoff-area-loss" clipPath={`url(#${clip}-loss)`} />
            <line x1={plot.left} x2={plot.right} y1={zeroY} y2={zeroY} className="payoff-zero" />
            {[
              { mark: layout.maxProfit, id: 'payoff-max-profit', below: false },
              { mark: layout.maxLoss, id: 'payoff-max-loss', below: true },
            ].map(({ mark, id, below }) =>
              mark.y === null ? (
                // Unbounded: the curve runs off the top (profit) or bottom (loss) as the price rises.
                <text key={id} x={plot.right - 4} y={below ? plot.bottom - 6 : plot.top + 12} textAnchor="end" className="payoff-extreme-label" data-testid={id}>
                  {below ? '↘ ' : '↗ '}
                  {mark.text}
                </text>
              ) : (
                <g key={id}>
                  <line x1={plot.left} x2={plot.right} y1={mark.y} y2={mark.y} className="payoff-extreme" />
                  <text x={plot.right - 4} y={below ? mark.y + 13 : mark.y - 5} textAnchor="end" className="payoff-extreme-label" data-testid={id}>
                    {mark.text}
                  </text>
                </g>
              ),
            )}
            {layout.spotX !== null && (
              <g className="payoff-spot">
                <line x1={layout.spotX} x2={layout.spotX} y1={plot.top} y2={plot.bottom} />
                <text x={layout.spotX} y={plot.bottom + 32} textAnchor="middle" data-testid="payoff-spot">
                  Spot {formatPrice(analysis.spot)}
                </text>
              </g>
            )}
            <path d={linePath(layout.todayPoints)} className="payoff-today" data-testid="payoff-today" />
            {layout.scenarioPoints && <path d={linePath(layout.scenarioPoints)} className="payoff-scenario-curve" data-testid="payoff-scenario-curve" />}
            <path d={linePath(layout.expiryPoints)} className="payoff-expiry" data-testid="payoff-expiry" />
            {layout.breakevens.map((b) => (
              <g key={b.value} className="payoff-breakeven">
                <line x1={b.x} x2={b.x} y1={b.label.y + 4} y2={plot.bottom} />
                <circle cx={b.x} cy={zeroY} r={3.5} />
                <text x={b.label.x} y={b.label.y} textAnchor="middle" data-testid="payoff-breakeven" data-value={b.value}>
                  {b.text}
                </text>
              </g>
            ))}
            {layout.scenario && (
              <g className="payoff-scenario" data-testid="payoff-scenario">
                <circle cx={layout.scenario.x} cy={layout.scenario.y} r={5} />
                {/* The label goes toward the middle of the plot so it is never cut at an edge. */}
                <text
                  x={layout.scenario.x + (layout.scenario.x > (plot.left + plot.right) / 2 ? -9 : 9)}
                  y={layout.scenario.y - 8}
                  textAnchor={layout.scenario.x > (plot.left + plot.right) / 2 ? 'end' : 'start'}
                >
                  What-if {formatMoney(layout.scenario.pnl)}
                </text>
              </g>
            )}
            {hoverPrice !== null && <line x1={layout.x(hoverPrice)} x2={layout.x(hoverPrice)} y1={plot.top} y2={plot.bottom} className="payoff-hover" />}
          </svg>
        )}
      </div>
      <figcaption className="payoff-caption">
        <span className="payoff-key payoff-key-expiry">{expiryLabel}</span>
        <span className="payoff-key payoff-key-today">Today</span>
        {layout.scenarioPoints && analysis.whatIf && (
          <span className="payoff-key payoff-key-scenario-curve">
            {analysis.whatIf.date}
            {analysis.whatIf.ivShift ? `, IV ${analysis.whatIf.ivShift > 0 ? '+' : ''}${analysis.whatIf.ivShift} pts` : ''}
          </span>
        )}
        {analysis.whatIf && <span className="payoff-key payoff-key-scenario">What-if</span>}
        <span className="payoff-readout num" aria-live="off">
          {hoverPrice === null ? 'Point at the diagram to read the P&L at a price' : `At ${formatPrice(hoverPrice)}: expiry ${formatMoney(hoverExpiry)} · today ${formatMoney(hoverToday)}${hoverScenario === null ? '' : ` · what-if ${formatMoney(hoverScenario)}`}`}
        </span>
      </figcaption>
    </figure>
  );
}
