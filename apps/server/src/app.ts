import crypto from 'node:crypto';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import { createLlmProvider } from './ai/providers/llm';
import type { Config } from './config';
import type { DatabaseHandle } from './db/connection';
import { createAuthRepository } from './modules/auth/repository';
import { authRoutes } from './modules/auth/routes';
import { createAuthService } from './modules/auth/service';
import { healthRoutes, type ReadinessCheck } from './modules/health/routes';
import { createDomainServices, registerDomainRoutes } from './modules/registry';
import { createUsersRepository } from './modules/users/repository';
import { usersRoutes } from './modules/users/routes';
import { createUsersService } from './modules/users/service';
import { createAuthenticate } from './platform/auth-guard';
import { registerErrorHandling } from './platform/errors';
import { registerOpenApi } from './platform/openapi';
import { registerRateLimits } from './platform/rate-limits';
import { createTokenSigner } from './platform/tokens';
import { registerWebApp } from './platform/web-app';
import { createInProcessEventBus, type EventBus } from './realtime/event-bus';
import { createMutate } from './realtime/mutate';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without an access token. */
    public?: boolean;
  }
}

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  redis?: Redis;
  /** Where committed domain events go (the realtime hub subscribes); in-process by default. */
  bus?: EventBus;
  clock?: () => Date;
  /** Pino options; tests pass `false` to keep output quiet. */
  logger?: boolean | object;
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;
export const JSON_BODY_LIMIT = 1024 * 1024;

/** Assembles the whole server; tests call it in-process and talk to it over HTTP. */
export async function buildApp({
  config,
  database,
  redis,
  bus = createInProcessEventBus(),
  clock = () => new Date(),
  logger,
}: AppDeps) {
  const app = Fastify({
    logger: logger ?? {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers["x-api-key"]'],
    },
    bodyLimit: JSON_BODY_LIMIT,
    // An incoming X-Request-Id (from a proxy) is kept when it is sane; otherwise we make one.
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming)
        ? incoming
        : crypto.randomUUID();
    },
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
  });
  registerErrorHandling(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
      },
    },
  });
  await app.register(cors, {
    origin: config.corsOrigin,
    credentials: true,
    exposedHeaders: ['X-Request-Id', 'Retry-After'],
  });
  await registerRateLimits(app, config.rateLimits, redis);
  await registerOpenApi(app);

  const authRepo = createAuthRepository(database.db);
  const auth = createAuthService({
    repo: authRepo,
    tokens: createTokenSigner(config.jwtSecret, clock),
    clock,
  });
  const users = createUsersService({
    repo: createUsersRepository(database.db),
    sessions: authRepo,
    clock,
  });
  const mutate = createMutate(database.db, bus, clock);
  const llm = config.llm ? createLlmProvider(config.llm) : null;
  const services = createDomainServices({ db: database.db, mutate, clock, config, bus, llm });
  const authenticate = createAuthenticate(
    createTokenSigner(config.jwtSecret, clock),
    auth.resolveSession,
  );

  const checks: ReadinessCheck[] = [{ name: 'database', check: database.ping }];
  if (redis) checks.push({ name: 'redis', check: async () => void (await redis.ping()) });
  await app.register(healthRoutes, { checks });

  await app.register(
    async (api) => {
      // Every /api route needs a live session unless it is marked public.
      api.addHook('onRequest', async (request, reply) => {
        if (request.is404 || request.routeOptions.config.public) return;
        await authenticate(request, reply);
      });
      await api.register(authRoutes, { prefix: '/auth', auth });
      await api.register(usersRoutes, { prefix: '/users', users });
      await registerDomainRoutes(api, services);
    },
    { prefix: '/api' },
  );

  await registerWebApp(app, config.webDistDir);
  return app as unknown as FastifyInstance;
}
