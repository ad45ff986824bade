import { useState } from 'react';
import '../../styles/journal.css';
import { AnalyticsView } from './AnalyticsView';
import { ImportWizard } from './ImportWizard';
import { TradesView } from './TradesView';

const VIEWS = [
  { id: 'trades', label: 'Trades' },
  { id: 'import', label: 'Import' },
  { id: 'analytics', label: 'Analytics' },
] as const;

/** The trade journal: the trades, the CSV import wizard and the analytics dashboard. */
export function JournalTab() {
  const [view, setView] = useState<(typeof VIEWS)[number]['id']>('trades');
  return (
    <div className="tab-content journal-tab">
      <nav className="segmented" aria-label="Journal views">
        {VIEWS.map((v) => (
          <button key={v.id} type="button" className="segmented-button" aria-pressed={view === v.id} onClick={() => setView(v.id)}>
            {v.label}
          </button>
        ))}
      </nav>
      {view === 'trades' && <TradesView />}
      {view === 'import' && <ImportWizard onShowTrades={() => setView('trades')} />}
      {view === 'analytics' && <AnalyticsView />}
    </div>
  );
}
