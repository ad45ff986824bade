import { useId } from 'react';

interface ScenarioSliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  /** What the value means, e.g. "+2% → 612.40". */
  valueText: string;
  onChange: (value: number) => void;
  disabled?: boolean;
  /** Why it is disabled, shown in place of the value. */
  disabledText?: string;
  testId: string;
}

/** One what-if slider with its label, its value in words and its range. */
export function ScenarioSlider({ label, value, min, max, step, valueText, onChange, disabled = false, disabledText, testId }: ScenarioSliderProps) {
  const id = useId();
  return (
    <div className="scenario-slider">
      <label htmlFor={id} className="scenario-slider-label">
        <span>{label}</span>
        <output htmlFor={id} className="num">
          {disabled ? disabledText : valueText}
        </output>
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={Math.min(Math.max(value, min), max)}
        disabled={disabled}
        aria-valuetext={disabled ? disabledText : valueText}
        onChange={(e) => onChange(Number(e.target.value))}
        data-testid={testId}
      />
    </div>
  );
}
