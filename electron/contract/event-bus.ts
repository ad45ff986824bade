import { events, type EventName, type EventPayload } from '../../shared/contract';
import { describeIssues, toIssues } from '../../shared/errors';

export type EventListener = <K extends EventName>(name: K, payload: EventPayload<K>) => void;

/**
 * Typed events from the services to every transport. Payloads are validated against the contract
 * when `validate` is on (development and tests), so a wrong payload fails where it is emitted.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly validate: boolean) {}

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    if (this.validate) {
      const parsed = events[name].safeParse(payload);
      if (!parsed.success) throw new Error(`Event ${name} payload breaks the contract: ${describeIssues(toIssues(parsed.error))}`);
    }
    for (const listener of this.listeners) listener(name, payload);
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
