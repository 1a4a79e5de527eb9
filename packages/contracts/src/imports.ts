import { z } from 'zod';
import { CountSchema, IdSchema } from './common';

export const ImportEntitySchema = z.enum(['contacts', 'deals']);
export type ImportEntity = z.infer<typeof ImportEntitySchema>;

/**
 * Query of `POST /api/import/<entity>`: the client may choose the import id, so it can follow the
 * `import:progress` events of its upload before the response arrives.
 */
export const ImportQuerySchema = z.strictObject({
  importId: IdSchema.optional(),
});
export type ImportQuery = z.infer<typeof ImportQuerySchema>;

export const ImportRowErrorSchema = z.object({
  /** 1-based line in the file; the header is line 1, so data starts at 2. */
  row: z.number().int().positive(),
  /** The CSV column at fault; null when the whole row is unusable (e.g. wrong column count). */
  field: z.string().nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

export const ImportResultSchema = z.object({
  importId: IdSchema,
  imported: CountSchema,
  skipped: CountSchema,
  errors: z.array(ImportRowErrorSchema),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;
