import { sql } from 'kysely';
import type { TaggableEntity, TagRow } from '../../db/schema';
import type { Tx } from '../../db/tx';
import { newId } from '../../platform/ids';
import { likePattern, offsetOf, orderOf } from '../../platform/pagination';
import { inOrganization, type Scope } from '../../platform/scope';
import type { TagsQuery } from '@flow/contracts';

/** Tag names per record, for a page of records in one query. */
export async function tagNamesOf(
  db: Tx,
  organizationId: string,
  entityType: TaggableEntity,
  entityIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byEntity = new Map<string, string[]>(entityIds.map((id) => [id, []]));
  if (entityIds.length === 0) return byEntity;
  const rows = await db
    .selectFrom('taggings')
    .innerJoin('tags', 'tags.id', 'taggings.tag_id')
    .select(['taggings.entity_id as entityId', 'tags.name as name'])
    .where('taggings.organization_id', '=', organizationId)
    .where('taggings.entity_type', '=', entityType)
    .where('taggings.entity_id', 'in', [...entityIds])
    .where('tags.deleted_at', 'is', null)
    .orderBy('tags.name')
    .execute();
  for (const row of rows) byEntity.get(row.entityId)?.push(row.name);
  return byEntity;
}

/** Ids of the records of a type carrying the named tag — as a subquery for list filters. */
export function entitiesTagged(
  db: Tx,
  organizationId: string,
  entityType: TaggableEntity,
  name: string,
) {
  return db
    .selectFrom('taggings')
    .innerJoin('tags', 'tags.id', 'taggings.tag_id')
    .select('taggings.entity_id')
    .where('taggings.organization_id', '=', organizationId)
    .where('taggings.entity_type', '=', entityType)
    .where(sql`lower(tags.name)`, '=', name.toLowerCase())
    .where('tags.deleted_at', 'is', null);
}

/**
 * The organization's tag with this name in any case, live or deleted: "vip" reuses "VIP", as
 * POST /api/tags refuses a name differing only in case. An exact spelling wins if both exist.
 */
export async function findTagByName(
  db: Tx,
  organizationId: string,
  name: string,
): Promise<{ id: string; name: string; deleted_at: string | null } | undefined> {
  const rows = await db
    .selectFrom('tags')
    .select(['id', 'name', 'deleted_at'])
    .where('organization_id', '=', organizationId)
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .execute();
  return rows.find((r) => r.name === name) ?? rows.find((r) => r.deleted_at === null) ?? rows[0];
}

/** Finds or creates the organization's tags by name (reviving deleted ones), returning their ids. */
export async function ensureTags(
  tx: Tx,
  organizationId: string,
  names: readonly string[],
  now: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (const name of new Set(names.map((n) => n.trim()).filter(Boolean))) {
    const existing = await findTagByName(tx, organizationId, name);
    if (existing) {
      if (existing.deleted_at)
        await tx
          .updateTable('tags')
          .set({ deleted_at: null })
          .where('id', '=', existing.id)
          .execute();
      // "VIP" and "vip" in one list are the same tag: one id, so one tagging.
      if (!ids.includes(existing.id)) ids.push(existing.id);
    } else {
      const id = newId();
      await tx
        .insertInto('tags')
        .values({
          id,
          organization_id: organizationId,
          name,
          color: null,
          created_at: now,
          deleted_at: null,
        })
        .execute();
      ids.push(id);
    }
  }
  return ids;
}

/** Replaces the tags of one record. */
export async function setEntityTags(
  tx: Tx,
  organizationId: string,
  entityType: TaggableEntity,
  entityId: string,
  names: readonly string[],
  now: string,
): Promise<void> {
  const tagIds = await ensureTags(tx, organizationId, names, now);
  await tx
    .deleteFrom('taggings')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .execute();
  if (tagIds.length === 0) return;
  await tx
    .insertInto('taggings')
    .values(
      tagIds.map((tag_id) => ({
        organization_id: organizationId,
        tag_id,
        entity_type: entityType,
        entity_id: entityId,
        created_at: now,
      })),
    )
    .execute();
}

