/** A short spinner line announced to screen readers while data loads. */
export function LoadingState({ label }: { label: string }) {
  return (
    <div role="status" className="loading-state">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
