import {
  CalendarEventListResponseSchema,
  CalendarEventSchema,
  CalendarEventsQuerySchema,
  CalendarEventStatusBodySchema,
  CalendarFeedQuerySchema,
  CalendarFeedUrlSchema,
  CalendarStatsSchema,
  CreateCalendarEventBodySchema,
  ErrorBodySchema,
  IdParamsSchema,
  MeetingOutcomeBodySchema,
  MeetingPreparationSchema,
  SmartSchedulingBodySchema,
  SmartSchedulingSchema,
  SuccessSchema,
  UpdateCalendarEventBodySchema,
} from '@flow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordRouteErrors } from '../../platform/route-errors';
import { requireAuth } from '../../platform/auth-guard';
import type { DomainServices } from '../registry';

const errors = recordRouteErrors;
const tags = ['calendar'];

/** API.md §8. Every query goes through the caller's visibility scope in the repository. */
export const calendarRoutes: FastifyPluginAsyncZod<{ services: DomainServices }> = async (
  app,
  { services },
) => {
  const calendar = () => services.calendar;

  app.get(
    '/events',
    {
      schema: {
        tags,
        summary: 'Events overlapping a window (bare dates are whole days in your time zone)',
        querystring: CalendarEventsQuerySchema,
        response: { 200: CalendarEventListResponseSchema, ...errors },
      },
    },
    async (request) => calendar().list(requireAuth(request), request.query),
  );

  app.get(
    '/stats',
    {
      schema: {
        tags,
        summary: 'This week (Monday-start, your time zone) and follow-ups still owed',
        response: { 200: CalendarStatsSchema, ...errors },
      },
    },
    async (request) => calendar().stats(requireAuth(request)),
  );

  app.get(
    '/events/:id',
    {
      schema: {
        tags,
        summary: 'An event with its preparation, insights and outcome',
        params: IdParamsSchema,
        response: { 200: CalendarEventSchema, ...errors },
      },
    },
    async (request) => calendar().get(requireAuth(request), request.params.id),
  );

  app.post(
    '/events',
    {
      schema: {
        tags,
        summary: 'Create an event; returns it with its AI preparation and insights',
        body: CreateCalendarEventBodySchema,
        response: { 201: CalendarEventSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await calendar().create(requireAuth(request), request.body)),
  );

  app.put(
    '/events/:id',
    {
      schema: {
        tags,
        summary: 'Update an event (partial); a new contact, deal or type regenerates preparation',
        params: IdParamsSchema,
        body: UpdateCalendarEventBodySchema,
        response: { 200: CalendarEventSchema, ...errors },
      },
    },
    async (request) => calendar().update(requireAuth(request), request.params.id, request.body),
  );

  app.delete(
    '/events/:id',
    {
      schema: {
        tags,
        summary: 'Delete an event (soft)',
        params: IdParamsSchema,
        response: { 200: SuccessSchema, ...errors },
      },
    },
    async (request) => {
      await calendar().remove(requireAuth(request), request.params.id);
      return { success: true as const };
    },
  );

  app.patch(
    '/events/:id/status',
    {
      schema: {
        tags,
        summary: 'Set the status of an event',
        params: IdParamsSchema,
        body: CalendarEventStatusBodySchema,
        response: { 200: CalendarEventSchema, ...errors },
      },
    },
    async (request) => calendar().setStatus(requireAuth(request), request.params.id, request.body),
  );

  app.post(
    '/events/:id/outcome',
    {
      schema: {
        tags,
        summary: 'Record the outcome; completes the event and books the follow-up it asks for',
        params: IdParamsSchema,
        body: MeetingOutcomeBodySchema,
        response: { 200: CalendarEventSchema, ...errors },
      },
    },
    async (request) =>
      calendar().recordOutcome(requireAuth(request), request.params.id, request.body),
  );

  app.get(
    '/events/:id/preparation',
    {
      schema: {
        tags,
        summary: 'The meeting preparation (generated on first request when missing)',
        params: IdParamsSchema,
        response: { 200: MeetingPreparationSchema, ...errors },
      },
    },
    async (request) => calendar().preparation(requireAuth(request), request.params.id),
  );

  app.post(
    '/smart-scheduling',
    {
      schema: {
        tags,
        summary: 'Free slots in your working hours, clear of your events',
        body: SmartSchedulingBodySchema,
        response: { 200: SmartSchedulingSchema, ...errors },
      },
      // An AI capability: it counts toward the AI limit as well as the general one.
      preHandler: app.limits.ai,
    },
    async (request) => calendar().smartScheduling(requireAuth(request), request.body),
  );

  app.get(
    '/feed-url',
    {
      schema: {
        tags,
        summary: 'The address of your iCalendar feed (keep it private: it carries your secret)',
        response: { 200: CalendarFeedUrlSchema, ...errors },
      },
    },
    async (request) => {
      const secret = await calendar().feedSecret(requireAuth(request));
      const token = encodeURIComponent(secret);
      return { url: `${request.protocol}://${request.host}/api/calendar/feed.ics?token=${token}` };
    },
  );

  app.get(
    '/feed.ics',
    {
      schema: {
        tags,
        summary: 'Your events as an iCalendar feed; authenticated by the feed secret in `token`',
        querystring: CalendarFeedQuerySchema,
        // A string body with a text/calendar type is sent as is (Fastify serializes only JSON).
        response: {
          200: z.string(),
          401: ErrorBodySchema,
          422: ErrorBodySchema,
          429: ErrorBodySchema,
        },
      },
      // Calendar apps cannot send a bearer token: the per-user feed secret stands in for it.
      config: { public: true },
    },
    async (request, reply) => {
      const body = await calendar().feed(request.query.token);
      return reply
        .header('Content-Type', 'text/calendar; charset=utf-8')
        .header('Content-Disposition', 'inline; filename="flow-crm.ics"')
        .header('Cache-Control', 'private, no-store')
        .send(body);
    },
  );
};
