import { closedDealStages, type DealStage } from '@flow/contracts';
import { OPEN_STAGES } from '../../ai/deal-probability';
import type { DealActivityRow, DealRow } from '../../db/schema';
import type { Tx } from '../../db/tx';

// Storage of the per-organization deal model and the training set it is fitted on.

const CLOSED: DealStage[] = [...closedDealStages];
const OPEN: DealStage[] = [...OPEN_STAGES];

export async function storedModel(db: Tx, organizationId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('deal_models')
    .select('model')
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return row?.model;
}

export async function saveModel(
  db: Tx,
  organizationId: string,
  model: string,
  trainedOn: number,
  fittedAt: string,
): Promise<void> {
  await db
    .insertInto('deal_models')
    .values({ organization_id: organizationId, model, trained_on: trainedOn, fitted_at: fittedAt })
    .onConflict((oc) =>
      oc
        .column('organization_id')
        .doUpdateSet({ model, trained_on: trainedOn, fitted_at: fittedAt }),
    )
    .execute();
}

export async function closedDealCount(db: Tx, organizationId: string): Promise<number> {
  const row = await db
    .selectFrom('deals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId)
    .where('stage', 'in', CLOSED)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface TrainingDeal {
  deal: DealRow;
  activities: DealActivityRow[];
  /** The last open stage the deal was in before it closed, when its history recorded one. */
  lastOpenStage?: DealStage;
}

/** The organization's closed, live deals with their activities and last open stage. */
export async function trainingDeals(db: Tx, organizationId: string): Promise<TrainingDeal[]> {
  const closedDeals = db
    .selectFrom('deals')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('stage', 'in', CLOSED)
    .where('deleted_at', 'is', null);
  const [deals, activities, changes] = await Promise.all([
    db
      .selectFrom('deals')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('stage', 'in', CLOSED)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('deal_activities')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('deal_id', 'in', closedDeals)
      .execute(),
    db
      .selectFrom('deal_stage_changes')
      .select(['deal_id', 'to_stage', 'changed_at', 'id'])
      .where('organization_id', '=', organizationId)
      .where('to_stage', 'in', OPEN)
      .where('deal_id', 'in', closedDeals)
      .orderBy('changed_at')
      .orderBy('id')
      .execute(),
  ]);
  const byDeal = new Map<string, TrainingDeal>(
    deals.map((d) => [d.id, { deal: d, activities: [] }]),
  );
  for (const a of activities) byDeal.get(a.deal_id)?.activities.push(a);
  // Ordered oldest first: the last write per deal is its latest open stage.
  for (const c of changes) {
    const entry = byDeal.get(c.deal_id);
    if (entry) entry.lastOpenStage = c.to_stage;
  }
  return [...byDeal.values()];
}
