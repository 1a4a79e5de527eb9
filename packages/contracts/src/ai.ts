import { z } from 'zod';
import {
  ConfidenceLevelSchema,
  EmotionalToneSchema,
  IdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  MinutesSchema,
  MoneySchema,
  ScoreSchema,
  SentimentSchema,
  longText,
  requiredText,
  shortText,
} from './common';
import {
  CalendarEventTypeSchema,
  MeetingInsightSchema,
  MeetingPreparationSchema,
  SmartSchedulingBodySchema,
  SmartSchedulingSchema,
} from './calendar';
import { AIInsightSchema, CommunicationTypeSchema, RelationshipHealthSchema } from './contacts';
import {
  MessageAnalysisSchema,
  SenderTypeSchema,
  SentimentTrendSchema,
  SmartComposeBodySchema,
  SmartComposeSchema,
} from './conversations';
import { DealActivityTypeSchema, DealInsightSchema, DealStageSchema } from './deals';
import { NlQueryBodySchema, NlQueryResultSchema } from './search';

/** Which engine answered: the local rules and statistics, or the configured LLM provider. */
export const AiSourceSchema = z.enum(['local', 'llm']);
export type AiSource = z.infer<typeof AiSourceSchema>;

/**
 * What the caller asks for: 'auto' lets the server fall back to the local engine; 'llm' demands
 * the provider and answers AI_SERVICE_ERROR when it fails (API.md §11).
 */
export const AiProviderPreferenceSchema = z.enum(['auto', 'local', 'llm']);
const provider = AiProviderPreferenceSchema.optional();

/**
 * One contribution to a score. `impact` is signed, in the score's own units (+10 for
 * "positive signals outnumber risks", −15 for a competitor), so the factors add up visibly.
 */
export const ScoreFactorSchema = z.object({
  name: z.string(),
  impact: z.number(),
  description: z.string(),
});
export type ScoreFactor = z.infer<typeof ScoreFactorSchema>;

const explained = { factors: z.array(ScoreFactorSchema), source: AiSourceSchema };

// ─── POST /api/ai/sentiment ────────────────────────────────────────────────

export const AiSentimentBodySchema = z.strictObject({
  text: requiredText(20_000),
  /** Surrounding text (e.g. the message being replied to); free text because it is only read. */
  context: shortText(5_000).optional(),
  provider,
});
export type AiSentimentBody = z.infer<typeof AiSentimentBodySchema>;

export const AiSentimentResultSchema = z.object({
  sentiment: SentimentSchema,
  confidence: ScoreSchema,
  emotionalTone: EmotionalToneSchema,
  /** Signed strength: −100 very negative … 100 very positive. */
  score: z.number().int().min(-100).max(100),
  ...explained,
});
export type AiSentimentResult = z.infer<typeof AiSentimentResultSchema>;

// ─── POST /api/ai/message-analysis ─────────────────────────────────────────

export const AiMessageAnalysisBodySchema = z.strictObject({
  content: requiredText(50_000),
  /** Earlier messages, oldest first; they inform intent and sender patterns. */
  conversationHistory: z
    .array(
      z.strictObject({
        senderType: SenderTypeSchema,
        content: longText(10_000),
        timestamp: IsoDateTimeSchema.optional(),
      }),
    )
    .max(50)
    .optional(),
  provider,
});
export type AiMessageAnalysisBody = z.infer<typeof AiMessageAnalysisBodySchema>;

/** The analysis plus its sentiment; `factors` explain the urgency level. */
export const AiMessageAnalysisResultSchema = MessageAnalysisSchema.extend({
  sentiment: SentimentSchema,
  confidence: ScoreSchema,
  ...explained,
});
export type AiMessageAnalysisResult = z.infer<typeof AiMessageAnalysisResultSchema>;

// ─── POST /api/ai/deal-probability ─────────────────────────────────────────

const SignalListSchema = z.array(requiredText(300)).max(50);

export const AiDealProbabilityBodySchema = z.strictObject({
  stage: DealStageSchema,
  activities: z
    .array(
      z.strictObject({
        type: DealActivityTypeSchema,
        date: IsoDateTimeSchema,
        description: longText(10_000),
        outcome: shortText(2_000).optional(),
        nextStep: shortText(2_000).optional(),
      }),
    )
    .max(500),
  /** Known so far; the engine adds what it finds in the activities. */
  riskFactors: SignalListSchema.optional(),
  positiveSignals: SignalListSchema.optional(),
  /** The competitor's name, as on Deal. */
  competitorMentioned: shortText(200).optional(),
  value: MoneySchema.optional(),
  expectedCloseDate: IsoDateSchema.optional(),
  createdDate: IsoDateTimeSchema.optional(),
  provider,
});
export type AiDealProbabilityBody = z.infer<typeof AiDealProbabilityBodySchema>;

