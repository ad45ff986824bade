const monthName = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });

/** Chat messages sent this calendar month; the count starts again on the 1st at local midnight. */
export function UsageCard({ queries }: { queries: number }) {
  return (
    <section className="card" aria-labelledby="usage-heading">
      <header className="card-header">
        <h3 id="usage-heading">Usage</h3>
      </header>
      <dl className="facts">
        <dt>Queries used this month</dt>
        <dd className="num" aria-label="Queries used this month">
          {queries}
        </dd>
        <dt>Month</dt>
        <dd>
          {monthName.format(new Date())} <span className="muted">— the count starts again at midnight on the 1st, on this computer&apos;s clock</span>
        </dd>
      </dl>
    </section>
  );
}
