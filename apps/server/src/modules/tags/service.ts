import type { CreateTagBody, List, Tag, TagsQuery } from '@flow/contracts';
import { isUniqueViolation } from '../../db/errors';
import type { TagRow } from '../../db/schema';
import { conflict, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { pageOf } from '../../platform/pagination';
import type { Scope } from '../../platform/scope';
import type { ServiceDeps } from '../registry';
import * as repo from './repository';

export function toTag(row: TagRow): Tag {
  return { id: row.id, name: row.name, ...(row.color ? { color: row.color } : {}) };
}

const duplicateName = () =>
  conflict('A tag with this name already exists', {
    fields: { name: ['Already used by another tag (names ignore case)'] },
  });

/**
 * API.md §9: the organization's shared tag catalogue. Records carry tags by name, so a tag is
 * also created implicitly the first time a record uses it (tags/repository ensureTags).
 */
export function createTagsService({ db, mutate, clock }: ServiceDeps) {
  return {
    async list(scope: Scope, query: TagsQuery): Promise<List<Tag>> {
      const { rows, total } = await repo.listTags(db, scope, query);
      return pageOf(rows.map(toTag), total, query);
    },

    /** Names are unique per organization ignoring case; a deleted name is revived, not copied. */
    async create(scope: Scope, body: CreateTagBody): Promise<Tag> {
      const stamp = clock().toISOString();
      try {
        return await mutate(async (tx) => {
          const existing = await repo.findTagByName(tx, scope.organizationId, body.name);
          if (existing && existing.deleted_at === null) throw duplicateName();
          const color = body.color?.toLowerCase() ?? null;
          if (existing) {
            await repo.reviveTag(tx, existing.id, { name: body.name, color });
            return toTag(await repo.readTag(tx, existing.id));
          }
          const row: TagRow = {
            id: newId(),
            organization_id: scope.organizationId,
            name: body.name,
            color,
            created_at: stamp,
            deleted_at: null,
          };
          await repo.insertTag(tx, row);
          return toTag(row);
        });
      } catch (error) {
        // Two people creating the same name at once: the unique index settles it.
        if (isUniqueViolation(error)) throw duplicateName();
        throw error;
      }
    },

    /**
     * Soft delete; its taggings go, so the name disappears from every record at once. API.md §10
     * has no tag event and records are not re-announced one by one: lists show it on next fetch.
     */
    async remove(scope: Scope, id: string): Promise<void> {
      const stamp = clock().toISOString();
      await mutate(async (tx) => {
        if (!(await repo.findTag(tx, scope, id))) throw notFound('Tag');
        await repo.softDeleteTag(tx, id, stamp);
      });
    },
  };
}
export type TagsService = ReturnType<typeof createTagsService>;
