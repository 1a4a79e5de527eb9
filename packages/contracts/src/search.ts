import { z } from 'zod';
import { IdSchema, IsoDateSchema, MoneySchema, PrioritySchema, requiredText } from './common';
import { CalendarEventSummarySchema } from './calendar';
import { ContactFilterSchema, ContactSummarySchema } from './contacts';
import { MessageSchema } from './conversations';
import { DealFilterSchema, DealStageSchema, DealSummarySchema } from './deals';

export const SearchTypeSchema = z.enum(['all', 'contacts', 'deals', 'messages', 'events']);
export type SearchType = z.infer<typeof SearchTypeSchema>;

export const SearchQuerySchema = z.strictObject({
  q: requiredText(200),
  type: SearchTypeSchema.default('all'),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

/** Sections not asked for by `type` come back empty. */
export const SearchResultSchema = z.object({
  contacts: z.array(ContactSummarySchema),
  deals: z.array(DealSummarySchema),
  messages: z.array(MessageSchema),
  events: z.array(CalendarEventSummarySchema),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const NlQueryBodySchema = z.strictObject({ query: requiredText(500) });
export type NlQueryBody = z.infer<typeof NlQueryBodySchema>;

/** What the user is looking for; 'unknown' when nothing in the sentence could be read. */
export const NlQueryIntentSchema = z.enum([
  'find-contacts',
  'find-deals',
  'find-messages',
  'find-events',
  'unknown',
]);
export type NlQueryIntent = z.infer<typeof NlQueryIntentSchema>;

/** Filters the list routes understand, so the web app can apply them without translating. */
export const NlQueryFiltersSchema = z.object({
  stage: DealStageSchema.optional(),
  dealFilter: DealFilterSchema.optional(),
  contactFilter: ContactFilterSchema.optional(),
  minValue: MoneySchema.optional(),
  maxValue: MoneySchema.optional(),
  /** Inclusive date range resolved from phrases like "this month" or "next Friday". */
  dateFrom: IsoDateSchema.optional(),
  dateTo: IsoDateSchema.optional(),
  priority: PrioritySchema.optional(),
  contactId: IdSchema.optional(),
  company: z.string().optional(),
  search: z.string().optional(),
});
export type NlQueryFilters = z.infer<typeof NlQueryFiltersSchema>;

export const NlEntityTypeSchema = z.enum(['stage', 'contact', 'company', 'date', 'amount']);

export const NlEntitySchema = z.object({
  type: NlEntityTypeSchema,
  /** The words as typed ("over 50k"). */
  text: z.string(),
  /** The resolved value (50000, '2025-03-31', 'negotiation', a contact id). */
  value: z.union([z.string(), z.number()]),
});
export type NlEntity = z.infer<typeof NlEntitySchema>;

export const NlQueryResultSchema = z.object({
  intent: NlQueryIntentSchema,
  filters: NlQueryFiltersSchema,
  entities: z.array(NlEntitySchema),
  /** An app path with query string, e.g. `/deals?minValue=50000&closeFrom=2025-03-01&closeTo=2025-03-31`. */
  suggestedRoute: z.string(),
});
export type NlQueryResult = z.infer<typeof NlQueryResultSchema>;
