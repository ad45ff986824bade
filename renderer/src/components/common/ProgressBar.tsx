/** A labelled progress bar (value between 0 and 1). */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className="progress">
      <div className="progress-label">
        <span>{label}</span>
        <span className="num">{percent}%</span>
      </div>
      <progress className="progress-bar" aria-label={label} max={100} value={percent} />
    </div>
  );
}
