import {
  ErrorBodySchema,
  IdParamsSchema,
  MarkNotificationReadBodySchema,
  NotificationListResponseSchema,
  NotificationSchema,
  NotificationsQuerySchema,
  SuccessSchema,
  UnreadCountSchema,
} from '@flow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../platform/auth-guard';
import type { DomainServices } from '../registry';

const errors = {
  401: ErrorBodySchema,
  404: ErrorBodySchema,
  422: ErrorBodySchema,
  429: ErrorBodySchema,
};
const tags = ['notifications'];
/** Routes that take no input (Fastify hands them null) still refuse a body with fields in it. */
const NoBodySchema = z.strictObject({}).nullish();

/** API.md §9: the caller's own notifications; anyone else's answer 404. */
export const notificationsRoutes: FastifyPluginAsyncZod<{ services: DomainServices }> = async (
  app,
  { services },
) => {
  const notifications = () => services.notifications;

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first (expired ones hidden)',
        querystring: NotificationsQuerySchema,
        response: { 200: NotificationListResponseSchema, ...errors },
      },
    },
    async (request) => notifications().list(requireAuth(request), request.query),
  );

  app.get(
    '/unread-count',
    {
      schema: {
        tags,
        summary: 'How many of my notifications are unread',
        response: { 200: UnreadCountSchema, ...errors },
      },
    },
    async (request) => notifications().unreadCount(requireAuth(request)),
  );

  app.patch(
    '/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one notification read or unread',
        params: IdParamsSchema,
        body: MarkNotificationReadBodySchema,
        response: { 200: NotificationSchema, ...errors },
      },
    },
    async (request) =>
      notifications().markRead(requireAuth(request), request.params.id, request.body.read),
  );

  app.post(
    '/read-all',
    {
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        body: NoBodySchema,
        response: { 200: SuccessSchema, ...errors },
      },
    },
    async (request) => {
      await notifications().markAllRead(requireAuth(request));
      return { success: true as const };
    },
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete one of my notifications',
        params: IdParamsSchema,
        response: { 200: SuccessSchema, ...errors },
      },
    },
    async (request) => {
      await notifications().remove(requireAuth(request), request.params.id);
      return { success: true as const };
    },
  );
};
