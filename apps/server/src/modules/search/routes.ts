import {
  ErrorBodySchema,
  NlQueryBodySchema,
  NlQueryResultSchema,
  SearchQuerySchema,
  SearchResultSchema,
} from '@flow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../../platform/auth-guard';
import type { DomainServices } from '../registry';

const errors = { 401: ErrorBodySchema, 422: ErrorBodySchema, 429: ErrorBodySchema };
const tags = ['search'];

/** API.md §9: global search and the natural-language query, over what the caller can see. */
export const searchRoutes: FastifyPluginAsyncZod<{ services: DomainServices }> = async (
  app,
  { services },
) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Search contacts, deals, messages and events',
        querystring: SearchQuerySchema,
        response: { 200: SearchResultSchema, ...errors },
      },
    },
    async (request) => services.search.search(requireAuth(request), request.query),
  );

  app.post(
    '/query',
    {
      schema: {
        tags,
        summary: 'Read a natural-language query into filters and an app route',
        body: NlQueryBodySchema,
        response: { 200: NlQueryResultSchema, ...errors },
      },
    },
    async (request) => services.search.query(requireAuth(request), request.body),
  );
};
