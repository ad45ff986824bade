export interface Filters {
  symbol: string;
  strategy: string;
  tag: string;
  status: 'all' | 'open' | 'closed';
}

/** Symbol, strategy, tag and open/closed filters of the trade list. */
export function TradeFilters({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) {
  const text = (key: 'symbol' | 'strategy' | 'tag', label: string) => (
    <label className="field field-inline">
      <span>{label}</span>
      <input className="input" type="search" value={value[key]} onChange={(e) => onChange({ ...value, [key]: e.target.value })} placeholder="Any" />
    </label>
  );
  return (
    <div className="filters" role="search" aria-label="Filter trades">
      {text('symbol', 'Symbol')}
      {text('strategy', 'Strategy')}
      {text('tag', 'Tag')}
      <label className="field field-inline">
        <span>Status</span>
        <select className="input" value={value.status} onChange={(e) => onChange({ ...value, status: e.target.value as Filters['status'] })}>
          <option value="all">All</option>
          <option value="closed">Closed</option>
          <option value="open">Open</option>
        </select>
      </label>
    </div>
  );
}
