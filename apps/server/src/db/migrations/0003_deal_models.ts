import type { Kysely } from 'kysely';
import { columnTypes } from '../column-types';

// The per-organization deal win model (see ai/deal-probability/model.ts) and the stage history
// it trains on: a closed deal is described by the last open stage it reached, which the deal row
// alone forgets once the stage becomes closed-won or closed-lost.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('deal_models')
    .addColumn('organization_id', t.id, (c) =>
      c.primaryKey().references('organizations.id').onDelete('cascade'),
    )
    // JSON: DealModel (weights, standardisation, training size).
    .addColumn('model', t.json, (c) => c.notNull())
    .addColumn('trained_on', 'integer', (c) => c.notNull())
    .addColumn('fitted_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('deal_stage_changes')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('deal_id', t.id, (c) => c.notNull().references('deals.id').onDelete('cascade'))
    // null for the stage a deal was created in.
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('changed_by', t.id, (c) => c.references('users.id'))
    .addColumn('changed_at', t.timestamp, (c) => c.notNull())
    .execute();
  // Model training reads each closed deal's latest change; the deal detail could show the history.
  await db.schema
    .createIndex('deal_stage_changes_deal_idx')
    .on('deal_stage_changes')
    .columns(['deal_id', 'changed_at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('deal_stage_changes').ifExists().execute();
  await db.schema.dropTable('deal_models').ifExists().execute();
}
