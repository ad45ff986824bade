import type { ScanDirection } from '../../../../shared/schemas/scanner';

const ARROWS: Record<ScanDirection, string> = { bullish: '▲', bearish: '▼', neutral: '◆' };

/** Bullish (green), bearish (red) or neutral; the arrow is decoration, the word is read. */
export function DirectionTag({ direction }: { direction: ScanDirection }) {
  return (
    <span className={`tag tag-small scan-direction scan-direction-${direction}`}>
      <span aria-hidden="true">{ARROWS[direction]} </span>
      {direction}
    </span>
  );
}
