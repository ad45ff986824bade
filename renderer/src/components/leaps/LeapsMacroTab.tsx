import { useState } from 'react';
import '../../styles/leaps.css';
import { MacroPanel } from './MacroPanel';
import { ProjectionView } from './ProjectionView';
import { RollCalculator } from './RollCalculator';

const VIEWS = [
  { id: 'projection', label: 'Projection' },
  { id: 'roll', label: 'Roll calculator' },
  { id: 'macro', label: 'Macro' },
] as const;

/** LEAPS & Macro: a position's value over dates, prices and IV; the roll calculator; the macro backdrop. */
export function LeapsMacroTab() {
  const [view, setView] = useState<(typeof VIEWS)[number]['id']>('projection');
  return (
    <div className="tab-content leaps-tab">
      <nav className="segmented" aria-label="LEAPS and macro views">
        {VIEWS.map((v) => (
          <button key={v.id} type="button" className="segmented-button" aria-pressed={view === v.id} data-testid={`leaps-view-${v.id}`} onClick={() => setView(v.id)}>
            {v.label}
          </button>
        ))}
      </nav>
      {view === 'projection' && <ProjectionView />}
      {view === 'roll' && <RollCalculator />}
      {view === 'macro' && <MacroPanel />}
    </div>
  );
}
