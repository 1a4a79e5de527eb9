import crypto from 'node:crypto';
import type { Role } from '@flow/contracts';
import { SignJWT, errors, jwtVerify } from 'jose';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_DAYS = 30;

export interface AccessClaims {
  userId: string;
  sessionId: string;
  organizationId: string;
  role: Role;
}

export type VerifyResult =
  { ok: true; claims: AccessClaims } | { ok: false; reason: 'expired' | 'invalid' };

export function createTokenSigner(secret: string, clock: () => Date = () => new Date()) {
  const key = new TextEncoder().encode(secret);
  return {
    async sign(claims: AccessClaims): Promise<string> {
      const now = Math.floor(clock().getTime() / 1000);
      return new SignJWT({ sid: claims.sessionId, org: claims.organizationId, role: claims.role })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(claims.userId)
        .setIssuedAt(now)
        .setExpirationTime(now + ACCESS_TOKEN_TTL_SECONDS)
        .setIssuer('flow-crm')
        .sign(key);
    },
    async verify(token: string): Promise<VerifyResult> {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          issuer: 'flow-crm',
          currentDate: clock(),
        });
        const { sub, sid, org, role } = payload;
        if (typeof sub !== 'string' || typeof sid !== 'string' || typeof org !== 'string') {
          return { ok: false, reason: 'invalid' };
        }
        if (role !== 'admin' && role !== 'manager' && role !== 'sales')
          return { ok: false, reason: 'invalid' };
        return { ok: true, claims: { userId: sub, sessionId: sid, organizationId: org, role } };
      } catch (error) {
        return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
      }
    },
  };
}
export type TokenSigner = ReturnType<typeof createTokenSigner>;

/** Opaque random refresh token; only its SHA-256 is stored. */
export function newRefreshToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('base64url');
}
