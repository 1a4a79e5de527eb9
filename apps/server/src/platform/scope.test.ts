import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/schema';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../db/testing/databases';
import { createTeam } from '../../test/helpers/factories';
import { newId } from './ids';
import { canSee, inOrganization, visibleTo, type Scope } from './scope';

describe.each(testDatabaseKinds)('visibility scope on %s', (kind) => {
  let database: TestDatabase;
  let db: Kysely<Database>;
  let acme: Awaited<ReturnType<typeof createTeam>>;
  let globex: Awaited<ReturnType<typeof createTeam>>;
  const names: Record<string, string> = {};

  const scopeOf = (user: { id: string; organization_id: string; role: Scope['role'] }): Scope => ({
    userId: user.id,
    organizationId: user.organization_id,
    role: user.role,
  });

  async function addContact(owner: { id: string; organization_id: string }, name: string) {
    const now = new Date().toISOString();
    const id = newId();
    names[id] = name;
    await db
      .insertInto('contacts')
      .values({
        id,
        organization_id: owner.organization_id,
        owner_id: owner.id,
        name,
        email: null,
        phone: null,
        company: null,
        title: null,
        avatar: null,
        last_contact: null,
        next_follow_up: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .execute();
  }

  const visibleNames = async (scope: Scope) =>
    (
      await db
        .selectFrom('contacts')
        .select('name')
        .$call(visibleTo(scope, 'contacts'))
        .orderBy('name')
        .execute()
    ).map((r) => r.name);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.handle.db;
    acme = await createTeam(db, 'Acme');
    globex = await createTeam(db, 'Globex');
    await addContact(acme.sales, 'a-sales-1');
    await addContact(acme.sales, 'a-sales-2');
    await addContact(acme.sales2, 'a-sales2-1');
    await addContact(acme.manager, 'a-manager-1');
    await addContact(globex.sales, 'g-sales-1');
  });
  afterAll(() => database.drop());

  it('a sales user sees only what they own', async () => {
    expect(await visibleNames(scopeOf(acme.sales))).toEqual(['a-sales-1', 'a-sales-2']);
    expect(await visibleNames(scopeOf(acme.sales2))).toEqual(['a-sales2-1']);
  });

  it('managers and admins see their whole organization and nothing of another', async () => {
    const all = ['a-manager-1', 'a-sales-1', 'a-sales-2', 'a-sales2-1'];
    expect(await visibleNames(scopeOf(acme.manager))).toEqual(all);
    expect(await visibleNames(scopeOf(acme.admin))).toEqual(all);
    expect(await visibleNames(scopeOf(globex.admin))).toEqual(['g-sales-1']);
  });

  it('an update through the scope cannot touch rows outside it', async () => {
    const result = await db
      .updateTable('contacts')
      .set({ title: 'changed' })
      .$call(visibleTo(scopeOf(acme.sales2), 'contacts'))
      .executeTakeFirst();
    expect(Number(result.numUpdatedRows)).toBe(1);
    const changed = await db
      .selectFrom('contacts')
      .select('name')
      .where('title', '=', 'changed')
      .execute();
    expect(changed.map((r) => r.name)).toEqual(['a-sales2-1']);
  });

  it('inOrganization ignores ownership but never crosses organizations', async () => {
    const rows = await db
      .selectFrom('users')
      .select('id')
      .$call(inOrganization(scopeOf(acme.sales), 'users'))
      .execute();
    expect(rows).toHaveLength(4);
  });

  it('canSee applies the same rule to records in memory', () => {
    const record = { organizationId: acme.organizationId, ownerId: acme.sales.id };
    expect(canSee(scopeOf(acme.sales), record)).toBe(true);
    expect(canSee(scopeOf(acme.sales2), record)).toBe(false);
    expect(canSee(scopeOf(acme.manager), record)).toBe(true);
    expect(canSee(scopeOf(globex.admin), record)).toBe(false);
  });
});
