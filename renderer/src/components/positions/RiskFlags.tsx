import type { RiskFlag } from '../../../../shared/schemas/positions';

const ICONS: Record<RiskFlag['severity'], string> = { info: 'ℹ', warning: '⚠', critical: '⛔' };

/** The analyzer's warnings, most severe first; the severity is written out, never colour alone. */
export function RiskFlags({ flags }: { flags: RiskFlag[] }) {
  const rank = { critical: 0, warning: 1, info: 2 } as const;
  const sorted = [...flags].sort((a, b) => rank[a.severity] - rank[b.severity]);
  return (
    <section className="card risk-flags" aria-labelledby="flags-heading">
      <header className="card-header">
        <h3 id="flags-heading">Risk flags</h3>
      </header>
      {sorted.length === 0 ? (
        <p className="empty-state">No risk flags.</p>
      ) : (
        <ul className="flag-list">
          {sorted.map((f, i) => (
            <li key={`${f.code}-${f.legIndex ?? ''}-${i}`} className={`flag flag-${f.severity}`} data-testid="risk-flag" data-code={f.code}>
              <span aria-hidden="true">{ICONS[f.severity]}</span>
              <span className="visually-hidden">{f.severity}: </span>
              {f.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
