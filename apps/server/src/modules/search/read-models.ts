import type { ContactSummary, DealSummary } from '@flow/contracts';
import type { ContactRow, DealRow } from '../../db/schema';
import type { Tx } from '../../db/tx';
import { toContactSummary } from '../contacts/mapper';
import { tagNamesOf } from '../tags/repository';
import { toDealSummary } from './mappers';

// Pages of contacts and deals as the lists show them, with their tags loaded in one query.
// Shared by search and the dashboard.

export async function contactSummaries(
  db: Tx,
  organizationId: string,
  rows: readonly ContactRow[],
): Promise<ContactSummary[]> {
  const tags = await tagNamesOf(
    db,
    organizationId,
    'contact',
    rows.map((r) => r.id),
  );
  return rows.map((r) => toContactSummary(r, tags.get(r.id) ?? []));
}

export async function dealSummaries(
  db: Tx,
  organizationId: string,
  rows: readonly (DealRow & { contact_id: string })[],
): Promise<DealSummary[]> {
  const tags = await tagNamesOf(
    db,
    organizationId,
    'deal',
    rows.map((r) => r.id),
  );
  return rows.map((r) => toDealSummary(r, tags.get(r.id) ?? []));
}

/** Deals whose contact was erased have no contactId to show; the list queries leave them out. */
export function withContact(rows: readonly DealRow[]): (DealRow & { contact_id: string })[] {
  return rows.flatMap((r) => (r.contact_id ? [{ ...r, contact_id: r.contact_id }] : []));
}
