import {
  AddCommunicationBodySchema,
  AIInsightListSchema,
  CommunicationEventSchema,
  ContactListResponseSchema,
  ContactSchema,
  ContactsQuerySchema,
  ContactStatsSchema,
  CreateContactBodySchema,
  IdParamsSchema,
  SuccessSchema,
  UpdateContactBodySchema,
} from '@flow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordRouteErrors } from '../../platform/route-errors';
import { requireAuth } from '../../platform/auth-guard';
import type { ContactsService } from './service';

const errors = recordRouteErrors;
const tags = ['contacts'];

/** API.md §5. Every query goes through the caller's visibility scope in the repository. */
export const contactsRoutes: FastifyPluginAsyncZod<{ contacts: ContactsService }> = async (
  app,
  { contacts },
) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'List contacts',
        querystring: ContactsQuerySchema,
        response: { 200: ContactListResponseSchema, ...errors },
      },
    },
    async (request) => contacts.list(requireAuth(request), request.query),
  );

  app.get(
    '/stats',
    {
      schema: {
        tags,
        summary: 'Contact counts for the stats cards',
        response: { 200: ContactStatsSchema, ...errors },
      },
    },
    async (request) => contacts.stats(requireAuth(request)),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'A contact with its history and insights',
        params: IdParamsSchema,
        response: { 200: ContactSchema, ...errors },
      },
    },
    async (request) => contacts.get(requireAuth(request), request.params.id),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a contact',
        body: CreateContactBodySchema,
        response: { 201: ContactSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await contacts.create(requireAuth(request), request.body)),
  );

  app.put(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Update a contact (partial)',
        params: IdParamsSchema,
        body: UpdateContactBodySchema,
        response: { 200: ContactSchema, ...errors },
      },
    },
    async (request) => contacts.update(requireAuth(request), request.params.id, request.body),
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a contact (soft)',
        params: IdParamsSchema,
        response: { 200: SuccessSchema, ...errors },
      },
    },
    async (request) => {
      await contacts.remove(requireAuth(request), request.params.id);
      return { success: true as const };
    },
  );

  app.post(
    '/:id/communication',
    {
      schema: {
        tags,
        summary: 'Log a communication; returns it with its AI sentiment',
        params: IdParamsSchema,
        body: AddCommunicationBodySchema,
        response: { 201: CommunicationEventSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await contacts.addCommunication(requireAuth(request), request.params.id, request.body),
        ),
  );

  app.get(
    '/:id/ai-insights',
    {
      schema: {
        tags,
        summary: 'AI insights about a contact',
        params: IdParamsSchema,
        response: { 200: AIInsightListSchema, ...errors },
      },
    },
    async (request) => contacts.insights(requireAuth(request), request.params.id),
  );
};
