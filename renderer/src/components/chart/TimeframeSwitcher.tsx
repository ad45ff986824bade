import type { Timeframe } from '../../../../shared/schemas/market';

const OPTIONS: { value: Timeframe; label: string }[] = [
  { value: '1m', label: '1m' },
  { value: '5m', label: '5m' },
  { value: '15m', label: '15m' },
  { value: '1h', label: '1h' },
  { value: '1d', label: '1D' },
];

/** The bar size buttons; the pressed one is the chart's timeframe. */
export function TimeframeSwitcher({ value, onChange }: { value: Timeframe; onChange: (timeframe: Timeframe) => void }) {
  return (
    <div className="segmented" role="group" aria-label="Timeframe">
      {OPTIONS.map((option) => (
        <button key={option.value} type="button" className="segmented-button" aria-pressed={option.value === value} onClick={() => onChange(option.value)}>
          {option.label}
        </button>
      ))}
    </div>
  );
}
