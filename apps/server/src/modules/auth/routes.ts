import {
  ChangePasswordBodySchema,
  ErrorBodySchema,
  LoginBodySchema,
  LoginResponseSchema,
  RefreshBodySchema,
  RefreshResponseSchema,
  SuccessSchema,
  UpdateMeBodySchema,
  UserSchema,
} from '@flow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../../platform/auth-guard';
import type { AuthService } from './service';

const errors = { 401: ErrorBodySchema, 422: ErrorBodySchema, 429: ErrorBodySchema };

/** API.md §3. Login and password change are under the auth limit (per IP + email). */
export const authRoutes: FastifyPluginAsyncZod<{ auth: AuthService }> = async (app, { auth }) => {
  app.post(
    '/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in',
        body: LoginBodySchema,
        response: { 200: LoginResponseSchema, ...errors },
      },
      config: { rateLimit: false, public: true },
      preHandler: app.limits.auth,
    },
    async (request) =>
      auth.login(request.body.email, request.body.password, {
        userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
        ip: request.ip,
      }),
  );

  app.post(
    '/refresh',
    {
      schema: {
        tags: ['auth'],
        summary: 'Exchange a refresh token for a new pair (rotation)',
        body: RefreshBodySchema,
        response: { 200: RefreshResponseSchema, ...errors },
      },
      config: { public: true },
    },
    async (request) => auth.refresh(request.body.refreshToken),
  );

  app.post(
    '/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Revoke this session',
        response: { 200: SuccessSchema, ...errors },
      },
    },
    async (request) => {
      await auth.logout(requireAuth(request).sessionId);
      return { success: true as const };
    },
  );

  app.get(
    '/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        response: { 200: UserSchema, ...errors },
      },
    },
    async (request) => auth.me(requireAuth(request).userId),
  );

  app.patch(
    '/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Update name, avatar or preferences',
        body: UpdateMeBodySchema,
        response: { 200: UserSchema, ...errors },
      },
    },
    async (request) => auth.updateMe(requireAuth(request).userId, request.body),
  );

  app.post(
    '/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change password (ends the other sessions)',
        body: ChangePasswordBodySchema,
        response: { 200: SuccessSchema, ...errors },
      },
      config: { rateLimit: false },
      preHandler: app.limits.auth,
    },
    async (request) => {
      const { userId, sessionId } = requireAuth(request);
      await auth.changePassword(
        userId,
        sessionId,
        request.body.currentPassword,
        request.body.newPassword,
      );
      return { success: true as const };
    },
  );
};
