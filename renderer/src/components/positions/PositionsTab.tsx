import { useMemo, useState } from 'react';
import type { PositionListInput } from '../../../../shared/schemas/positions';
import { useApiEvent } from '../../hooks/use-api-event';
import { useCall } from '../../hooks/use-call';
import { plural } from '../../lib/journal';
import '../../styles/positions.css';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';
import { PortfolioStrip } from './PortfolioStrip';
import { PositionDetail } from './PositionDetail';
import { PositionList } from './PositionList';

type StatusFilter = NonNullable<PositionListInput['status']>;
const FILTERS: { id: StatusFilter; label: string }[] = [
  { id: 'open', label: 'Open' },
  { id: 'closed', label: 'Closed' },
  { id: 'all', label: 'All' },
];

/** The positions tab: the portfolio in figures, the positions, and the selected one analysed. */
export function PositionsTab() {
  const [status, setStatus] = useState<StatusFilter>('open');
  const [chosenId, setChosenId] = useState<string | undefined>();
  const list = useCall('positions:list', { status });
  const portfolio = useCall('portfolio:analyze', {});
  useApiEvent('positions:changed', () => {
    list.reload();
    portfolio.reload();
  });

  const positions = useMemo(() => list.data?.positions ?? [], [list.data]);
  const pnlById = useMemo(() => new Map(portfolio.data?.positions.map((p) => [p.id, p.unrealizedPnl])), [portfolio.data]);
  // The chosen position while it is listed, else the newest: a deleted or filtered-out choice falls back.
  const selected = positions.find((p) => p.id === chosenId) ?? positions[0];

  return (
    <div className="tab-content positions-tab">
      <PortfolioStrip portfolio={portfolio} />
      <section className="card" aria-labelledby="positions-heading" aria-busy={list.loading}>
        <header className="card-header">
          <h3 id="positions-heading">Positions</h3>
          {list.data && <span className="card-header-note muted">{list.data.total} {plural('position', list.data.total)}</span>}
          <nav className="segmented card-header-action" aria-label="Position status">
            {FILTERS.map((f) => (
              <button key={f.id} type="button" className="segmented-button" aria-pressed={status === f.id} onClick={() => setStatus(f.id)}>
                {f.label}
              </button>
            ))}
          </nav>
        </header>
        {list.error && <ErrorNotice title="Could not load the positions" error={list.error} onRetry={list.reload} />}
        {!list.data && list.loading && <LoadingState label="Loading positions…" />}
        {list.data && positions.length === 0 && (
          <p className="empty-state">
            {status === 'closed' ? 'No closed positions.' : 'No positions yet. Open the Options tab, click contracts to build a position, and save it.'}
          </p>
        )}
        {positions.length > 0 && <PositionList positions={positions} pnlById={pnlById} selectedId={selected?.id} onSelect={setChosenId} />}
      </section>
      {selected && <PositionDetail key={selected.id} position={selected} />}
    </div>
  );
}
