import {
  CreateUserBodySchema,
  CreateUserResponseSchema,
  ErrorBodySchema,
  IdParamsSchema,
  SuccessSchema,
  UpdateUserBodySchema,
  UserSchema,
  UsersQuerySchema,
  listOf,
} from '@flow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth, requireRole } from '../../platform/auth-guard';
import type { UsersService } from './service';

const errors = {
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
  422: ErrorBodySchema,
};

/** API.md §3: admin only. */
export const usersRoutes: FastifyPluginAsyncZod<{ users: UsersService }> = async (
  app,
  { users },
) => {
  app.addHook('preHandler', requireRole('admin'));

  app.get(
    '/',
    {
      schema: {
        tags: ['users'],
        summary: 'List users',
        querystring: UsersQuerySchema,
        response: { 200: listOf(UserSchema), ...errors },
      },
    },
    async (request) => users.list(requireAuth(request), request.query),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Get a user',
        params: IdParamsSchema,
        response: { 200: UserSchema, ...errors },
      },
    },
    async (request) => users.get(requireAuth(request), request.params.id),
  );

  app.post(
    '/',
    {
      schema: {
        tags: ['users'],
        summary: 'Create (invite) a user; omit the password to get a one-time password',
        body: CreateUserBodySchema,
        response: { 201: CreateUserResponseSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await users.create(requireAuth(request), request.body)),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change name, role or active state',
        params: IdParamsSchema,
        body: UpdateUserBodySchema,
        response: { 200: UserSchema, ...errors },
      },
    },
    async (request) => users.update(requireAuth(request), request.params.id, request.body),
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Deactivate a user',
        params: IdParamsSchema,
        response: { 200: SuccessSchema, ...errors },
      },
    },
    async (request) => {
      await users.deactivate(requireAuth(request), request.params.id);
      return { success: true as const };
    },
  );
};
