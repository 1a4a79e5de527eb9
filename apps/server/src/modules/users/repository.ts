import type { UsersQuery } from '@flow/contracts';
import { sql, type Kysely } from 'kysely';
import type { Database, NewUserRow, UserRow } from '../../db/schema';
import { inOrganization, type Scope } from '../../platform/scope';

const sortColumns = {
  name: 'name',
  email: 'email',
  createdAt: 'created_at',
  lastLogin: 'last_login',
} as const;

/** Users of the caller's organization; admins manage them (API.md §3). */
export function createUsersRepository(db: Kysely<Database>) {
  return {
    async list(scope: Scope, query: UsersQuery): Promise<{ rows: UserRow[]; total: number }> {
      let base = db.selectFrom('users').$call(inOrganization(scope, 'users'));
      if (query.role) base = base.where('role', '=', query.role);
      if (query.search) {
        const term = `%${query.search.toLowerCase()}%`;
        base = base.where((eb) =>
          eb.or([eb(sql`lower(name)`, 'like', term), eb('email', 'like', term)]),
        );
      }
      const sort = query.sort ?? 'name';
      const column = sortColumns[sort.replace(/^-/, '') as keyof typeof sortColumns];
      const [rows, count] = await Promise.all([
        base
          .selectAll()
          .orderBy(column, sort.startsWith('-') ? 'desc' : 'asc')
          .orderBy('id')
          .limit(query.limit)
          .offset((query.page - 1) * query.limit)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },

    find(scope: Scope, id: string): Promise<UserRow | undefined> {
      return db
        .selectFrom('users')
        .selectAll()
        .$call(inOrganization(scope, 'users'))
        .where('id', '=', id)
        .executeTakeFirst();
    },

    emailTaken(email: string): Promise<boolean> {
      return db
        .selectFrom('users')
        .select('id')
        .where('email', '=', email.toLowerCase())
        .executeTakeFirst()
        .then(Boolean);
    },

    async countActiveAdmins(scope: Scope): Promise<number> {
      const row = await db
        .selectFrom('users')
        .$call(inOrganization(scope, 'users'))
        .where('role', '=', 'admin')
        .where('active', '=', 1)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async insert(row: NewUserRow): Promise<UserRow> {
      await db.insertInto('users').values(row).execute();
      return db.selectFrom('users').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    },

    async update(
      scope: Scope,
      id: string,
      changes: { name?: string; role?: UserRow['role']; active?: number; updated_at: string },
    ): Promise<UserRow | undefined> {
      await db
        .updateTable('users')
        .set(changes)
        .$call(inOrganization(scope, 'users'))
        .where('id', '=', id)
        .execute();
      return this.find(scope, id);
    },
  };
}
export type UsersRepository = ReturnType<typeof createUsersRepository>;
