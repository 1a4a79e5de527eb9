import {
  AiChurnRiskBodySchema,
  AiChurnRiskResultSchema,
  AiDealProbabilityBodySchema,
  AiDealProbabilityResultSchema,
  AiMessageAnalysisBodySchema,
  AiMessageAnalysisResultSchema,
  AiGenerateInsightsBodySchema,
  AiGenerateInsightsResultSchema,
  AiQueryBodySchema,
  AiQueryResultSchema,
  AiSmartComposeBodySchema,
  AiSmartComposeResultSchema,
  AiMeetingPreparationBodySchema,
  AiMeetingPreparationResultSchema,
  AiSentimentBodySchema,
  AiSentimentResultSchema,
  AiSmartSchedulingBodySchema,
  AiSmartSchedulingResultSchema,
  ErrorBodySchema,
} from '@flow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../../platform/auth-guard';
import type { DomainServices } from '../registry';

const errors = {
  401: ErrorBodySchema,
  404: ErrorBodySchema,
  422: ErrorBodySchema,
  429: ErrorBodySchema,
  503: ErrorBodySchema,
};
const tags = ['ai'];

/** API.md §11: the engine's capabilities, under the AI rate limit (20/min per user by default). */
export const aiRoutes: FastifyPluginAsyncZod<{ services: DomainServices }> = async (
  app,
  { services },
) => {
  const { ai } = services;
  // The AI limit replaces the general one for these routes.
  const limited = { config: { rateLimit: false }, preHandler: app.limits.ai } as const;

  app.post(
    '/sentiment',
    {
      ...limited,
      schema: {
        tags,
        summary: 'Sentiment of a text, with the factors behind it',
        body: AiSentimentBodySchema,
        response: { 200: AiSentimentResultSchema, ...errors },
      },
    },
    async (request) => ai.sentiment(request.body),
  );

  app.post(
    '/message-analysis',
    {
      ...limited,
      schema: {
        tags,
        summary: 'Topics, tone, urgency, intent, action items of a message',
        body: AiMessageAnalysisBodySchema,
        response: { 200: AiMessageAnalysisResultSchema, ...errors },
      },
    },
    async (request) => ai.messageAnalysis(request.body),
  );

  app.post(
    '/deal-probability',
    {
      ...limited,
      schema: {
        tags,
        summary: 'Win probability with reasoning',
        body: AiDealProbabilityBodySchema,
        response: { 200: AiDealProbabilityResultSchema, ...errors },
      },
    },
    async (request) => ai.dealProbability(requireAuth(request), request.body),
  );

  app.post(
    '/churn-risk',
    {
      ...limited,
      schema: {
        tags,
        summary: 'Health score and churn risk from a history',
        body: AiChurnRiskBodySchema,
        response: { 200: AiChurnRiskResultSchema, ...errors },
      },
    },
    async (request) => ai.churnRisk(request.body),
  );

  app.post(
    '/meeting-preparation',
    {
      ...limited,
      schema: {
        tags,
        summary:
          'Talking points, recent interactions, deal context and competitor intel for a meeting',
        body: AiMeetingPreparationBodySchema,
        response: { 200: AiMeetingPreparationResultSchema, ...errors },
      },
    },
    async (request) => ai.meetingPreparation(requireAuth(request), request.body),
  );

  app.post(
    '/smart-scheduling',
    {
      ...limited,
      schema: {
        tags,
        summary: 'Free slots in working hours, with conflict warnings',
        body: AiSmartSchedulingBodySchema,
        response: { 200: AiSmartSchedulingResultSchema, ...errors },
      },
    },
    async (request) => ai.smartScheduling(requireAuth(request), request.body),
  );

  app.post(
    '/smart-compose',
    {
      ...limited,
      schema: {
        tags,
        summary: 'Reply suggestions, tone rewrites and filled templates for a conversation',
        body: AiSmartComposeBodySchema,
        response: { 200: AiSmartComposeResultSchema, ...errors },
      },
    },
    async (request) => ai.smartCompose(requireAuth(request), request.body),
  );

  app.post(
    '/query',
    {
      ...limited,
      schema: {
        tags,
        summary: 'Natural-language query → filters and a route',
        body: AiQueryBodySchema,
        response: { 200: AiQueryResultSchema, ...errors },
      },
    },
    async (request) => ai.query(requireAuth(request), request.body),
  );

  app.post(
    '/generate-insights',
    {
      ...limited,
      schema: {
        tags,
        summary: 'Insights about a contact, deal or meeting',
        body: AiGenerateInsightsBodySchema,
        response: { 200: AiGenerateInsightsResultSchema, ...errors },
      },
    },
    async (request) => ai.generateInsights(requireAuth(request), request.body),
  );
};
