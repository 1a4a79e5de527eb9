import type { Deal } from '@flow/contracts';
import type { DealRow } from '../../db/schema';
import type { Tx } from '../../db/tx';
import type { Scope } from '../../platform/scope';
import type { Emit } from '../../realtime/mutate';
import type { DomainServices } from '../registry';
import { notifyOwner } from './notify';
import { changesBetween } from './records';

// What every change of a deal sets off in its transaction: realtime events (API.md §10), the
// owner's notice, and the totals of the contacts it touched.

export const eventBase = (row: Pick<DealRow, 'organization_id' | 'owner_id'>, scope: Scope) => ({
  organizationId: row.organization_id,
  ownerId: row.owner_id,
  actorId: scope.userId,
});

/** Contact totals and health follow the deal, for every contact it touched. */
export async function refreshContacts(
  services: DomainServices,
  tx: Tx,
  emit: Emit,
  contactIds: (string | null)[],
  scope: Scope,
  now: Date,
): Promise<void> {
  for (const id of new Set(contactIds.filter((c): c is string => !!c))) {
    await services.contacts.refreshDealTotals(tx, emit, id, scope.userId, now);
  }
}

export interface DealTransition {
  before: { row: DealRow; deal: Deal };
  after: Deal;
  afterRow: DealRow;
  now: Date;
}

/** The shared tail of every update: events, notice to the owner, contact totals. */
export async function announce(
  services: DomainServices,
  tx: Tx,
  emit: Emit,
  scope: Scope,
  { before, after, afterRow, now }: DealTransition,
): Promise<void> {
  if (before.row.stage !== afterRow.stage) {
    emit({
      ...eventBase(afterRow, scope),
      event: 'deal:stage_changed',
      data: {
        id: afterRow.id,
        oldStage: before.row.stage,
        newStage: afterRow.stage,
        probability: afterRow.probability,
      },
    });
  }
  // The previous owner is told of the change; a new owner learns of the deal itself.
  emit({
    ...eventBase(before.row, scope),
    event: 'deal:updated',
    data: { id: after.id, changes: changesBetween(before.deal, after) },
  });
  if (afterRow.owner_id !== before.row.owner_id) {
    emit({ ...eventBase(afterRow, scope), event: 'deal:created', data: { deal: after } });
  }
  await notifyOwner(services, tx, emit, {
    deal: {
      id: afterRow.id,
      title: afterRow.title,
      organizationId: afterRow.organization_id,
      ownerId: afterRow.owner_id,
    },
    actorId: scope.userId,
    oldStage: before.row.stage,
    newStage: afterRow.stage,
    oldProbability: before.row.probability,
    newProbability: afterRow.probability,
  });
  await refreshContacts(
    services,
    tx,
    emit,
    [before.row.contact_id, afterRow.contact_id],
    scope,
    now,
  );
}
