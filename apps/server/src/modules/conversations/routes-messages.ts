import {
  CreateTemplateBodySchema,
  IdParamsSchema,
  MessageAnalysisSchema,
  MessageStatsSchema,
  MessageTemplateListSchema,
  MessageTemplateSchema,
  SentimentOverviewSchema,
  SmartComposeBodySchema,
  SmartComposeSchema,
  SuccessSchema,
  TemplatesQuerySchema,
  UpdateTemplateBodySchema,
} from '@flow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../../platform/auth-guard';
import { errors } from './route-errors';
import type { ConversationsService } from './service';

const tags = ['messages'];

/** API.md §7: /messages… — analysis, smart compose, templates, stats and sentiment overview. */
export const messageRoutes: FastifyPluginAsyncZod<{ conversations: ConversationsService }> = async (
  app,
  { conversations },
) => {
  app.get(
    '/messages/stats',
    {
      schema: {
        tags,
        summary: 'Inbox counters and average response time over visible conversations',
        response: { 200: MessageStatsSchema, ...errors },
      },
    },
    async (request) => conversations.stats(requireAuth(request)),
  );

  app.get(
    '/messages/sentiment-overview',
    {
      schema: {
        tags,
        summary: "Share of contacts' messages per sentiment (percentages summing to 100)",
        response: { 200: SentimentOverviewSchema, ...errors },
      },
    },
    async (request) => conversations.sentimentOverview(requireAuth(request)),
  );

  app.get(
    '/messages/:id/ai-analysis',
    {
      schema: {
        tags,
        summary: 'The AI analysis of a message',
        params: IdParamsSchema,
        response: { 200: MessageAnalysisSchema, ...errors },
      },
    },
    async (request) => conversations.analysis(requireAuth(request), request.params.id),
  );

  app.post(
    '/messages/smart-compose',
    {
      // An AI route: the AI limit (API.md §1) instead of the general one.
      config: { rateLimit: false },
      preHandler: app.limits.ai,
      schema: {
        tags,
        summary: 'Reply suggestions, tone rewrites and filled templates for a conversation',
        body: SmartComposeBodySchema,
        response: { 200: SmartComposeSchema, ...errors },
      },
    },
    async (request) => conversations.smartCompose(requireAuth(request), request.body),
  );

  app.get(
    '/messages/templates',
    {
      schema: {
        tags,
        summary: 'System templates plus your own',
        querystring: TemplatesQuerySchema,
        response: { 200: MessageTemplateListSchema, ...errors },
      },
    },
    async (request) => conversations.listTemplates(requireAuth(request), request.query),
  );

  app.post(
    '/messages/templates',
    {
      schema: {
        tags,
        summary: 'Create a template of your own (variables read from {{…}})',
        body: CreateTemplateBodySchema,
        response: { 201: MessageTemplateSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await conversations.createTemplate(requireAuth(request), request.body)),
  );

  app.put(
    '/messages/templates/:id',
    {
      schema: {
        tags,
        summary: 'Update one of your templates (partial)',
        params: IdParamsSchema,
        body: UpdateTemplateBodySchema,
        response: { 200: MessageTemplateSchema, ...errors },
      },
    },
    async (request) =>
      conversations.updateTemplate(requireAuth(request), request.params.id, request.body),
  );

  app.delete(
    '/messages/templates/:id',
    {
      schema: {
        tags,
        summary: 'Delete one of your templates (soft)',
        params: IdParamsSchema,
        response: { 200: SuccessSchema, ...errors },
      },
    },
    async (request) => {
      await conversations.deleteTemplate(requireAuth(request), request.params.id);
      return { success: true as const };
    },
  );
};
