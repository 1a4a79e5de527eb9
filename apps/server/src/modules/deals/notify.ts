import type { DealStage } from '@flow/contracts';
import { stageLabel } from '../../ai/deal-probability';
import type { Tx } from '../../db/tx';
import type { Emit } from '../../realtime/mutate';
import type { DomainServices } from '../registry';

/** What services.notifications.create takes (built by the notifications domain). */
export type NotificationInput = Parameters<DomainServices['notifications']['create']>[2];

/** A drop this large in one change is worth telling the owner about. */
export const PROBABILITY_DROP_ALERT = 15;

export interface DealChange {
  deal: { id: string; title: string; organizationId: string; ownerId: string };
  actorId: string;
  oldStage: DealStage;
  newStage: DealStage;
  oldProbability: number;
  newProbability: number;
}

/** What, if anything, the owner should hear about a change someone else made to their deal. */
export function noticeFor(change: DealChange): NotificationInput | null {
  const { deal, actorId, oldStage, newStage, oldProbability, newProbability } = change;
  if (actorId === deal.ownerId) return null;
  const base = {
    organizationId: deal.organizationId,
    userId: deal.ownerId,
    type: 'deal_update' as const,
    actionUrl: `/deals/${deal.id}`,
  };
  const closing =
    newStage !== oldStage && (newStage === 'closed-won' || newStage === 'closed-lost');
  if (closing) {
    const won = newStage === 'closed-won';
    return {
      ...base,
      title: won ? `Deal won: ${deal.title}` : `Deal lost: ${deal.title}`,
      message: `${deal.title} moved from ${stageLabel(oldStage)} to ${stageLabel(newStage)}.`,
      priority: 'high',
      metadata: { dealId: deal.id, oldStage, newStage, actorId },
    };
  }
  const drop = oldProbability - newProbability;
  if (drop >= PROBABILITY_DROP_ALERT) {
    return {
      ...base,
      title: `Win probability dropped: ${deal.title}`,
      message: `${deal.title} fell from ${oldProbability}% to ${newProbability}% (−${drop} points).`,
      priority: drop >= 2 * PROBABILITY_DROP_ALERT ? 'high' : 'medium',
      metadata: { dealId: deal.id, oldProbability, newProbability, actorId },
    };
  }
  return null;
}

/** Sends the owner's notice, if any, in the caller's transaction. */
export async function notifyOwner(
  services: DomainServices,
  tx: Tx,
  emit: Emit,
  change: DealChange,
): Promise<void> {
  const notice = noticeFor(change);
  if (notice) await services.notifications.create(tx, emit, notice);
}
