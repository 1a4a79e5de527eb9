import crypto from 'node:crypto';
import type { CreateUserBody, List, UpdateUserBody, User, UsersQuery } from '@flow/contracts';
import { conflict, notFound, validationError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { Scope } from '../../platform/scope';
import { hashPassword } from '../auth/passwords';
import type { AuthRepository } from '../auth/repository';
import { defaultPreferences, toUser } from '../auth/user-model';
import type { UsersRepository } from './repository';

export interface UsersServiceDeps {
  repo: UsersRepository;
  sessions: Pick<AuthRepository, 'revokeUserSessions'>;
  clock: () => Date;
}

/** Admin user management. Routes already restrict callers to admins. */
export function createUsersService({ repo, sessions, clock }: UsersServiceDeps) {
  async function guardLastAdmin(scope: Scope, target: User, change: UpdateUserBody) {
    const losesAdmin = (change.role && change.role !== 'admin') || change.active === false;
    if (
      target.role === 'admin' &&
      target.active &&
      losesAdmin &&
      (await repo.countActiveAdmins(scope)) <= 1
    ) {
      throw conflict('The organization must keep at least one active admin');
    }
  }

  return {
    async list(scope: Scope, query: UsersQuery): Promise<List<User>> {
      const { rows, total } = await repo.list(scope, query);
      return { data: rows.map(toUser), meta: { total, page: query.page, limit: query.limit } };
    },

    async get(scope: Scope, id: string): Promise<User> {
      const row = await repo.find(scope, id);
      if (!row) throw notFound('User');
      return toUser(row);
    },

    /** Creates a user in the admin's organization; without a password, a one-time one is returned once. */
    async create(
      scope: Scope,
      body: CreateUserBody,
    ): Promise<{ user: User; oneTimePassword?: string }> {
      const email = body.email.toLowerCase();
      if (await repo.emailTaken(email))
        throw conflict('A user with this email already exists', {
          fields: { email: ['Already in use'] },
        });
      const oneTimePassword = body.password
        ? undefined
        : crypto.randomBytes(12).toString('base64url');
      const now = clock().toISOString();
      const row = await repo.insert({
        id: newId(),
        organization_id: scope.organizationId,
        email,
        name: body.name,
        avatar: null,
        role: body.role,
        password_hash: await hashPassword(body.password ?? oneTimePassword ?? ''),
        preferences: JSON.stringify(defaultPreferences),
        active: 1,
        feed_secret: crypto.randomBytes(24).toString('base64url'),
        created_at: now,
        updated_at: now,
        last_login: null,
      });
      return { user: toUser(row), ...(oneTimePassword ? { oneTimePassword } : {}) };
    },

    async update(scope: Scope, id: string, body: UpdateUserBody): Promise<User> {
      const target = await this.get(scope, id);
      if (id === scope.userId && (body.active === false || (body.role && body.role !== 'admin'))) {
        throw validationError({
          [body.active === false ? 'active' : 'role']: ['You cannot demote or deactivate yourself'],
        });
      }
      await guardLastAdmin(scope, target, body);
      const now = clock().toISOString();
      const row = await repo.update(scope, id, {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.role !== undefined ? { role: body.role } : {}),
        ...(body.active !== undefined ? { active: body.active ? 1 : 0 } : {}),
        updated_at: now,
      });
      if (!row) throw notFound('User');
      if (body.active === false) await sessions.revokeUserSessions(id, 'deactivated', now);
      return toUser(row);
    },

    /** Deactivation: the user can no longer log in, their records stay. */
    async deactivate(scope: Scope, id: string): Promise<void> {
      await this.update(scope, id, { active: false });
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
