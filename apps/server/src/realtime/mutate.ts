import type { Tx } from '../db/tx';
import type { EventBus } from './event-bus';
import { appendEvents, type PendingEvent, type StoredEvent } from './outbox';

export type Emit = (event: PendingEvent) => void;

/** A mutation's body: runs inside one transaction and emits the events that describe it. */
export type MutationWork<T> = (tx: Tx, emit: Emit) => Promise<T>;
export type Mutate = <T>(work: MutationWork<T>) => Promise<T>;

/**
 * Runs a change in a transaction, writes its events to the outbox in that same transaction, and
 * publishes them only after the commit — so subscribers never see an event for a rolled-back change.
 * Parts of a mutation that belong to other modules take `(tx, emit)` instead of calling mutate again.
 */
export function createMutate(db: Tx, bus: EventBus, clock: () => Date): Mutate {
  return async (work) => {
    let stored: StoredEvent[] = [];
    const result = await db.transaction().execute(async (tx) => {
      const pending: PendingEvent[] = [];
      const value = await work(tx, (event) => pending.push(event));
      stored = await appendEvents(tx, pending, clock().toISOString());
      return value;
    });
    if (stored.length > 0) bus.publish(stored);
    return result;
  };
}
