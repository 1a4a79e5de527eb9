import { sql } from 'kysely';
import type { TaggableEntity } from '../../db/schema';
import type { Tx } from '../../db/tx';
import { newId } from '../../platform/ids';

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

/** Finds or creates the organization's tags by name (reviving deleted ones), returning their ids. */
export async function ensureTags(
  tx: Tx,
  organizationId: string,
  names: readonly string[],
  now: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (const name of new Set(names.map((n) => n.trim()).filter(Boolean))) {
    const existing = await tx
      .selectFrom('tags')
      .select(['id', 'deleted_at'])
      .where('organization_id', '=', organizationId)
      .where('name', '=', name)
      .executeTakeFirst();
    if (existing) {
      if (existing.deleted_at)
        await tx
          .updateTable('tags')
          .set({ deleted_at: null })
          .where('id', '=', existing.id)
          .execute();
      ids.push(existing.id);
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
