import { z } from 'zod';
import {
  ConfidenceLevelSchema,
  CountSchema,
  IdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  MoneySchema,
  PageQuerySchema,
  PrioritySchema,
  ScoreSchema,
  TagListSchema,
  listOf,
  longText,
  requiredText,
  shortText,
  sortOf,
} from './common';

export const dealStages = [
  'prospect',
  'qualified',
  'proposal',
  'negotiation',
  'closed-won',
  'closed-lost',
] as const;
export const DealStageSchema = z.enum(dealStages);
export type DealStage = z.infer<typeof DealStageSchema>;

/** Stages that end a deal; moving into one sets `closedDate`. */
export const closedDealStages = [
  'closed-won',
  'closed-lost',
] as const satisfies readonly DealStage[];

export const DealFilterSchema = z.enum(['all', 'hot', 'at-risk', 'closing-soon']);
export type DealFilter = z.infer<typeof DealFilterSchema>;

export const DealActivityTypeSchema = z.enum([
  'call',
  'email',
  'meeting',
  'proposal',
  'demo',
  'note',
]);
export type DealActivityType = z.infer<typeof DealActivityTypeSchema>;

export const DealInsightTypeSchema = z.enum(['opportunity', 'risk', 'suggestion', 'competitor']);
export type DealInsightType = z.infer<typeof DealInsightTypeSchema>;

/** How much an insight could move the deal; three levels like priority, so cards can sort by it. */
export const ImpactSchema = z.enum(['low', 'medium', 'high']);
export type Impact = z.infer<typeof ImpactSchema>;

export const DealActivitySchema = z.object({
  id: IdSchema,
  dealId: IdSchema,
  type: DealActivityTypeSchema,
  date: IsoDateTimeSchema,
  description: z.string(),
  outcome: z.string().optional(),
  nextStep: z.string().optional(),
});
export type DealActivity = z.infer<typeof DealActivitySchema>;

export const DealInsightSchema = z.object({
  id: IdSchema,
  type: DealInsightTypeSchema,
  title: z.string(),
  description: z.string(),
  impact: ImpactSchema,
  actionable: z.boolean(),
  suggestedAction: z.string().optional(),
  confidence: ScoreSchema,
  date: IsoDateTimeSchema,
});
export type DealInsight = z.infer<typeof DealInsightSchema>;

/** A deal as the Kanban board and lists show it; the detail route adds activities and insights. */
export const DealSummarySchema = z.object({
  id: IdSchema,
  ownerId: IdSchema,
  title: z.string(),
  contactId: IdSchema,
  contactName: z.string(),
  company: z.string(),
  value: MoneySchema,
  stage: DealStageSchema,
  probability: ScoreSchema,
  /** A level, not a number: API.md defines it from recent activity and the signal/risk ratio. */
  confidence: ConfidenceLevelSchema,
  /** A calendar day; a date-only string or a full timestamp. */
  expectedCloseDate: IsoDateSchema,
  createdDate: IsoDateTimeSchema,
  closedDate: IsoDateTimeSchema.optional(),
  /** Starts at `createdDate`, so it is never empty. */
  lastActivity: IsoDateTimeSchema,
  description: z.string(),
  tags: z.array(z.string()),
  /** The competitor's name as mentioned. */
  competitorMentioned: z.string().optional(),
  riskFactors: z.array(z.string()),
  positiveSignals: z.array(z.string()),
  priority: PrioritySchema,
  probabilityReasoning: z.array(z.string()),
  /** Added to API.md's list so updates can send `ifUnmodifiedSince` (CONFLICT on stale writes). */
  updatedAt: IsoDateTimeSchema,
});
export type DealSummary = z.infer<typeof DealSummarySchema>;

export const DealSchema = DealSummarySchema.extend({
  activities: z.array(DealActivitySchema),
  aiInsights: z.array(DealInsightSchema),
});
export type Deal = z.infer<typeof DealSchema>;

export const DealListResponseSchema = listOf(DealSummarySchema);

export const DealsQuerySchema = PageQuerySchema.extend({
  filter: DealFilterSchema.default('all'),
  /** Matches title, company and contact name. */
  search: shortText(200).optional(),
  stage: DealStageSchema.optional(),
  /** Beyond API.md's list, so natural-language query results ("over 50k this month") apply as is. */
  minValue: z.coerce.number().nonnegative().optional(),
  maxValue: z.coerce.number().nonnegative().optional(),
  closeFrom: IsoDateSchema.optional(),
  closeTo: IsoDateSchema.optional(),
  /** Default order (when omitted): -probability. */
  sort: sortOf([
    'title',
    'company',
    'value',
    'probability',
    'expectedCloseDate',
    'createdDate',
    'lastActivity',
  ]).optional(),
});
export type DealsQuery = z.infer<typeof DealsQuerySchema>;

/** Probability, confidence, signals and insights are the engine's; the user sets the facts. */
export const CreateDealBodySchema = z.strictObject({
  title: requiredText(200),
  contactId: IdSchema,
  value: MoneySchema,
  stage: DealStageSchema.optional(),
  expectedCloseDate: IsoDateSchema,
  description: longText(10_000).optional(),
  tags: TagListSchema.optional(),
  competitorMentioned: shortText(200).optional(),
  priority: PrioritySchema.optional(),
  /** Managers and admins may assign a colleague; a sales user may only name themselves. */
  ownerId: IdSchema.optional(),
});
export type CreateDealBody = z.infer<typeof CreateDealBodySchema>;

export const UpdateDealBodySchema = CreateDealBodySchema.partial().extend({
  /** null clears it (the competitor is no longer in play). */
  competitorMentioned: shortText(200).nullable().optional(),
  /** The `updatedAt` the client last saw; a newer stored version answers CONFLICT. */
  ifUnmodifiedSince: IsoDateTimeSchema.optional(),
});
export type UpdateDealBody = z.infer<typeof UpdateDealBodySchema>;

export const ChangeDealStageBodySchema = z.strictObject({ stage: DealStageSchema });
export type ChangeDealStageBody = z.infer<typeof ChangeDealStageBodySchema>;

export const AddDealActivityBodySchema = z.strictObject({
  type: DealActivityTypeSchema,
  date: IsoDateTimeSchema,
  description: requiredText(10_000),
  outcome: shortText(2_000).optional(),
  nextStep: shortText(2_000).optional(),
});
export type AddDealActivityBody = z.infer<typeof AddDealActivityBodySchema>;

export const DealForecastSchema = z.object({
  /** Sum of open deal values. */
  totalPipeline: MoneySchema,
  /** Σ value × probability / 100 over open deals. */
  weightedForecast: MoneySchema,
  /** Number of open deals expected to close this calendar month. */
  dealsClosingThisMonth: CountSchema,
  /** Weighted value of those deals: a single amount, not a series. */
  monthlyForecast: MoneySchema,
});
export type DealForecast = z.infer<typeof DealForecastSchema>;

export const DealStageStatSchema = z.object({
  stage: DealStageSchema,
  count: CountSchema,
  totalValue: MoneySchema,
  /** Averages may carry decimals; 0 when the stage is empty. */
  avgProbability: z.number().min(0).max(100),
  avgDaysInStage: z.number().nonnegative(),
});
export type DealStageStat = z.infer<typeof DealStageStatSchema>;

export const DealStageStatsSchema = z.array(DealStageStatSchema);
export type DealStageStats = z.infer<typeof DealStageStatsSchema>;
