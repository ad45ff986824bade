import type { CallChip } from '../../lib/chat-turn';

const MARKS: Record<CallChip['status'], string> = { running: '', ok: '✓', error: '✕' };
const STATES: Record<CallChip['status'], string> = { running: 'running', ok: 'done', error: 'failed' };

/** One function the coach calls: a spinner while it runs, then done or failed (said in words too). */
export function FunctionChip({ chip }: { chip: Pick<CallChip, 'name' | 'label' | 'status'> }) {
  return (
    <li className={`pill chat-chip chat-chip-${chip.status}`} data-testid="function-chip" data-function={chip.name} data-status={chip.status}>
      {chip.status === 'running' ? <span className="spinner chat-chip-spinner" aria-hidden="true" /> : <span aria-hidden="true">{MARKS[chip.status]}</span>}
      <span>{chip.label}</span>
      <span className="visually-hidden"> ({STATES[chip.status]})</span>
    </li>
  );
}
