import crypto from 'node:crypto';
import { faker } from '@faker-js/faker/locale/en';
import { sql, type Kysely } from 'kysely';
import { hashPassword } from '../../modules/auth/passwords';
import { newId } from '../../platform/ids';
import { isPostgres } from '../column-types';
import type { Database } from '../schema';
import { insertRows, type FullRow } from './batch';
import { buildCalendar } from './demo-calendar';
import { firstNameOf, json, type DemoContext, type DemoUser } from './demo-context';
import { buildContacts, finalizeContacts } from './demo-contacts';
import { buildDeals } from './demo-deals';
import { buildConversations } from './demo-conversations';
import { buildFeeds } from './demo-feeds';
import { buildContactInsights } from './demo-insights';
import { buildTags, buildTemplates } from './demo-tags';
import { Random } from './random';
import { DAY, HOUR, iso } from './time';

export interface SeedOptions {
  /** The demo's "today"; every date is relative to it. */
  now?: Date;
  log?: (line: string) => void;
}

export const DEMO_PASSWORD = 'demo-password';
const SIZES = {
  contacts: 220,
  deletedContacts: 3,
  deals: 130,
  deletedDeals: 4,
  conversations: 64,
  events: 86,
};

/**
 * Fills an empty database with a lively demo organization. Does nothing when any organization
 * exists, so every start of a demo server may call it.
 */
export async function seedDemo(
  db: Kysely<Database>,
  opts: SeedOptions = {},
): Promise<{ seeded: boolean }> {
  if (await hasOrganization(db)) return { seeded: false };
  const started = Date.now();
  // Hashed once outside the transaction: argon2 is deliberately slow and every user shares it.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const counts = await db.transaction().execute(async (trx) => {
    // Two servers starting together on one PostgreSQL database must not both seed.
    if (isPostgres(trx))
      await sql`select pg_advisory_xact_lock(hashtext('flow-crm:demo-seed'))`.execute(trx);
    if (await hasOrganization(trx)) return null;
    return insertDemo(trx, (opts.now ?? new Date()).getTime(), passwordHash);
  });
  if (!counts) return { seeded: false };
  const summary = Object.entries(counts)
    .map(([table, n]) => `${n} ${table}`)
    .join(', ');
  opts.log?.(`Demo seed: ${summary} in ${Date.now() - started} ms`);
  opts.log?.(
    'Demo data ready — log in as sales@demo.flowcrm.dev / demo-password (also manager@, admin@, sales2@)',
  );
  return { seeded: true };
}

async function hasOrganization(db: Kysely<Database>): Promise<boolean> {
  return (
    (await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst()) !== undefined
  );
}

async function insertDemo(db: Kysely<Database>, now: number, passwordHash: string) {
  // Names and companies are the same on every run; only dates follow the clock.
  faker.seed(42);
  const orgId = newId();
  const user = (role: DemoUser['role'], email: string, name: string): DemoUser => ({
    id: newId(),
    role,
    email,
    name,
    first: firstNameOf(name),
  });
  const ctx: DemoContext = {
    orgId,
    now,
    rng: new Random(42),
    faker,
    admin: user('admin', 'admin@demo.flowcrm.dev', 'Avery Admin'),
    manager: user('manager', 'manager@demo.flowcrm.dev', 'Morgan Lee'),
    sales: user('sales', 'sales@demo.flowcrm.dev', 'Sam Rivera'),
    sales2: user('sales', 'sales2@demo.flowcrm.dev', 'Jordan Kim'),
  };

  const { contacts, events: history } = buildContacts(ctx, SIZES.contacts, SIZES.deletedContacts);
  const deals = buildDeals(ctx, contacts, SIZES.deals, SIZES.deletedDeals);
  finalizeContacts(
    ctx,
    contacts,
    deals.deals.map((d) => ({
      contactId: d.contact.id,
      value: d.value,
      open: d.row.closed_date === null,
      deleted: d.deleted,
    })),
  );
  const conversations = buildConversations(ctx, contacts, SIZES.conversations);
  const calendar = buildCalendar(ctx, contacts, deals.deals, SIZES.events);
  const inputs = {
    contacts,
    deals: deals.deals,
    conversations: conversations.conversations,
    events: calendar.events,
  };
  const tags = buildTags(ctx, inputs);
  const feeds = buildFeeds(ctx, { ...inputs, dealInsights: deals.insights });

  await insertRows(db, 'organizations', [
    {
      id: orgId,
      name: 'Flow Demo',
      settings: json({ currency: 'USD', highValueThreshold: 50_000 }),
      created_at: iso(now - 400 * DAY),
    },
  ]);
  await insertRows(
    db,
    'users',
    [ctx.admin, ctx.manager, ctx.sales, ctx.sales2].map((u) =>
      userRow(u, orgId, passwordHash, now),
    ),
  );
  // Parents before children, in foreign key order.
  const tables: { [T in keyof Database]?: FullRow<T>[] } = {
    contacts: contacts.map((c) => c.row),
    communication_events: history,
    ai_insights: buildContactInsights(ctx, contacts),
    deals: deals.deals.map((d) => d.row),
    deal_activities: deals.activities,
    deal_signals: deals.signals,
    deal_insights: deals.insights,
    conversations: conversations.conversations,
    messages: conversations.messages,
    message_analysis: conversations.analyses,
    attachments: conversations.attachments,
    message_templates: buildTemplates(ctx),
    calendar_events: calendar.events,
    attendees: calendar.attendees,
    event_attendees: calendar.eventAttendees,
    meeting_preparations: calendar.preparations,
    meeting_outcomes: calendar.outcomes,
    meeting_insights: calendar.insights,
    tags: tags.tags,
    taggings: tags.taggings,
    notifications: feeds.notifications,
    action_items: feeds.actionItems,
  };
  const counts: Record<string, number> = { users: 4 };
  for (const [table, rows] of Object.entries(tables) as [
    keyof Database,
    FullRow<keyof Database>[],
  ][]) {
    await insertRows(db, table, rows);
    counts[table] = rows.length;
  }
  return counts;
}

function userRow(u: DemoUser, orgId: string, passwordHash: string, now: number): FullRow<'users'> {
  return {
    id: u.id,
    organization_id: orgId,
    email: u.email,
    name: u.name,
    avatar: null,
    role: u.role,
    password_hash: passwordHash,
    preferences: json({ theme: 'light', notifications: true, timezone: 'America/New_York' }),
    active: 1,
    // The calendar feed URL's secret; random even in the demo, since it grants read access.
    feed_secret: crypto.randomBytes(24).toString('base64url'),
    created_at: iso(now - 400 * DAY),
    updated_at: iso(now - 30 * DAY),
    last_login: u.role === 'sales' ? iso(now - 2 * HOUR) : iso(now - 3 * DAY),
  };
}
