import {
  AddDealActivityBodySchema,
  ChangeDealStageBodySchema,
  CreateDealBodySchema,
  DealActivitySchema,
  DealForecastSchema,
  DealListResponseSchema,
  DealSchema,
  DealsQuerySchema,
  DealStageStatsSchema,
  IdParamsSchema,
  SuccessSchema,
  UpdateDealBodySchema,
} from '@flow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordRouteErrors } from '../../platform/route-errors';
import { requireAuth } from '../../platform/auth-guard';
import type { DomainServices } from '../registry';

const errors = recordRouteErrors;
const tags = ['deals'];

export const dealsRoutes: FastifyPluginAsyncZod<{ services: DomainServices }> = async (
  app,
  { services },
) => {
  const { deals } = services;

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'List deals (filters hot, at-risk, closing-soon; default order -probability)',
        querystring: DealsQuerySchema,
        response: { 200: DealListResponseSchema, ...errors },
      },
    },
    async (request) => deals.list(requireAuth(request), request.query),
  );

  app.get(
    '/forecast',
    {
      schema: {
        tags,
        summary: 'Pipeline and weighted forecast over the visible open deals',
        response: { 200: DealForecastSchema, ...errors },
      },
    },
    async (request) => deals.forecast(requireAuth(request)),
  );

  app.get(
    '/stage-stats',
    {
      schema: {
        tags,
        summary: 'Count, value, probability and time in stage per stage',
        response: { 200: DealStageStatsSchema, ...errors },
      },
    },
    async (request) => deals.stageStats(requireAuth(request)),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'A deal with its activities and AI insights',
        params: IdParamsSchema,
        response: { 200: DealSchema, ...errors },
      },
    },
    async (request) => deals.get(requireAuth(request), request.params.id),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a deal; the engine scores it',
        body: CreateDealBodySchema,
        response: { 201: DealSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await deals.create(requireAuth(request), request.body)),
  );

  app.put(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Update a deal (partial); AI fields are recalculated',
        params: IdParamsSchema,
        body: UpdateDealBodySchema,
        response: { 200: DealSchema, ...errors },
      },
    },
    async (request) => deals.update(requireAuth(request), request.params.id, request.body),
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a deal (soft)',
        params: IdParamsSchema,
        response: { 200: SuccessSchema, ...errors },
      },
    },
    async (request) => {
      await deals.remove(requireAuth(request), request.params.id);
      return { success: true as const };
    },
  );

  app.patch(
    '/:id/stage',
    {
      schema: {
        tags,
        summary: 'Move a deal to a stage; closing stages set closedDate',
        params: IdParamsSchema,
        body: ChangeDealStageBodySchema,
        response: { 200: DealSchema, ...errors },
      },
    },
    async (request) => deals.changeStage(requireAuth(request), request.params.id, request.body),
  );

  app.post(
    '/:id/activities',
    {
      schema: {
        tags,
        summary: 'Log an activity; signals, probability and insights are recomputed',
        params: IdParamsSchema,
        body: AddDealActivityBodySchema,
        response: { 201: DealActivitySchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await deals.addActivity(requireAuth(request), request.params.id, request.body)),
  );
};
