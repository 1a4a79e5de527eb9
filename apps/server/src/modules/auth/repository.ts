import type { Kysely } from 'kysely';
import type { Database, SessionRow, UserRow } from '../../db/schema';
import { newId } from '../../platform/ids';

/** Sessions, refresh tokens and the user rows that authentication needs. */
export function createAuthRepository(db: Kysely<Database>) {
  return {
    findUserByEmail(email: string): Promise<UserRow | undefined> {
      return db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', email.toLowerCase())
        .executeTakeFirst();
    },

    findUserById(id: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** The live session behind an access token, with its (active) user. */
    async findLiveSession(sessionId: string, userId: string, now: string) {
      return db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.id as sessionId',
          'users.id as userId',
          'users.organization_id as organizationId',
          'users.role as role',
        ])
        .where('sessions.id', '=', sessionId)
        .where('sessions.user_id', '=', userId)
        .where('sessions.revoked_at', 'is', null)
        .where('sessions.expires_at', '>', now)
        .where('users.active', '=', 1)
        .executeTakeFirst();
    },

    async createSession(input: {
      user: UserRow;
      tokenHash: string;
      now: string;
      expiresAt: string;
      userAgent: string | null;
      ip: string | null;
    }): Promise<SessionRow> {
      return db.transaction().execute(async (trx) => {
        const session: SessionRow = {
          id: newId(),
          organization_id: input.user.organization_id,
          user_id: input.user.id,
          created_at: input.now,
          expires_at: input.expiresAt,
          last_used_at: input.now,
          revoked_at: null,
          revoked_reason: null,
          user_agent: input.userAgent,
          ip: input.ip,
        };
        await trx.insertInto('sessions').values(session).execute();
        await trx
          .insertInto('refresh_tokens')
          .values({
            id: newId(),
            session_id: session.id,
            token_hash: input.tokenHash,
            created_at: input.now,
            used_at: null,
          })
          .execute();
        await trx
          .updateTable('users')
          .set({ last_login: input.now })
          .where('id', '=', input.user.id)
          .execute();
        return session;
      });
    },

    findRefreshToken(tokenHash: string) {
      return db
        .selectFrom('refresh_tokens')
        .innerJoin('sessions', 'sessions.id', 'refresh_tokens.session_id')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'refresh_tokens.id as tokenId',
          'refresh_tokens.used_at as usedAt',
          'sessions.id as sessionId',
          'sessions.revoked_at as revokedAt',
          'sessions.expires_at as expiresAt',
          'users.id as userId',
          'users.organization_id as organizationId',
          'users.role as role',
          'users.active as active',
        ])
        .where('refresh_tokens.token_hash', '=', tokenHash)
        .executeTakeFirst();
    },

    /**
     * Spends a refresh token and issues its successor atomically. Returns false when the token
     * was spent meanwhile (a concurrent refresh won), which the caller treats as reuse.
     */
    async rotateRefreshToken(input: {
      tokenId: string;
      sessionId: string;
      newHash: string;
      now: string;
    }): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const spent = await trx
          .updateTable('refresh_tokens')
          .set({ used_at: input.now })
          .where('id', '=', input.tokenId)
          .where('used_at', 'is', null)
          .executeTakeFirst();
        if (Number(spent.numUpdatedRows) !== 1) return false;
        await trx
          .insertInto('refresh_tokens')
          .values({
            id: newId(),
            session_id: input.sessionId,
            token_hash: input.newHash,
            created_at: input.now,
            used_at: null,
          })
          .execute();
        await trx
          .updateTable('sessions')
          .set({ last_used_at: input.now })
          .where('id', '=', input.sessionId)
          .execute();
        return true;
      });
    },

    async revokeSession(sessionId: string, reason: string, now: string): Promise<void> {
      await db
        .updateTable('sessions')
        .set({ revoked_at: now, revoked_reason: reason })
        .where('id', '=', sessionId)
        .where('revoked_at', 'is', null)
        .execute();
    },

    async revokeUserSessions(
      userId: string,
      reason: string,
      now: string,
      exceptSessionId?: string,
    ): Promise<void> {
      let query = db
        .updateTable('sessions')
        .set({ revoked_at: now, revoked_reason: reason })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null);
      if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
      await query.execute();
    },

    async updateUser(
      id: string,
      changes: {
        name?: string;
        avatar?: string | null;
        preferences?: string;
        password_hash?: string;
        updated_at: string;
      },
    ): Promise<UserRow> {
      await db.updateTable('users').set(changes).where('id', '=', id).execute();
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    },
  };
}
export type AuthRepository = ReturnType<typeof createAuthRepository>;