export const AiDealProbabilityResultSchema = z.object({
  probability: ScoreSchema,
  confidence: ConfidenceLevelSchema,
  probabilityReasoning: z.array(z.string()),
  /** All signals after extraction: the given ones plus those found in the activities. */
  riskFactors: z.array(z.string()),
  positiveSignals: z.array(z.string()),
  competitorMentioned: z.string().optional(),
  ...explained,
});
export type AiDealProbabilityResult = z.infer<typeof AiDealProbabilityResultSchema>;

// ─── POST /api/ai/churn-risk ───────────────────────────────────────────────

/** The facts API.md names for churn (recency, frequency, sentiment trend, response times, deals). */
export const AiChurnRiskBodySchema = z.strictObject({
  communicationHistory: z
    .array(
      z.strictObject({
        type: CommunicationTypeSchema,
        date: IsoDateTimeSchema,
        sentiment: SentimentSchema,
      }),
    )
    .max(1_000),
  openDeals: z.number().int().nonnegative().optional(),
  /** Minutes the contact usually takes to answer. */
  averageResponseTime: MinutesSchema.optional(),
  provider,
});
export type AiChurnRiskBody = z.infer<typeof AiChurnRiskBodySchema>;

export const AiChurnRiskResultSchema = z.object({
  churnRisk: ScoreSchema,
  healthScore: ScoreSchema,
  relationshipHealth: RelationshipHealthSchema,
  sentimentTrend: SentimentTrendSchema,
  ...explained,
});
export type AiChurnRiskResult = z.infer<typeof AiChurnRiskResultSchema>;

// ─── POST /api/ai/smart-compose ────────────────────────────────────────────

export const AiSmartComposeBodySchema = SmartComposeBodySchema.extend({ provider });
export type AiSmartComposeBody = z.infer<typeof AiSmartComposeBodySchema>;
export const AiSmartComposeResultSchema = SmartComposeSchema.extend({ source: AiSourceSchema });
export type AiSmartComposeResult = z.infer<typeof AiSmartComposeResultSchema>;

// ─── POST /api/ai/meeting-preparation ──────────────────────────────────────

/** For a stored event (`eventId`) or for one being planned (`type` plus contact and/or deal). */
export const AiMeetingPreparationBodySchema = z
  .strictObject({
    eventId: IdSchema.optional(),
    type: CalendarEventTypeSchema.optional(),
    contactId: IdSchema.optional(),
    dealId: IdSchema.optional(),
    provider,
  })
  .refine((b) => b.eventId !== undefined || b.type !== undefined, {
    message: 'Give an eventId, or the type of the meeting being planned',
    path: ['type'],
  });
export type AiMeetingPreparationBody = z.infer<typeof AiMeetingPreparationBodySchema>;

export const AiMeetingPreparationResultSchema = MeetingPreparationSchema.extend({
  source: AiSourceSchema,
});
export type AiMeetingPreparationResult = z.infer<typeof AiMeetingPreparationResultSchema>;

// ─── POST /api/ai/query ────────────────────────────────────────────────────

export const AiQueryBodySchema = NlQueryBodySchema.extend({ provider });
export type AiQueryBody = z.infer<typeof AiQueryBodySchema>;
export const AiQueryResultSchema = NlQueryResultSchema.extend({ source: AiSourceSchema });
export type AiQueryResult = z.infer<typeof AiQueryResultSchema>;

// ─── POST /api/ai/generate-insights ────────────────────────────────────────

export const InsightEntityTypeSchema = z.enum(['contact', 'deal', 'event']);

export const AiGenerateInsightsBodySchema = z.strictObject({
  entityType: InsightEntityTypeSchema,
  entityId: IdSchema,
  provider,
});
export type AiGenerateInsightsBody = z.infer<typeof AiGenerateInsightsBodySchema>;

/** Each entity keeps its own insight shape, so the result is tagged by `entityType`. */
export const AiGenerateInsightsResultSchema = z.discriminatedUnion('entityType', [
  z.object({
    entityType: z.literal('contact'),
    entityId: IdSchema,
    insights: z.array(AIInsightSchema),
    source: AiSourceSchema,
  }),
  z.object({
    entityType: z.literal('deal'),
    entityId: IdSchema,
    insights: z.array(DealInsightSchema),
    source: AiSourceSchema,
  }),
  z.object({
    entityType: z.literal('event'),
    entityId: IdSchema,
    insights: z.array(MeetingInsightSchema),
    source: AiSourceSchema,
  }),
]);
export type AiGenerateInsightsResult = z.infer<typeof AiGenerateInsightsResultSchema>;

// ─── POST /api/ai/smart-scheduling ─────────────────────────────────────────

export const AiSmartSchedulingBodySchema = SmartSchedulingBodySchema.extend({ provider });
export type AiSmartSchedulingBody = z.infer<typeof AiSmartSchedulingBodySchema>;
export const AiSmartSchedulingResultSchema = SmartSchedulingSchema.extend({
  source: AiSourceSchema,
});
export type AiSmartSchedulingResult = z.infer<typeof AiSmartSchedulingResultSchema>;
