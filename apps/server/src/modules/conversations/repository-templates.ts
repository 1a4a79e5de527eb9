import type { ApiKeysQuery, TemplateCategory } from '@flow/contracts';
import type { Insertable, Updateable } from 'kysely';
import type { Database, MessageTemplateRow, MessageTemplatesTable } from '../../db/schema';
import type { Tx } from '../../db/tx';
import { offsetOf, orderOf } from '../../platform/pagination';
import type { Scope } from '../../platform/scope';

// Message templates (system rows have owner_id null) and the organization's API keys.

/** System templates of the caller's organization plus the caller's own, system first. */
export function templatesFor(
  db: Tx,
  scope: Scope,
  category?: TemplateCategory,
): Promise<MessageTemplateRow[]> {
  let query = db
    .selectFrom('message_templates')
    .selectAll()
    .where('organization_id', '=', scope.organizationId)
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', scope.userId)]));
  if (category) query = query.where('category', '=', category);
  return query
    .orderBy((eb) => eb.case().when('owner_id', 'is', null).then(0).else(1).end())
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** A template the caller can read (system or own); the service decides whether it may change it. */
export function readableTemplate(
  db: Tx,
  scope: Scope,
  id: string,
): Promise<MessageTemplateRow | undefined> {
  return db
    .selectFrom('message_templates')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', scope.organizationId)
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', scope.userId)]))
    .executeTakeFirst();
}

export async function insertTemplate(
  tx: Tx,
  row: Insertable<MessageTemplatesTable>,
): Promise<MessageTemplateRow> {
  await tx.insertInto('message_templates').values(row).execute();
  return tx
    .selectFrom('message_templates')
    .selectAll()
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
}

/** Only the owner's row changes: the owner predicate is part of the statement. */
export async function updateOwnTemplate(
  tx: Tx,
  scope: Scope,
  id: string,
  changes: Updateable<MessageTemplatesTable>,
): Promise<MessageTemplateRow | undefined> {
  await tx
    .updateTable('message_templates')
    .set(changes)
    .where('id', '=', id)
    .where('organization_id', '=', scope.organizationId)
    .where('owner_id', '=', scope.userId)
    .where('deleted_at', 'is', null)
    .execute();
  return tx
    .selectFrom('message_templates')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function softDeleteOwnTemplate(
  tx: Tx,
  scope: Scope,
  id: string,
  now: string,
): Promise<boolean> {
  const result = await tx
    .updateTable('message_templates')
    .set({ deleted_at: now, updated_at: now })
    .where('id', '=', id)
    .where('organization_id', '=', scope.organizationId)
    .where('owner_id', '=', scope.userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ─── API keys ──────────────────────────────────────────────────────────────

export type ApiKeyRow = Database['api_keys'];

const keySortColumns = { createdAt: 'created_at', name: 'name' } as const;

export async function listApiKeys(db: Tx, organizationId: string, query: ApiKeysQuery) {
  const base = db.selectFrom('api_keys').where('organization_id', '=', organizationId);
  const { column, direction } = orderOf(query.sort, keySortColumns, '-createdAt');
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy(column, direction)
      .orderBy('id', direction)
      .limit(query.limit)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insertApiKey(tx: Tx, row: ApiKeyRow): Promise<void> {
  await tx.insertInto('api_keys').values(row).execute();
}

export function apiKeyByHash(db: Tx, hash: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('key_hash', '=', hash).executeTakeFirst();
}

/** Revokes a live key of the organization; false when there is none to revoke. */
export async function revokeApiKey(
  tx: Tx,
  organizationId: string,
  id: string,
  now: string,
): Promise<boolean> {
  const result = await tx
    .updateTable('api_keys')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function touchApiKey(tx: Tx, id: string, now: string): Promise<void> {
  await tx.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', id).execute();
}
