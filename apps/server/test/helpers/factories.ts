import crypto from 'node:crypto';
import type { Role } from '@flow/contracts';
import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../../src/db/schema';
import { hashPassword } from '../../src/modules/auth/passwords';
import { newId } from '../../src/platform/ids';

export const TEST_PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | undefined;

export async function createOrganization(
  db: Kysely<Database>,
  name = 'Acme Sales',
): Promise<string> {
  const id = newId();
  await db
    .insertInto('organizations')
    .values({ id, name, settings: '{}', created_at: new Date().toISOString() })
    .execute();
  return id;
}

/** A user with TEST_PASSWORD (hashed once per test file, since argon2 is deliberately slow). */
export async function createUser(
  db: Kysely<Database>,
  organizationId: string,
  role: Role,
  overrides: Partial<UserRow> = {},
): Promise<UserRow> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const now = new Date().toISOString();
  const id = newId();
  const row: UserRow = {
    id,
    organization_id: organizationId,
    email: `${role}-${id.slice(-8)}@example.test`,
    name: `${role[0]!.toUpperCase()}${role.slice(1)} ${id.slice(-4)}`,
    avatar: null,
    role,
    password_hash: await passwordHash,
    preferences: JSON.stringify({ theme: 'light', notifications: true, timezone: 'UTC' }),
    active: 1,
    feed_secret: crypto.randomBytes(18).toString('base64url'),
    created_at: now,
    updated_at: now,
    last_login: null,
    ...overrides,
  };
  await db.insertInto('users').values(row).execute();
  return row;
}

/** An organization with one user of each role, as most tests need. */
export async function createTeam(db: Kysely<Database>, name = 'Acme Sales') {
  const organizationId = await createOrganization(db, name);
  const [admin, manager, sales, sales2] = [
    await createUser(db, organizationId, 'admin'),
    await createUser(db, organizationId, 'manager'),
    await createUser(db, organizationId, 'sales'),
    await createUser(db, organizationId, 'sales'),
  ];
  return { organizationId, admin: admin!, manager: manager!, sales: sales!, sales2: sales2! };
}
