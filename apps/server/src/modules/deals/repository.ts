import type { DealInsight, DealStage } from '@flow/contracts';
import type {
  DealActivityRow,
  DealRow,
  DealSignalsTable,
  DealUpdate,
  NewDealRow,
} from '../../db/schema';
import { softDeleteVisible } from '../../db/soft-delete';
import type { Tx } from '../../db/tx';
import type { Insertable } from 'kysely';
import { newId } from '../../platform/ids';
import { visibleTo, type Scope } from '../../platform/scope';
import type { DealInsightRow } from './mapper';

export type NewSignalRow = Insertable<DealSignalsTable>;

export function visibleDeals(db: Tx, scope: Scope) {
  return db
    .selectFrom('deals')
    .$call(visibleTo(scope, 'deals'))
    .where('deals.deleted_at', 'is', null);
}

export function findDeal(db: Tx, scope: Scope, id: string): Promise<DealRow | undefined> {
  return visibleDeals(db, scope).selectAll('deals').where('deals.id', '=', id).executeTakeFirst();
}

/** The row whatever the scope: for re-reading a deal the caller has just been allowed to change. */
export function findDealById(db: Tx, id: string): Promise<DealRow | undefined> {
  return db
    .selectFrom('deals')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function insertDeal(tx: Tx, row: NewDealRow): Promise<void> {
  await tx.insertInto('deals').values(row).execute();
}

export async function updateDeal(
  tx: Tx,
  scope: Scope,
  id: string,
  changes: DealUpdate,
): Promise<void> {
  await tx
    .updateTable('deals')
    .set(changes)
    .$call(visibleTo(scope, 'deals'))
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
}

/** Only the server's own recomputations use this: the caller already holds the visible row. */
export async function setComputedFields(tx: Tx, id: string, changes: DealUpdate): Promise<void> {
  await tx.updateTable('deals').set(changes).where('id', '=', id).execute();
}

export const softDeleteDeal = (tx: Tx, scope: Scope, id: string, now: string): Promise<boolean> =>
  softDeleteVisible(tx, scope, 'deals', id, now);

/** Newest first, as the detail view shows them. */
export function activitiesOf(db: Tx, dealId: string): Promise<DealActivityRow[]> {
  return db
    .selectFrom('deal_activities')
    .selectAll()
    .where('deal_id', '=', dealId)
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function insertActivity(tx: Tx, row: DealActivityRow): Promise<void> {
  await tx.insertInto('deal_activities').values(row).execute();
}

export function insightsOf(db: Tx, dealId: string): Promise<DealInsightRow[]> {
  return db
    .selectFrom('deal_insights')
    .selectAll()
    .where('deal_id', '=', dealId)
    .orderBy('date', 'desc')
    .orderBy('confidence', 'desc')
    .orderBy('id')
    .execute();
}

export async function replaceInsights(
  tx: Tx,
  deal: Pick<DealRow, 'id' | 'organization_id'>,
  insights: readonly DealInsight[],
  now: string,
): Promise<void> {
  await tx.deleteFrom('deal_insights').where('deal_id', '=', deal.id).execute();
  if (insights.length === 0) return;
  await tx
    .insertInto('deal_insights')
    .values(
      insights.map((i) => ({
        // The engine's ids are stable per deal and cause: regenerating replaces, not duplicates.
        id: i.id,
        organization_id: deal.organization_id,
        deal_id: deal.id,
        type: i.type,
        title: i.title,
        description: i.description,
        impact: i.impact,
        actionable: i.actionable ? 1 : 0,
        suggested_action: i.suggestedAction ?? null,
        confidence: i.confidence,
        date: i.date,
        created_at: now,
      })),
    )
    .execute();
}

export async function replaceSignals(
  tx: Tx,
  dealId: string,
  signals: readonly NewSignalRow[],
): Promise<void> {
  await tx.deleteFrom('deal_signals').where('deal_id', '=', dealId).execute();
  if (signals.length > 0)
    await tx
      .insertInto('deal_signals')
      .values([...signals])
      .execute();
}

/**
 * The competitor the user named on the deal (kept apart from extracted ones, which are
 * recomputed): a 'manual' competitor signal with no source record.
 */
export async function manualCompetitorOf(db: Tx, dealId: string): Promise<string | null> {
  const row = await db
    .selectFrom('deal_signals')
    .select('label')
    .where('deal_id', '=', dealId)
    .where('kind', '=', 'competitor')
    .where('source_type', '=', 'manual')
    .where('source_id', 'is', null)
    .executeTakeFirst();
  return row?.label ?? null;
}

/** Mean value of the contact's other live deals, for the "unusually large deal" insight. */
export async function contactAverageValue(
  db: Tx,
  contactId: string,
  exceptDealId: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('deals')
    .select((eb) => [eb.fn.avg<number>('value').as('avg'), eb.fn.countAll<number>().as('n')])
    .where('contact_id', '=', contactId)
    .where('id', '!=', exceptDealId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n) > 0 ? Number(row.avg) : undefined;
}

/** Activities carry a copy of the deal's owner for scoped feeds; a reassignment moves them. */
export async function reassignActivities(tx: Tx, dealId: string, ownerId: string): Promise<void> {
  await tx
    .updateTable('deal_activities')
    .set({ owner_id: ownerId })
    .where('deal_id', '=', dealId)
    .execute();
}

export async function recordStageChange(
  tx: Tx,
  deal: Pick<DealRow, 'id' | 'organization_id'>,
  from: DealStage | null,
  to: DealStage,
  actorId: string,
  at: string,
): Promise<void> {
  await tx
    .insertInto('deal_stage_changes')
    .values({
      id: newId(),
      organization_id: deal.organization_id,
      deal_id: deal.id,
      from_stage: from,
      to_stage: to,
      changed_by: actorId,
      changed_at: at,
    })
    .execute();
}
