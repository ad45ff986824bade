import { useState } from 'react';
import type { CoachError } from '../../../../shared/errors';
import type { Position } from '../../../../shared/schemas/positions';
import { useCoachApi } from '../../api/api-context';
import { toCoachError } from '../../hooks/use-call';
import { ErrorNotice } from '../common/ErrorNotice';
import { netDebit, toOptionLegs, type TicketLeg } from './chain-view';
import { TicketLegRow } from './TicketLegRow';

interface PositionTicketProps {
  legs: readonly TicketLeg[];
  onChange: (legs: TicketLeg[]) => void;
}

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** The legs picked from the chain, their net debit or credit, and "Save position" (positions:create). */
export function PositionTicket({ legs, onChange }: PositionTicketProps) {
  const api = useCoachApi();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<Position | undefined>();
  const [error, setError] = useState<CoachError | undefined>();
  const net = netDebit(legs);

  const update = (next: TicketLeg[]) => {
    setSaved(undefined);
    setError(undefined);
    onChange(next);
  };
  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const position = await api.call('positions:create', { legs: toOptionLegs(legs) });
      setSaved(position);
      onChange([]);
    } catch (failure) {
      setError(toCoachError(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card position-ticket" aria-label="Position ticket" data-testid="position-ticket">
      <header className="card-header">
        <h3>Position ticket</h3>
        <span className="card-header-note">Click an ask to buy, a bid to sell</span>
      </header>
      <div className="card-body">
        {legs.length === 0 ? (
          <p className="muted ticket-empty">No legs yet.</p>
        ) : (
          <ul className="ticket-legs" aria-label="Legs">
            {legs.map((leg) => (
              <TicketLegRow
                key={leg.key}
                leg={leg}
                onQuantity={(quantity) => update(legs.map((l) => (l.key === leg.key ? { ...l, quantity } : l)))}
                onRemove={() => update(legs.filter((l) => l.key !== leg.key))}
              />
            ))}
          </ul>
        )}
        {legs.length > 0 && (
          <p className="num ticket-net" data-testid="ticket-net">
            {net >= 0 ? 'Net debit' : 'Net credit'} {dollars.format(Math.abs(net))}
          </p>
        )}
        {error && (
          <div data-testid="ticket-error">
            <ErrorNotice title="The position was not saved" error={error} compact />
          </div>
        )}
        {saved && (
          <p role="status" className="ticket-saved" data-testid="ticket-saved" data-position-id={saved.id}>
            Saved “{saved.name}” to Positions.
          </p>
        )}
        <div className="ticket-actions">
          <button type="button" className="button" disabled={!legs.length || saving} onClick={() => update([])}>
            Clear
          </button>
          <button type="button" className="button button-primary" data-testid="save-position" disabled={!legs.length || saving} onClick={() => void save()}>
            {saving ? 'Saving…' : 'Save position'}
          </button>
        </div>
      </div>
    </section>
  );
}
