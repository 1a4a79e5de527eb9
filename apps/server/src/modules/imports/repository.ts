import { sql } from 'kysely';
import type { NewContactRow, NewDealRow } from '../../db/schema';
import type { Tx } from '../../db/tx';
import { visibleTo, type Scope } from '../../platform/scope';

// Imports write contacts and deals in bulk (one insert per batch) and exports page through
// them by id; both read and write the tables directly, scoped like the owning modules do.

/** Keeps each IN list and multi-row insert well under both databases' parameter limits. */
const IN_CHUNK = 500;

function chunked<T>(items: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function activeMembers(db: Tx, organizationId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('organization_id', '=', organizationId)
    .where('active', '=', 1)
    .execute();
}

/** Emails already used by a live contact of the organization (uniqueness is per org). */
export async function takenEmails(
  db: Tx,
  organizationId: string,
  emails: readonly string[],
): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const part of chunked([...new Set(emails)])) {
    const rows = await db
      .selectFrom('contacts')
      .select('email')
      .where('organization_id', '=', organizationId)
      .where('deleted_at', 'is', null)
      .where('email', 'in', part)
      .execute();
    for (const r of rows) if (r.email) taken.add(r.email);
  }
  return taken;
}

export async function insertContacts(tx: Tx, rows: readonly NewContactRow[]): Promise<void> {
  // 500 rows × 21 columns stays under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
  for (const part of chunked(rows)) await tx.insertInto('contacts').values(part).execute();
}

/** Visible live contacts with one of these emails or (lower-cased) names. */
export async function visibleContactsNamed(
  db: Tx,
  scope: Scope,
  emails: readonly string[],
  names: readonly string[],
) {
  const found = new Map<
    string,
    { id: string; name: string; email: string | null; company: string | null }
  >();
  const lookups = [
    ...chunked([...new Set(emails)]).map((part) => ({ column: 'email' as const, part })),
    ...chunked([...new Set(names)]).map((part) => ({ column: 'name' as const, part })),
  ];
  for (const { column, part } of lookups) {
    const rows = await db
      .selectFrom('contacts')
      .$call(visibleTo(scope, 'contacts'))
      .where('contacts.deleted_at', 'is', null)
      .where(column === 'email' ? sql.ref('contacts.email') : sql`lower(contacts.name)`, 'in', part)
      .select(['contacts.id', 'contacts.name', 'contacts.email', 'contacts.company'])
      .execute();
    for (const r of rows) found.set(r.id, r);
  }
  return [...found.values()];
}

/** `contactId \0 lower(title)` of the live deals of these contacts: re-imports are skipped. */
export async function existingDealKeys(
  db: Tx,
  organizationId: string,
  contactIds: readonly string[],
): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const part of chunked([...new Set(contactIds)])) {
    const rows = await db
      .selectFrom('deals')
      .select(['contact_id', 'title'])
      .where('organization_id', '=', organizationId)
      .where('deleted_at', 'is', null)
      .where('contact_id', 'in', part)
      .execute();
    for (const r of rows) keys.add(dealKey(r.contact_id ?? '', r.title));
  }
  return keys;
}

export const dealKey = (contactId: string, title: string) =>
  `${contactId}\u0000${title.trim().toLowerCase()}`;

export async function insertDeals(tx: Tx, rows: readonly NewDealRow[]): Promise<void> {
  for (const part of chunked(rows, 250)) await tx.insertInto('deals').values(part).execute();
}

// ─── export pages (keyset by id, so each page is an index range and memory stays flat) ─────

export function contactsPage(db: Tx, scope: Scope, afterId: string | null, limit: number) {
  let query = db
    .selectFrom('contacts')
    .leftJoin('users as owner', 'owner.id', 'contacts.owner_id')
    .$call(visibleTo(scope, 'contacts'))
    .where('contacts.deleted_at', 'is', null);
  if (afterId) query = query.where('contacts.id', '>', afterId);
  return query
    .selectAll('contacts')
    .select('owner.email as owner_email')
    .orderBy('contacts.id')
    .limit(limit)
    .execute();
}

export function dealsPage(db: Tx, scope: Scope, afterId: string | null, limit: number) {
  let query = db
    .selectFrom('deals')
    .leftJoin('users as owner', 'owner.id', 'deals.owner_id')
    .leftJoin('contacts', 'contacts.id', 'deals.contact_id')
    .$call(visibleTo(scope, 'deals'))
    .where('deals.deleted_at', 'is', null);
  if (afterId) query = query.where('deals.id', '>', afterId);
  return query
    .selectAll('deals')
    .select(['owner.email as owner_email', 'contacts.email as contact_email'])
    .orderBy('deals.id')
    .limit(limit)
    .execute();
}
