import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { AppError } from './errors';

export interface RateLimitSettings {
  authPerMin: number;
  aiPerMin: number;
  apiPerMin: number;
}

export type Limiter = (request: FastifyRequest) => Promise<void>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Named limits of API.md §1, applied as preHandlers by the routes that need them. */
    limits: { auth: Limiter; ai: Limiter };
  }
}

/** Per user when signed in, per IP before. */
function callerKey(request: FastifyRequest): string {
  return request.auth ? `user:${request.auth.userId}` : `ip:${request.ip}`;
}

function authKey(request: FastifyRequest): string {
  const body = request.body as { email?: unknown } | undefined;
  const email = typeof body?.email === 'string' ? body.email.toLowerCase() : '';
  return `auth:${request.ip}:${email || request.auth?.userId || ''}`;
}

const tooMany = (retryAfter: number) =>
  new AppError('RATE_LIMIT_EXCEEDED', `Too many requests; retry in ${retryAfter} s`, {
    retryAfter,
  });

/**
 * Everything under the global limit (100/min per caller) unless a route opts out with
 * `config: { rateLimit: false }` and uses a named limiter instead. With Redis the counters are
 * shared by every instance.
 */
export async function registerRateLimits(
  app: FastifyInstance,
  settings: RateLimitSettings,
  redis?: Redis,
) {
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler', // after authentication, so signed-in callers are counted per user
    max: settings.apiPerMin,
    timeWindow: 60_000,
    keyGenerator: callerKey,
    ...(redis ? { redis, nameSpace: 'flow-rl:' } : {}),
    skipOnError: true, // a Redis outage must not take the API down
    errorResponseBuilder: (_req, context) => tooMany(Math.ceil(context.ttl / 1000)),
  });

  const named = (max: number, keyGenerator: (r: FastifyRequest) => string): Limiter => {
    const check = app.createRateLimit({ max, timeWindow: 60_000, keyGenerator });
    return async (request) => {
      const result = await check(request);
      if (!result.isAllowed && result.isExceeded) throw tooMany(result.ttlInSeconds);
    };
  };
  app.decorate('limits', {
    auth: named(settings.authPerMin, authKey),
    ai: named(settings.aiPerMin, callerKey),
  });
}
