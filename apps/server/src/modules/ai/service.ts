import type {
  AiChurnRiskBody,
  AiChurnRiskResult,
  AiDealProbabilityBody,
  AiDealProbabilityResult,
  AiGenerateInsightsBody,
  AiGenerateInsightsResult,
  AiMessageAnalysisBody,
  AiMessageAnalysisResult,
  AiQueryBody,
  AiQueryResult,
  AiSmartComposeBody,
  AiSmartComposeResult,
  AiMeetingPreparationBody,
  AiMeetingPreparationResult,
  AiSentimentBody,
  AiSentimentResult,
  AiSmartSchedulingBody,
  AiSmartSchedulingResult,
} from '@flow/contracts';
import { scoreDeal } from '../../ai/deal-probability';
import { scoreRelationship } from '../../ai/health';
import { analyzeMessage } from '../../ai/message-analysis';
import { analyzeSentiment } from '../../ai/sentiment';
import { AiServiceError } from '../../ai/providers/with-fallback';
import type { Scope } from '../../platform/scope';
import type { ServiceDeps } from '../registry';

/**
 * The /api/ai capabilities for the web app and integrations. Scores come from the local engine;
 * a caller demanding the LLM provider for a capability that has no LLM variant gets a 503.
 */
export function createAiService({ clock, services }: ServiceDeps) {
  const localOnly = (provider: string | undefined) => {
    if (provider === 'llm') throw new AiServiceError('unconfigured');
  };

  return {
    sentiment(body: AiSentimentBody): AiSentimentResult {
      localOnly(body.provider);
      return { ...analyzeSentiment(body.text, body.context), source: 'local' };
    },

    messageAnalysis(body: AiMessageAnalysisBody): AiMessageAnalysisResult {
      localOnly(body.provider);
      return {
        ...analyzeMessage({
          content: body.content,
          ...(body.conversationHistory ? { conversationHistory: body.conversationHistory } : {}),
          now: clock(),
        }),
        source: 'local',
      };
    },

    /** Blends in the organization's own fitted model when it has one. */
    async dealProbability(
      scope: Scope,
      body: AiDealProbabilityBody,
    ): Promise<AiDealProbabilityResult> {
      localOnly(body.provider);
      const { provider: _provider, ...input } = body;
      const model = await services.deals.modelFor(scope.organizationId);
      return { ...scoreDeal({ ...input, now: clock(), model }), source: 'local' };
    },

    churnRisk(body: AiChurnRiskBody): AiChurnRiskResult {
      localOnly(body.provider);
      return {
        ...scoreRelationship({
          communications: body.communicationHistory,
          openDeals: body.openDeals ?? 0,
          ...(body.averageResponseTime !== undefined
            ? { averageResponseMinutes: body.averageResponseTime }
            : {}),
          now: clock(),
        }),
        source: 'local',
      };
    },

    async meetingPreparation(
      scope: Scope,
      body: AiMeetingPreparationBody,
    ): Promise<AiMeetingPreparationResult> {
      const { provider, ...input } = body;
      const { preparation, source } = await services.calendar.planPreparation(
        scope,
        input,
        provider ?? 'auto',
      );
      return { ...preparation, source };
    },

    async smartCompose(scope: Scope, body: AiSmartComposeBody): Promise<AiSmartComposeResult> {
      const { provider, ...input } = body;
      const { value, source } = await services.conversations.smartComposeExplained(
        scope,
        input,
        provider ?? 'auto',
      );
      return { ...value, source };
    },

    async query(scope: Scope, body: AiQueryBody): Promise<AiQueryResult> {
      localOnly(body.provider);
      return { ...(await services.search.query(scope, { query: body.query })), source: 'local' };
    },

    /** Insights of a record the caller can see, computed from its current data. */
    async generateInsights(
      scope: Scope,
      body: AiGenerateInsightsBody,
    ): Promise<AiGenerateInsightsResult> {
      localOnly(body.provider);
      const { entityId } = body;
      switch (body.entityType) {
        case 'contact':
          return {
            entityType: 'contact',
            entityId,
            insights: await services.contacts.regenerateInsights(scope, entityId),
            source: 'local',
          };
        case 'deal':
          return {
            entityType: 'deal',
            entityId,
            insights: (await services.deals.get(scope, entityId)).aiInsights,
            source: 'local',
          };
        case 'event':
          return {
            entityType: 'event',
            entityId,
            insights: (await services.calendar.get(scope, entityId)).aiInsights,
            source: 'local',
          };
      }
    },

    async smartScheduling(
      scope: Scope,
      body: AiSmartSchedulingBody,
    ): Promise<AiSmartSchedulingResult> {
      const { provider, ...input } = body;
      localOnly(provider);
      return { ...(await services.calendar.smartScheduling(scope, input)), source: 'local' };
    },
  };
}
export type AiService = ReturnType<typeof createAiService>;
