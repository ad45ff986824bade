import type { ScanResult } from '../../../../shared/schemas/scanner';
import { formatMetric, metricLabel } from '../../lib/scanner';

/** The numbers behind a result, and the next step it suggests. */
export function ResultMetrics({ result }: { result: Pick<ScanResult, 'metrics' | 'suggestion'> }) {
  const metrics = Object.entries(result.metrics);
  return (
    <div className="scan-details-body">
      {metrics.length > 0 ? (
        <dl className="scan-metrics" data-testid="scan-metrics">
          {metrics.map(([key, value]) => (
            <div key={key} className="scan-metric">
              <dt>{metricLabel(key)}</dt>
              <dd className="num">{formatMetric(value)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">No numbers for this result.</p>
      )}
      <p className="scan-suggestion">
        <span className="muted">Next step: </span>
        {result.suggestion.text}
      </p>
    </div>
  );
}
