import {
  AddConversationTagBodySchema,
  ArchiveConversationBodySchema,
  ConversationListResponseSchema,
  ConversationPriorityBodySchema,
  ConversationSchema,
  ConversationsQuerySchema,
  ConversationSummarySchema,
  IdParamsSchema,
  MessageSchema,
  SendMessageBodySchema,
  StartConversationBodySchema,
} from '@flow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../../platform/auth-guard';
import type { DomainServices } from '../registry';
import { errors } from './route-errors';
import { inboundRoutes } from './routes-inbound';
import { messageRoutes } from './routes-messages';

const tags = ['conversations'];

/**
 * API.md §7, mounted without a prefix: /conversations… here, /messages… and /inbound, /api-keys
 * in the sibling files. Every query goes through the caller's visibility scope in the repository.
 */
export const conversationsRoutes: FastifyPluginAsyncZod<{ services: DomainServices }> = async (
  app,
  { services },
) => {
  const conversations = services.conversations;
  conversations.useLogger((error) => app.log.error({ err: error }, 'conversation background task'));
  // Deliveries and summaries in flight finish before the database closes.
  app.addHook('onClose', async () => conversations.drain());

  app.get(
    '/conversations',
    {
      schema: {
        tags,
        summary: 'List conversations (newest activity first)',
        querystring: ConversationsQuerySchema,
        response: { 200: ConversationListResponseSchema, ...errors },
      },
    },
    async (request) => conversations.list(requireAuth(request), request.query),
  );

  app.get(
    '/conversations/:id',
    {
      schema: {
        tags,
        summary: 'A conversation with its messages, oldest first',
        params: IdParamsSchema,
        response: { 200: ConversationSchema, ...errors },
      },
    },
    async (request) => conversations.get(requireAuth(request), request.params.id),
  );

  app.post(
    '/conversations',
    {
      schema: {
        tags,
        summary: 'Start a conversation, or return the open one with the contact on that channel',
        body: StartConversationBodySchema,
        response: { 200: ConversationSchema, 201: ConversationSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { conversation, created } = await conversations.start(
        requireAuth(request),
        request.body,
      );
      return reply.status(created ? 201 : 200).send(conversation);
    },
  );

  app.post(
    '/conversations/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark the conversation read (unread count to 0)',
        params: IdParamsSchema,
        response: { 200: ConversationSummarySchema, ...errors },
      },
    },
    async (request) => conversations.markRead(requireAuth(request), request.params.id),
  );

  app.post(
    '/conversations/:id/messages',
    {
      schema: {
        tags,
        summary: 'Send a message; returns it with its AI sentiment and analysis',
        params: IdParamsSchema,
        body: SendMessageBodySchema,
        response: { 201: MessageSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await conversations.send(requireAuth(request), request.params.id, request.body)),
  );

  app.patch(
    '/conversations/:id/priority',
    {
      schema: {
        tags,
        summary: 'Set the priority',
        params: IdParamsSchema,
        body: ConversationPriorityBodySchema,
        response: { 200: ConversationSummarySchema, ...errors },
      },
    },
    async (request) =>
      conversations.setPriority(requireAuth(request), request.params.id, request.body),
  );

  app.patch(
    '/conversations/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive or unarchive',
        params: IdParamsSchema,
        body: ArchiveConversationBodySchema,
        response: { 200: ConversationSummarySchema, ...errors },
      },
    },
    async (request) =>
      conversations.setArchived(requireAuth(request), request.params.id, request.body),
  );

  app.post(
    '/conversations/:id/tags',
    {
      schema: {
        tags,
        summary: 'Add a tag (idempotent)',
        params: IdParamsSchema,
        body: AddConversationTagBodySchema,
        response: { 200: ConversationSummarySchema, ...errors },
      },
    },
    async (request) => conversations.addTag(requireAuth(request), request.params.id, request.body),
  );

  await app.register(messageRoutes, { conversations });
  await app.register(inboundRoutes, { conversations });
};
