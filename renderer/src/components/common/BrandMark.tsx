/** The app's mark: an up-trend arrow on a dark tile; simple enough to read at 16 px. */
export function BrandMark({ size = 22 }: { size?: number }) {
  return (
    <svg className="brand-mark" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="23" height="23" rx="6" className="brand-mark-bg" />
      <path d="M5 16.5 L9.5 12 L12.5 14.5 L18.5 8.5 M14.5 8.5 H18.5 V12.5" className="brand-mark-line" />
    </svg>
  );
}
