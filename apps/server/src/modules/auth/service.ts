import type { LoginResponse, RefreshResponse, UpdateMeBody, User } from '@flow/contracts';
import { AppError, unauthorized, validationError } from '../../platform/errors';
import {
  REFRESH_TOKEN_TTL_DAYS,
  hashToken,
  newRefreshToken,
  type TokenSigner,
} from '../../platform/tokens';
import { hashPassword, verifyPassword } from './passwords';
import type { AuthRepository } from './repository';
import { toUser } from './user-model';

export interface AuthServiceDeps {
  repo: AuthRepository;
  tokens: TokenSigner;
  clock: () => Date;
}

export interface ClientInfo {
  userAgent: string | null;
  ip: string | null;
}

// Verified against when the email is unknown, so a miss costs as long as a wrong password.
const DUMMY_HASH_PROMISE = hashPassword('flow-crm-timing-equaliser');

export function createAuthService({ repo, tokens, clock }: AuthServiceDeps) {
  const nowIso = () => clock().toISOString();

  return {
    async login(email: string, password: string, client: ClientInfo): Promise<LoginResponse> {
      const user = await repo.findUserByEmail(email);
      const valid = await verifyPassword(
        user?.password_hash ?? (await DUMMY_HASH_PROMISE),
        password,
      );
      if (!user || !valid || user.active !== 1) throw unauthorized('Invalid email or password');
      const refreshToken = newRefreshToken();
      const now = clock();
      const expiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_DAYS * 86_400_000).toISOString();
      const session = await repo.createSession({
        user,
        tokenHash: hashToken(refreshToken),
        now: now.toISOString(),
        expiresAt,
        ...client,
      });
      const token = await tokens.sign({
        userId: user.id,
        sessionId: session.id,
        organizationId: user.organization_id,
        role: user.role,
      });
      return { user: toUser({ ...user, last_login: now.toISOString() }), token, refreshToken };
    },

    /** Rotation: each refresh token works once; a spent one presented again revokes its session. */
    async refresh(refreshToken: string): Promise<RefreshResponse> {
      const found = await repo.findRefreshToken(hashToken(refreshToken));
      const now = nowIso();
      if (!found) throw unauthorized('Invalid refresh token');
      if (found.revokedAt || found.expiresAt <= now || found.active !== 1) {
        throw unauthorized('Session has ended; log in again');
      }
      const next = newRefreshToken();
      const rotated =
        !found.usedAt &&
        (await repo.rotateRefreshToken({
          tokenId: found.tokenId,
          sessionId: found.sessionId,
          newHash: hashToken(next),
          now,
        }));
      if (!rotated) {
        await repo.revokeSession(found.sessionId, 'refresh-token-reuse', now);
        throw unauthorized('Refresh token was already used; the session has been revoked');
      }
      const token = await tokens.sign({
        userId: found.userId,
        sessionId: found.sessionId,
        organizationId: found.organizationId,
        role: found.role,
      });
      return { token, refreshToken: next };
    },

    async logout(sessionId: string): Promise<void> {
      await repo.revokeSession(sessionId, 'logout', nowIso());
    },

    async me(userId: string): Promise<User> {
      const row = await repo.findUserById(userId);
      if (!row) throw unauthorized();
      return toUser(row);
    },

    async updateMe(userId: string, body: UpdateMeBody): Promise<User> {
      const row = await repo.findUserById(userId);
      if (!row) throw unauthorized();
      const current = toUser(row);
      return toUser(
        await repo.updateUser(userId, {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.avatar !== undefined ? { avatar: body.avatar } : {}),
          ...(body.preferences
            ? { preferences: JSON.stringify({ ...current.preferences, ...body.preferences }) }
            : {}),
          updated_at: nowIso(),
        }),
      );
    },

    /** Changes the password and ends every other session of the user. */
    async changePassword(
      userId: string,
      sessionId: string,
      currentPassword: string,
      newPassword: string,
    ): Promise<void> {
      const row = await repo.findUserById(userId);
      if (!row) throw unauthorized();
      if (!(await verifyPassword(row.password_hash, currentPassword))) {
        throw validationError({ currentPassword: ['Current password is incorrect'] });
      }
      if (currentPassword === newPassword) {
        throw validationError({
          newPassword: ['Choose a password different from the current one'],
        });
      }
      const now = nowIso();
      await repo.updateUser(userId, {
        password_hash: await hashPassword(newPassword),
        updated_at: now,
      });
      await repo.revokeUserSessions(userId, 'password-changed', now, sessionId);
    },

    /** Used by the auth guard: the access token's session must still be live. */
    async resolveSession(sessionId: string, userId: string) {
      const live = await repo.findLiveSession(sessionId, userId, nowIso());
      if (!live) throw new AppError('UNAUTHORIZED', 'Session has ended; log in again');
      return live;
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
