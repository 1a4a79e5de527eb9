import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../modules/auth/passwords';
import type { DatabaseHandle } from '../connection';
import { migrateToLatest } from '../migrate';
import type { Database } from '../schema';
import { createTestDatabase, testDatabaseKinds } from '../testing/databases';
import { DEMO_PASSWORD, seedDemo } from './demo';
import { seedLarge } from './large';

const COUNTED = [
  'organizations',
  'users',
  'contacts',
  'communication_events',
  'deals',
  'deal_activities',
  'conversations',
  'messages',
  'calendar_events',
  'event_attendees',
  'tags',
  'taggings',
  'notifications',
  'action_items',
  'message_templates',
] as const;

async function count(
  db: Kysely<Database>,
  table: keyof Database,
  organizationId?: string,
): Promise<number> {
  const where = organizationId ? sql`where organization_id = ${organizationId}` : sql``;
  const result = await sql<{
    n: number | string;
  }>`select count(*) as n from ${sql.table(table)} ${where}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

async function countAll(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED) counts[table] = await count(db, table);
  return counts;
}

describe.each(testDatabaseKinds)('seeds on %s', (kind) => {
  let handle: DatabaseHandle;
  let drop: () => Promise<void>;
  let db: Kysely<Database>;
  const now = new Date();

  beforeAll(async () => {
    ({ handle, drop } = await createTestDatabase(kind, { migrate: false }));
    db = handle.db;
    await migrateToLatest(db, { schema: handle.schema });
  });
  afterAll(async () => {
    await drop();
  });

  it('seedDemo fills an empty database', async () => {
    const lines: string[] = [];
    expect(await seedDemo(db, { now, log: (line) => lines.push(line) })).toEqual({ seeded: true });
    expect(lines.join('\n')).toContain('Demo data ready — log in as sales@demo.flowcrm.dev');

    const users = await db
      .selectFrom('users')
      .select(['email', 'role', 'password_hash'])
      .orderBy('email')
      .execute();
    expect(users.map((u) => `${u.email}:${u.role}`)).toEqual([
      'admin@demo.flowcrm.dev:admin',
      'manager@demo.flowcrm.dev:manager',
      'sales2@demo.flowcrm.dev:sales',
      'sales@demo.flowcrm.dev:sales',
    ]);
    expect(await verifyPassword(users[0]?.password_hash ?? '', DEMO_PASSWORD)).toBe(true);

    const counts = await countAll(db);
    expect(counts.contacts).toBeGreaterThanOrEqual(200);
    expect(counts.deals).toBeGreaterThanOrEqual(120);
    expect(counts.conversations).toBeGreaterThanOrEqual(60);
    expect(counts.calendar_events).toBeGreaterThanOrEqual(80);
    for (const table of COUNTED) expect(counts[table], table).toBeGreaterThan(0);

    const stages = await db.selectFrom('deals').select('stage').distinct().execute();
    expect(stages.map((s) => s.stage).sort()).toEqual(
      ['closed-lost', 'closed-won', 'negotiation', 'proposal', 'prospect', 'qualified'].sort(),
    );
    const senders = await db.selectFrom('messages').select('sender_type').distinct().execute();
    expect(senders.map((s) => s.sender_type).sort()).toEqual(['contact', 'user']);
    const nowIso = now.toISOString();
    const past = await db
      .selectFrom('calendar_events')
      .select('id')
      .where('start_time', '<', nowIso)
      .execute();
    const future = await db
      .selectFrom('calendar_events')
      .select('id')
      .where('start_time', '>', nowIso)
      .execute();
    expect(past.length).toBeGreaterThan(10);
    expect(future.length).toBeGreaterThan(10);
  });

  it('keeps computed fields consistent with the rows they summarise', async () => {
    // total_deals / total_value over the contact's non-deleted deals.
    const totals = await sql<{ id: string }>`
      select c.id from contacts c
      where c.total_deals <> (select count(*) from deals d where d.contact_id = c.id and d.deleted_at is null)
         or c.total_value <> (select coalesce(sum(d.value), 0) from deals d
                              where d.contact_id = c.id and d.deleted_at is null)`.execute(db);
    expect(totals.rows).toEqual([]);
    // last_contact = latest communication.
    const lastContact = await sql<{ id: string }>`
      select c.id from contacts c
      where c.last_contact <> (select max(e.date) from communication_events e where e.contact_id = c.id)`.execute(
      db,
    );
    expect(lastContact.rows).toEqual([]);
    // unread_count and last message come from the conversation's messages.
    const conversations = await sql<{ id: string }>`
      select c.id from conversations c
      where c.unread_count <> (select count(*) from messages m where m.conversation_id = c.id
                               and m.sender_type = 'contact' and m.status = 'delivered')
         or c.last_message_id <> (select m.id from messages m where m.conversation_id = c.id
                                  order by m.timestamp desc limit 1)`.execute(db);
    expect(conversations.rows).toEqual([]);
    const unread = await db
      .selectFrom('conversations')
      .select('id')
      .where('unread_count', '>', 0)
      .execute();
    expect(unread.length).toBeGreaterThan(0);
    // Scores follow API.md's bands; closed deals are dated and fixed at 100 / 0.
    const contacts = await db
      .selectFrom('contacts')
      .select(['health_score', 'relationship_health'])
      .execute();
    for (const c of contacts) {
      const band = c.health_score > 70 ? 'high' : c.health_score > 40 ? 'medium' : 'low';
      expect(c.relationship_health).toBe(band);
    }
    const closed = await db
      .selectFrom('deals')
      .select(['stage', 'probability', 'closed_date'])
      .where('stage', 'in', ['closed-won', 'closed-lost'])
      .execute();
    for (const deal of closed) {
      expect(deal.closed_date).not.toBeNull();
      expect(deal.probability).toBe(deal.stage === 'closed-won' ? 100 : 0);
    }
  });

  it('does nothing the second time', async () => {
    const before = await countAll(db);
    expect(await seedDemo(db, { now })).toEqual({ seeded: false });
    expect(await countAll(db)).toEqual(before);
  });

  it('seedLarge adds a benchmark organization at scale', async () => {
    const { organizationId, counts } = await seedLarge(db, { now, scale: 0.01 });
    const expected = {
      contacts: 1_000,
      deals: 500,
      conversations: 200,
      messages: 2_000,
      calendar_events: 500,
    };
    for (const [table, n] of Object.entries(expected)) {
      expect(await count(db, table as keyof Database, organizationId), table).toBe(n);
      expect(counts[table], table).toBe(n);
    }
    const org = await db
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', organizationId)
      .executeTakeFirst();
    expect(org?.name).toBe('Flow Bench');
    // The demo organization is untouched.
    expect(await count(db, 'organizations')).toBe(2);
  });
});
