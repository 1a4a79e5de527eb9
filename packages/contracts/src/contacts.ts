import { z } from 'zod';
import {
  CountSchema,
  EmailAddressSchema,
  IdSchema,
  IsoDateTimeSchema,
  MoneySchema,
  PageQuerySchema,
  ScoreSchema,
  SentimentSchema,
  TagListSchema,
  TagNameSchema,
  UrlSchema,
  listOf,
  longText,
  requiredText,
  shortText,
  sortOf,
} from './common';

/** Follows healthScore: > 70 high, > 40 medium, else low (API.md §5). */
export const RelationshipHealthSchema = z.enum(['high', 'medium', 'low']);
export type RelationshipHealth = z.infer<typeof RelationshipHealthSchema>;

export const CommunicationTypeSchema = z.enum(['email', 'call', 'meeting', 'note']);
export type CommunicationType = z.infer<typeof CommunicationTypeSchema>;

export const AIInsightTypeSchema = z.enum(['opportunity', 'risk', 'suggestion', 'trend']);
export type AIInsightType = z.infer<typeof AIInsightTypeSchema>;

export const ContactFilterSchema = z.enum(['all', 'high-value', 'at-risk', 'recent']);
export type ContactFilter = z.infer<typeof ContactFilterSchema>;

export const CommunicationEventSchema = z.object({
  id: IdSchema,
  type: CommunicationTypeSchema,
  date: IsoDateTimeSchema,
  subject: z.string().optional(),
  summary: z.string(),
  sentiment: SentimentSchema,
  /** A short prose reading of the event (API.md leaves its shape open; the UI shows it as text). */
  aiAnalysis: z.string().optional(),
});
export type CommunicationEvent = z.infer<typeof CommunicationEventSchema>;

export const AIInsightSchema = z.object({
  id: IdSchema,
  type: AIInsightTypeSchema,
  title: z.string(),
  description: z.string(),
  confidence: ScoreSchema,
  actionable: z.boolean(),
  suggestedAction: z.string().optional(),
  date: IsoDateTimeSchema,
});
export type AIInsight = z.infer<typeof AIInsightSchema>;

/** A contact as lists show it; the detail route adds the history and insights (ContactSchema). */
export const ContactSummarySchema = z.object({
  id: IdSchema,
  ownerId: IdSchema,
  name: z.string(),
  /** Plain string: contacts created from an inbound SMS may not have an email yet (''). */
  email: z.string(),
  phone: z.string(),
  company: z.string(),
  title: z.string(),
  avatar: z.string().optional(),
  relationshipHealth: RelationshipHealthSchema,
  healthScore: ScoreSchema,
  /** null until the first communication is logged. */
  lastContact: IsoDateTimeSchema.nullable(),
  nextFollowUp: IsoDateTimeSchema.optional(),
  sentiment: SentimentSchema,
  churnRisk: ScoreSchema,
  totalDeals: CountSchema,
  totalValue: MoneySchema,
  tags: z.array(z.string()),
  notes: z.array(z.string()),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});
export type ContactSummary = z.infer<typeof ContactSummarySchema>;

export const ContactSchema = ContactSummarySchema.extend({
  communicationHistory: z.array(CommunicationEventSchema),
  aiInsights: z.array(AIInsightSchema),
});
export type Contact = z.infer<typeof ContactSchema>;

export const ContactListResponseSchema = listOf(ContactSummarySchema);

export const ContactsQuerySchema = PageQuerySchema.extend({
  /** Matches name, company and email. */
  search: shortText(200).optional(),
  filter: ContactFilterSchema.default('all'),
  tag: TagNameSchema.optional(),
  /** Default order (when omitted): -healthScore. */
  sort: sortOf([
    'name',
    'company',
    'healthScore',
    'churnRisk',
    'lastContact',
    'nextFollowUp',
    'totalValue',
    'createdAt',
  ]).optional(),
});
export type ContactsQuery = z.infer<typeof ContactsQuerySchema>;

export const ContactStatsSchema = z.object({
  total: CountSchema,
  highValue: CountSchema,
  atRisk: CountSchema,
  needsFollowUp: CountSchema,
});
export type ContactStats = z.infer<typeof ContactStatsSchema>;

const NotesSchema = z.array(longText(5_000)).max(200);

/** Everything a user may set; health, sentiment, churn risk and totals are computed by the server. */
export const CreateContactBodySchema = z.strictObject({
  name: requiredText(120),
  email: EmailAddressSchema,
  phone: shortText(50).optional(),
  company: shortText(200).optional(),
  title: shortText(200).optional(),
  avatar: UrlSchema.optional(),
  nextFollowUp: IsoDateTimeSchema.optional(),
  tags: TagListSchema.optional(),
  notes: NotesSchema.optional(),
  /** Managers and admins may create on behalf of a colleague; a sales user may only name themselves. */
  ownerId: IdSchema.optional(),
});
export type CreateContactBody = z.infer<typeof CreateContactBodySchema>;

export const UpdateContactBodySchema = CreateContactBodySchema.partial().extend({
  /** null clears the field. */
  avatar: UrlSchema.nullable().optional(),
  nextFollowUp: IsoDateTimeSchema.nullable().optional(),
  /** The `updatedAt` the client last saw; a newer stored version answers CONFLICT. */
  ifUnmodifiedSince: IsoDateTimeSchema.optional(),
});
export type UpdateContactBody = z.infer<typeof UpdateContactBodySchema>;

export const AddCommunicationBodySchema = z.strictObject({
  type: CommunicationTypeSchema,
  date: IsoDateTimeSchema,
  subject: shortText(300).optional(),
  summary: requiredText(10_000),
});
export type AddCommunicationBody = z.infer<typeof AddCommunicationBodySchema>;

export const AIInsightListSchema = z.array(AIInsightSchema);
