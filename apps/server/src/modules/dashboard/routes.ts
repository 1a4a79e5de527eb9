import {
  ActionItemListSchema,
  DashboardSummarySchema,
  ErrorBodySchema,
  IdParamsSchema,
  SalesForecastSchema,
  SuccessSchema,
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
const tags = ['dashboard'];
/** Routes that take no input (Fastify hands them null) still refuse a body with fields in it. */
const NoBodySchema = z.strictObject({}).nullish();

/** API.md §4: computed over the records the caller can see. */
export const dashboardRoutes: FastifyPluginAsyncZod<{ services: DomainServices }> = async (
  app,
  { services },
) => {
  app.get(
    '/forecast',
    {
      schema: {
        tags,
        summary: "This month's weighted revenue forecast, by stage, with a confidence",
        response: { 200: SalesForecastSchema, ...errors },
      },
    },
    async (request) => services.dashboard.forecast(requireAuth(request)),
  );

  app.get(
    '/summary',
    {
      schema: {
        tags,
        summary: 'Top deals and contacts for the Command Center',
        response: { 200: DashboardSummarySchema, ...errors },
      },
    },
    async (request) => services.dashboard.summary(requireAuth(request)),
  );

  app.get(
    '/action-items',
    {
      schema: {
        tags,
        summary: 'My action items (not dismissed), generated from the data',
        response: { 200: ActionItemListSchema, ...errors },
      },
    },
    async (request) => services.dashboard.actionItems(requireAuth(request)),
  );

  app.post(
    '/action-items/:id/dismiss',
    {
      schema: {
        tags,
        summary: 'Dismiss one of my action items; it is not generated again',
        params: IdParamsSchema,
        body: NoBodySchema,
        response: { 200: SuccessSchema, ...errors },
      },
    },
    async (request) => {
      await services.dashboard.dismissActionItem(requireAuth(request), request.params.id);
      return { success: true as const };
    },
  );
};
