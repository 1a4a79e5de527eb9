import type { Role } from '@flow/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, forbidden, unauthorized } from './errors';
import type { Scope } from './scope';
import type { TokenSigner } from './tokens';

export interface AuthContext extends Scope {
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate` on protected routes. */
    auth: AuthContext | null;
  }
}

type SessionResolver = (
  sessionId: string,
  userId: string,
) => Promise<{ role: Role; organizationId: string }>;

/** Reads the bearer token; `null` when absent. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : null;
}

/**
 * The onRequest hook of every protected route: a valid, unexpired access token whose session is
 * still live (so logout, password change and deactivation take effect at once, and role changes
 * apply to the next request).
 */
export function createAuthenticate(tokens: TokenSigner, resolveSession: SessionResolver) {
  return async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const token = bearerToken(request);
    if (!token) throw unauthorized('Missing bearer token');
    const verified = await tokens.verify(token);
    if (!verified.ok) {
      throw new AppError(
        'UNAUTHORIZED',
        verified.reason === 'expired' ? 'Access token expired' : 'Invalid access token',
        { reason: verified.reason },
      );
    }
    const { userId, sessionId } = verified.claims;
    const live = await resolveSession(sessionId, userId);
    request.auth = { userId, sessionId, organizationId: live.organizationId, role: live.role };
  };
}

export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw unauthorized();
  return request.auth;
}

/** preHandler that lets only the given roles through (403 otherwise). */
export function requireRole(...roles: Role[]) {
  return async (request: FastifyRequest): Promise<void> => {
    const auth = requireAuth(request);
    if (!roles.includes(auth.role)) throw forbidden(`This requires the ${roles.join(' or ')} role`);
  };
}
