import type { DomainEventName, RealtimeEventMap } from '@flow/contracts';
import type { Tx } from '../db/tx';

/** A domain event as a service records it, before it has an id. */
export interface PendingEvent<E extends DomainEventName = DomainEventName> {
  organizationId: string;
  /** Owner of the record the event is about: delivery applies the same visibility rule as queries. */
  ownerId: string | null;
  actorId: string | null;
  event: E;
  data: RealtimeEventMap[E];
}

export interface StoredEvent extends PendingEvent {
  id: number;
  createdAt: string;
}

/**
 * The outbox: each mutation writes its realtime events in the same transaction as the change, so an
 * event exists exactly when its change committed. Delivery reads from here (live and on resume).
 */
export async function appendEvents(
  tx: Tx,
  events: PendingEvent[],
  now: string,
): Promise<StoredEvent[]> {
  const stored: StoredEvent[] = [];
  // One insert per event keeps ids in the order the service produced them on both databases.
  for (const e of events) {
    const row = await tx
      .insertInto('events_outbox')
      .values({
        organization_id: e.organizationId,
        owner_id: e.ownerId,
        actor_id: e.actorId,
        event: e.event,
        data: JSON.stringify(e.data),
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    stored.push({ ...e, id: Number(row.id), createdAt: now });
  }
  return stored;
}

export async function eventsAfter(
  db: Tx,
  organizationId: string,
  afterId: number,
  limit: number,
): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('events_outbox')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    organizationId: r.organization_id,
    ownerId: r.owner_id,
    actorId: r.actor_id,
    event: r.event as DomainEventName,
    data: JSON.parse(r.data) as RealtimeEventMap[DomainEventName],
    createdAt: r.created_at,
  }));
}
