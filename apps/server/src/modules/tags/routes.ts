import {
  CreateTagBodySchema,
  IdParamsSchema,
  SuccessSchema,
  TagListResponseSchema,
  TagSchema,
  TagsQuerySchema,
} from '@flow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordRouteErrors } from '../../platform/route-errors';
import { requireAuth, requireRole } from '../../platform/auth-guard';
import type { DomainServices } from '../registry';

const errors = recordRouteErrors;
const tags = ['tags'];

/** API.md §9: organization-wide tags; another organization's tag is 404. */
export const tagsRoutes: FastifyPluginAsyncZod<{ services: DomainServices }> = async (
  app,
  { services },
) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: "The organization's tags, by name",
        querystring: TagsQuerySchema,
        response: { 200: TagListResponseSchema, ...errors },
      },
    },
    async (request) => services.tags.list(requireAuth(request), request.query),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a tag (names are unique ignoring case)',
        body: CreateTagBodySchema,
        response: { 201: TagSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.tags.create(requireAuth(request), request.body)),
  );

  app.delete(
    '/:id',
    {
      // Deleting strips the tag from everyone's records: a team decision, so managers and admins.
      preHandler: requireRole('manager', 'admin'),
      schema: {
        tags,
        summary: 'Delete a tag (soft); it disappears from every record',
        params: IdParamsSchema,
        response: { 200: SuccessSchema, ...errors },
      },
    },
    async (request) => {
      await services.tags.remove(requireAuth(request), request.params.id);
      return { success: true as const };
    },
  );
};
