import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DomainServices } from '../registry';

/** Placeholder until this domain is built. */
export const dashboardRoutes: FastifyPluginAsyncZod<{ services: DomainServices }> = async () => {};
