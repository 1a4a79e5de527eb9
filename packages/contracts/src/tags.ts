import { z } from 'zod';
import { IdSchema, PageQuerySchema, TagNameSchema, listOf, shortText, sortOf } from './common';

/** `#rrggbb`, so every client can render it without parsing colour names. */
export const TagColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a #rrggbb colour');

/** Tags are shared by the whole organization; records carry them by name. */
export const TagSchema = z.object({
  id: IdSchema,
  name: z.string(),
  color: z.string().optional(),
});
export type Tag = z.infer<typeof TagSchema>;

export const TagListResponseSchema = listOf(TagSchema);

export const TagsQuerySchema = PageQuerySchema.extend({
  search: shortText(50).optional(),
  sort: sortOf(['name']).optional(),
});
export type TagsQuery = z.infer<typeof TagsQuerySchema>;

export const CreateTagBodySchema = z.strictObject({
  name: TagNameSchema,
  color: TagColorSchema.optional(),
});
export type CreateTagBody = z.infer<typeof CreateTagBodySchema>;
