export type DotTone = 'ok' | 'warn' | 'down' | 'idle';

/** A small coloured dot beside a status word (decorative: the word carries the meaning). */
export function StatusDot({ tone, pulse = false }: { tone: DotTone; pulse?: boolean }) {
  return <span className={`dot dot-${tone}${pulse ? ' dot-pulse' : ''}`} aria-hidden="true" />;
}
