import {
  ApiKeyListResponseSchema,
  ApiKeysQuerySchema,
  CreateApiKeyBodySchema,
  CreatedApiKeySchema,
  IdParamsSchema,
  InboundMessageBodySchema,
  MessageSchema,
  SuccessSchema,
} from '@flow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth, requireRole } from '../../platform/auth-guard';
import { errors } from './route-errors';
import type { InboundKey } from './inbound';
import type { ConversationsService } from './service';

/** The key's organization, found in onRequest and read by the handler. */
const keys = new WeakMap<object, InboundKey>();

/**
 * API.md §7 inbound: mail/SMS providers post with an organization API key (X-Api-Key) instead of
 * a user's bearer token; admins manage those keys under /api-keys.
 */
export const inboundRoutes: FastifyPluginAsyncZod<{ conversations: ConversationsService }> = async (
  app,
  { conversations },
) => {
  app.post(
    '/inbound/messages',
    {
      // No bearer token: the X-Api-Key is checked here instead (401 when missing/bad/revoked),
      // before the body is validated, so an unauthenticated caller learns nothing about it.
      config: { public: true },
      onRequest: async (request) => {
        const header = request.headers['x-api-key'];
        keys.set(
          request,
          await conversations.authenticateKey(Array.isArray(header) ? header[0] : header),
        );
      },
      schema: {
        tags: ['inbound'],
        summary: 'Receive a message from a contact (mail/SMS provider webhook, X-Api-Key)',
        body: InboundMessageBodySchema,
        response: { 200: MessageSchema, 201: MessageSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { message, created } = await conversations.receive(keys.get(request)!, request.body);
      // 200 for a provider's retry of a message already stored.
      return reply.status(created ? 201 : 200).send(message);
    },
  );

  const adminOnly = { preHandler: requireRole('admin') };

  app.get(
    '/api-keys',
    {
      ...adminOnly,
      schema: {
        tags: ['api-keys'],
        summary: 'List the organization API keys (never their secrets)',
        querystring: ApiKeysQuerySchema,
        response: { 200: ApiKeyListResponseSchema, ...errors },
      },
    },
    async (request) => conversations.listApiKeys(requireAuth(request), request.query),
  );

  app.post(
    '/api-keys',
    {
      ...adminOnly,
      schema: {
        tags: ['api-keys'],
        summary: 'Create an API key; the plaintext key is in this answer only',
        body: CreateApiKeyBodySchema,
        response: { 201: CreatedApiKeySchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await conversations.createApiKey(requireAuth(request), request.body)),
  );

  app.delete(
    '/api-keys/:id',
    {
      ...adminOnly,
      schema: {
        tags: ['api-keys'],
        summary: 'Revoke an API key',
        params: IdParamsSchema,
        response: { 200: SuccessSchema, ...errors },
      },
    },
    async (request) => {
      await conversations.revokeApiKey(requireAuth(request), request.params.id);
      return { success: true as const };
    },
  );
};
