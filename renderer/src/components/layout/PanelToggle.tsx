export type NarrowPanel = 'chat' | 'tools';

const OPTIONS: { id: NarrowPanel; label: string }[] = [
  { id: 'chat', label: 'Chat' },
  { id: 'tools', label: 'Tools' },
];

/** On narrow windows only one panel fits: two toggle buttons pick which one is shown. */
export function PanelToggle({ value, onChange }: { value: NarrowPanel; onChange: (panel: NarrowPanel) => void }) {
  return (
    <div role="group" aria-label="Show panel" className="panel-toggle">
      {OPTIONS.map((option) => (
        <button
          key={option.id}
          type="button"
          className="panel-toggle-button"
          aria-pressed={value === option.id}
          onClick={() => onChange(option.id)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
