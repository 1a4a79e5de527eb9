import { z } from 'zod';

/** Opaque record id (UUIDv7 on this server, but clients must not rely on the format). */
export const IdSchema = z.string().min(1).max(64);
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });
export const IsoDateSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** Length caps for free text, so no field can carry megabytes. */
/** NUL cannot be stored by PostgreSQL and never belongs in CRM text. */
const hasNoNul = (value: string) => !value.includes('\u0000');
const noNul = 'Must not contain NUL characters';
export const shortText = (max = 200) => z.string().trim().max(max).refine(hasNoNul, noNul);
export const requiredText = (max = 200) =>
  z.string().trim().min(1, 'Required').max(max).refine(hasNoNul, noNul);
export const longText = (max = 10_000) => z.string().max(max).refine(hasNoNul, noNul);

export const SuccessSchema = z.object({ success: z.literal(true) });
export type Success = z.infer<typeof SuccessSchema>;

export const PageMetaSchema = z.object({
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  limit: z.number().int().positive(),
});
export type PageMeta = z.infer<typeof PageMetaSchema>;

/** `{ data: [...], meta: { total, page, limit } }` — the envelope of every list route. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), meta: PageMetaSchema });
export type List<T> = { data: T[]; meta: PageMeta };

export const DEFAULT_PAGE_LIMIT = 25;
export const MAX_PAGE_LIMIT = 100;

/** page/limit/sort of every list route; `sort` is `field` or `-field` (fields checked per route). */
export const PageQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT),
  sort: z
    .string()
    .regex(/^-?[a-zA-Z]+$/, 'Use field or -field')
    .optional(),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

/** A `sort` parameter restricted to the given fields, each allowed ascending or descending. */
export const sortOf = <F extends string>(fields: readonly [F, ...F[]]) =>
  z.enum(fields.flatMap((f) => [f, `-${f}`]) as [F | `-${F}`, ...(F | `-${F}`)[]]);

export const IdParamsSchema = z.strictObject({ id: IdSchema });

export const PrioritySchema = z.enum(['low', 'medium', 'high']);
export type Priority = z.infer<typeof PrioritySchema>;

export const SentimentSchema = z.enum(['positive', 'neutral', 'negative']);
export type Sentiment = z.infer<typeof SentimentSchema>;

/** Whole-number score on a 0–100 scale (health, churn risk, probability, AI confidence). */
export const ScoreSchema = z.number().int().min(0).max(100);
/** A share in percent; unlike a score it may carry decimals (percentages that sum to 100). */
export const PercentSchema = z.number().min(0).max(100);
export const CountSchema = z.number().int().nonnegative();
/** Money in the organization's currency; z.number() already rejects NaN and Infinity. */
export const MoneySchema = z.number().nonnegative();
/** Durations and response times are whole minutes, so clients format them as they like. */
export const MinutesSchema = z.number().int().nonnegative();

export const EmailAddressSchema = z.email('Enter a valid email address').max(254);
export const UrlSchema = z.url().max(2000);

/** Query strings carry text: only the literals 'true' and 'false' become booleans. */
export const BooleanQuerySchema = z.enum(['true', 'false']).transform((v) => v === 'true');

export const TagNameSchema = requiredText(50);
export const TagListSchema = z.array(TagNameSchema).max(50);

/** Coarse confidence of a derived figure (deal probability, forecast). */
export const ConfidenceLevelSchema = z.enum(['high', 'medium', 'low']);
export type ConfidenceLevel = z.infer<typeof ConfidenceLevelSchema>;

/** Urgency gets a fourth level above 'high' so escalations ("legal", "cancel today") stand out. */
export const UrgencySchema = z.enum(['low', 'medium', 'high', 'critical']);
export type Urgency = z.infer<typeof UrgencySchema>;

/** A fixed set of tones (not free text) so the UI can colour them and the local engine can map to them. */
export const EmotionalToneSchema = z.enum([
  'excited',
  'happy',
  'grateful',
  'neutral',
  'confused',
  'concerned',
  'frustrated',
  'angry',
]);
export type EmotionalTone = z.infer<typeof EmotionalToneSchema>;
