export interface Figure {
  label: string;
  value: string;
  /** A tone class such as 'pnl-up' / 'pnl-down'. */
  tone?: string;
  testId?: string;
}

/** Labelled figures in a grid that wraps to the width (portfolio strip, greeks, what-if result). */
export function FigureList({ figures, className = 'position-facts', testId }: { figures: Figure[]; className?: string; testId?: string }) {
  return (
    <dl className={className} data-testid={testId}>
      {figures.map((f) => (
        <div key={f.label} className="position-fact">
          <dt>{f.label}</dt>
          <dd className={`num ${f.tone ?? ''}`} data-testid={f.testId}>
            {f.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
