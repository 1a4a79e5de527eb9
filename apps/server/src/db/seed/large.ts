import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword } from '../../modules/auth/passwords';
import { newId } from '../../platform/ids';
import type { Database } from '../schema';
import { insertRows, type FullRow } from './batch';
import { DEMO_PASSWORD, type SeedOptions } from './demo';
import { benchSizes, makePlan, type BenchPlan } from './large-plan';
import { contactRows, conversationRows, dealRows, eventRows } from './large-rows';
import { DAY, iso } from './time';

export interface LargeSeedOptions extends SeedOptions {
  /** Multiplies every count (1 = 100,000 contacts); tests use 0.01. */
  scale?: number;
}

export interface LargeSeedResult {
  organizationId: string;
  counts: Record<string, number>;
  ms: number;
}

/** Rows keyed by table, in insertion order. */
type TableRows = { [T in keyof Database]?: FullRow<T>[] };

// Rows per transaction: big enough to amortise commits, small enough to report progress.
const CHUNK = 10_000;
// Multi-row statements of up to this many rows (batch.ts also keeps under the parameter cap).
const STATEMENT_ROWS = 500;

/**
 * A benchmark dataset under a new organization "Flow Bench" (next to whatever exists):
 * 100,000 contacts, 50,000 deals, 20,000 conversations with 200,000 messages and 50,000 events
 * at scale 1, each contact with one communication and each deal with one activity.
 */
export async function seedLarge(
  db: Kysely<Database>,
  opts: LargeSeedOptions = {},
): Promise<LargeSeedResult> {
  const log = opts.log ?? (() => undefined);
  const now = (opts.now ?? new Date()).getTime();
  const started = Date.now();
  const sizes = benchSizes(opts.scale ?? 1);

  // Each run gets its own organization and user addresses (emails are unique server-wide).
  const runs = await db
    .selectFrom('organizations')
    .select('id')
    .where('name', 'like', 'Flow Bench%')
    .execute();
  const run = runs.length + 1;
  const domain = run === 1 ? 'bench.flowcrm.dev' : `bench${run}.flowcrm.dev`;
  const orgId = newId();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = ['manager', 'sales1', 'sales2', 'sales3', 'sales4', 'admin'].map((handle) => ({
    id: newId(),
    handle,
    name: `Bench ${handle[0]?.toUpperCase()}${handle.slice(1)}`,
  }));
  await db.transaction().execute(async (trx) => {
    await insertRows(trx, 'organizations', [
      {
        id: orgId,
        name: run === 1 ? 'Flow Bench' : `Flow Bench ${run}`,
        settings: JSON.stringify({ currency: 'USD', highValueThreshold: 50_000 }),
        created_at: iso(now - 365 * DAY),
      },
    ]);
    await insertRows(
      trx,
      'users',
      users.map((u): FullRow<'users'> => ({
        id: u.id,
        organization_id: orgId,
        email: `${u.handle}@${domain}`,
        name: u.name,
        avatar: null,
        role: u.handle === 'admin' ? 'admin' : u.handle === 'manager' ? 'manager' : 'sales',
        password_hash: passwordHash,
        preferences: JSON.stringify({
          theme: 'light',
          notifications: true,
          timezone: 'America/New_York',
        }),
        active: 1,
        feed_secret: crypto.randomBytes(24).toString('base64url'),
        created_at: iso(now - 365 * DAY),
        updated_at: iso(now - 365 * DAY),
        last_login: null,
      })),
    );
  });
  // The admin owns nothing; the manager and four sales reps share the book.
  const plan = makePlan({ orgId, now, owners: users.slice(0, 5), sizes, domain });
  log(
    `Seeding Flow Bench (run ${run}): ${sizes.contacts} contacts, ${sizes.deals} deals, ${sizes.conversations} conversations, ${sizes.conversations * sizes.messagesPerConversation} messages, ${sizes.events} events`,
  );

  const counts: Record<string, number> = { organizations: 1, users: users.length };
  const phase = async (
    label: string,
    total: number,
    build: (plan: BenchPlan, from: number, to: number) => TableRows,
  ) => {
    const phaseStart = Date.now();
    let rows = 0;
    for (let from = 0; from < total; from += CHUNK) {
      const to = Math.min(total, from + CHUNK);
      const tables = build(plan, from, to);
      await db.transaction().execute(async (trx) => {
        for (const [table, tableRows] of Object.entries(tables) as [
          keyof Database,
          FullRow<keyof Database>[],
        ][]) {
          await insertRows(trx, table, tableRows, STATEMENT_ROWS);
          counts[table] = (counts[table] ?? 0) + tableRows.length;
          rows += tableRows.length;
        }
      });
      log(`  ${label}: ${to}/${total}`);
    }
    const seconds = (Date.now() - phaseStart) / 1000;
    log(
      `  ${label} done: ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / Math.max(seconds, 0.001))} rows/s)`,
    );
  };
  // Parents first: deals reference contacts, conversations contacts, events contacts and deals.
  await phase('contacts', sizes.contacts, contactRows);
  await phase('deals', sizes.deals, dealRows);
  await phase('conversations', sizes.conversations, conversationRows);
  await phase('calendar events', sizes.events, eventRows);

  const ms = Date.now() - started;
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  log(
    `Flow Bench ready: ${total} rows in ${(ms / 1000).toFixed(1)} s (${Math.round(total / (ms / 1000))} rows/s); log in as manager@${domain} / ${DEMO_PASSWORD}`,
  );
  return { organizationId: orgId, counts, ms };
}