/** Adds one tag to a record (idempotent). */
export async function addEntityTag(
  tx: Tx,
  organizationId: string,
  entityType: TaggableEntity,
  entityId: string,
  name: string,
  now: string,
): Promise<void> {
  const [tagId] = await ensureTags(tx, organizationId, [name], now);
  if (!tagId) return;
  const present = await tx
    .selectFrom('taggings')
    .select('tag_id')
    .where('tag_id', '=', tagId)
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  if (!present) {
    await tx
      .insertInto('taggings')
      .values({
        organization_id: organizationId,
        tag_id: tagId,
        entity_type: entityType,
        entity_id: entityId,
        created_at: now,
      })
      .execute();
  }
}

// ─── the tag catalogue (GET/POST/DELETE /api/tags) ────────────────────────

function liveTags(db: Tx, scope: Scope) {
  return db
    .selectFrom('tags')
    .$call(inOrganization(scope, 'tags'))
    .where('tags.deleted_at', 'is', null);
}

export async function listTags(db: Tx, scope: Scope, query: TagsQuery) {
  let base = liveTags(db, scope);
  if (query.search) base = base.where(sql`lower(tags.name)`, 'like', likePattern(query.search));
  const { direction } = orderOf(query.sort, { name: 'name' }, 'name');
  const [rows, count] = await Promise.all([
    base
      .selectAll('tags')
      .orderBy(sql`lower(tags.name)`, direction)
      .orderBy('tags.id', direction)
      .limit(query.limit)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function findTag(db: Tx, scope: Scope, id: string): Promise<TagRow | undefined> {
  return liveTags(db, scope).selectAll('tags').where('tags.id', '=', id).executeTakeFirst();
}

export async function insertTag(tx: Tx, row: TagRow): Promise<void> {
  await tx.insertInto('tags').values(row).execute();
}

/** Brings a deleted tag back under the spelling and colour just asked for. */
export async function reviveTag(
  tx: Tx,
  id: string,
  changes: { name: string; color: string | null },
): Promise<void> {
  await tx
    .updateTable('tags')
    .set({ ...changes, deleted_at: null })
    .where('id', '=', id)
    .execute();
}

/** Soft-deletes the tag and detaches it from every record (data-model.md: taggings go). */
export async function softDeleteTag(tx: Tx, id: string, now: string): Promise<void> {
  await tx.updateTable('tags').set({ deleted_at: now }).where('id', '=', id).execute();
  await tx.deleteFrom('taggings').where('tag_id', '=', id).execute();
}

export function readTag(db: Tx, id: string): Promise<TagRow> {
  return db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/**
 * Tags many new records at once (imports): each name is resolved once, then one insert per
 * chunk. The records must have no taggings yet.
 */
export async function tagNewEntities(
  tx: Tx,
  organizationId: string,
  entityType: TaggableEntity,
  entries: readonly { entityId: string; names: readonly string[] }[],
  now: string,
): Promise<void> {
  const idOf = new Map<string, string>();
  for (const name of entries.flatMap((e) => e.names.map((n) => n.trim()))) {
    if (!name || idOf.has(name.toLowerCase())) continue;
    const [id] = await ensureTags(tx, organizationId, [name], now);
    if (id) idOf.set(name.toLowerCase(), id);
  }
  if (idOf.size === 0) return;
  const rows = entries.flatMap((e) =>
    [...new Set(e.names.map((n) => idOf.get(n.trim().toLowerCase())))]
      .filter((tagId): tagId is string => Boolean(tagId))
      .map((tag_id) => ({
        organization_id: organizationId,
        tag_id,
        entity_type: entityType,
        entity_id: e.entityId,
        created_at: now,
      })),
  );
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insertInto('taggings')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}
