import { sql } from 'kysely';
import type { ContactRow, NewContactRow } from '../../db/schema';
import type { Tx } from '../../db/tx';
import { visibleTo, type Scope } from '../../platform/scope';

// Read-only lookups of contacts, users and deals that conversations need, plus the one write
// inbound mail needs: a contact for an unknown sender (the contacts service has no in-transaction
// create, and it must happen in the same transaction as the message).

export function visibleContact(db: Tx, scope: Scope, id: string): Promise<ContactRow | undefined> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .$call(visibleTo(scope, 'contacts'))
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export function contactById(db: Tx, id: string): Promise<ContactRow | undefined> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function userById(db: Tx, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'organization_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** An active user of the organization with this email (the `to` of an inbound message). */
export function activeUserByEmail(db: Tx, organizationId: string, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('organization_id', '=', organizationId)
    .where('active', '=', 1)
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export function contactByEmail(
  db: Tx,
  organizationId: string,
  email: string,
): Promise<ContactRow | undefined> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('email', '=', email.toLowerCase())
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Phone as digits only, in SQL, so "+1 (555) 010-0100" and "15550100100" compare equal. */
const phoneDigits = sql<string>`replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', '')`;

/**
 * Contacts whose phone ends with the same last seven digits; the service picks the exact match
 * (or one number being the other with a country code in front).
 */
export function contactsByPhoneTail(
  db: Tx,
  organizationId: string,
  tail: string,
): Promise<ContactRow[]> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('phone', 'is not', null)
    .where('deleted_at', 'is', null)
    .where(phoneDigits, 'like', `%${tail}`)
    .orderBy('created_at')
    .orderBy('id')
    .limit(20)
    .execute();
}

/** Chat handles that are neither email nor phone are matched by exact (case-blind) name. */
export function contactByName(
  db: Tx,
  organizationId: string,
  name: string,
): Promise<ContactRow | undefined> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
}

/**
 * The owner for a contact nobody introduced: round-robin over active sales users, as the one
 * whose latest contact is oldest (or who has none), so leads spread evenly without stored state.
 * Falls back to the organization's first active admin when it has no sales users.
 */
export async function nextInboundOwner(db: Tx, organizationId: string): Promise<string | null> {
  const sales = await db
    .selectFrom('users')
    .leftJoin('contacts', (join) =>
      join.onRef('contacts.owner_id', '=', 'users.id').on('contacts.deleted_at', 'is', null),
    )
    .select(['users.id as id', (eb) => eb.fn.max('contacts.created_at').as('latest')])
    .where('users.organization_id', '=', organizationId)
    .where('users.role', '=', 'sales')
    .where('users.active', '=', 1)
    .groupBy('users.id')
    .execute();
  if (sales.length > 0) {
    sales.sort((a, b) => {
      if (a.latest === b.latest) return a.id < b.id ? -1 : 1;
      if (a.latest === null) return -1;
      if (b.latest === null) return 1;
      return String(a.latest) < String(b.latest) ? -1 : 1;
    });
    return sales[0]!.id;
  }
  const admin = await db
    .selectFrom('users')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  return admin?.id ?? null;
}

export async function insertContact(tx: Tx, row: NewContactRow): Promise<ContactRow> {
  await tx.insertInto('contacts').values(row).execute();
  return tx.selectFrom('contacts').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
}

const OPEN_STAGES = ['prospect', 'qualified', 'proposal', 'negotiation'] as const;

/** The contact's most recently active open deal, for smart compose (read-only). */
export function latestOpenDeal(db: Tx, contactId: string) {
  return db
    .selectFrom('deals')
    .select(['title', 'stage', 'value', 'expected_close_date', 'competitor_mentioned'])
    .where('contact_id', '=', contactId)
    .where('stage', 'in', [...OPEN_STAGES])
    .where('deleted_at', 'is', null)
    .orderBy(sql`coalesce(last_activity, created_at)`, 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}
