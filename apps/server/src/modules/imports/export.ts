import type { Tx } from '../../db/tx';
import type { Scope } from '../../platform/scope';
import { parseList } from '../contacts/mapper';
import { tagNamesOf } from '../tags/repository';
import * as repo from './repository';

// Rows of the CSV exports, page by page: headers import back (see CONTACT_COLUMNS/DEAL_COLUMNS).

const PAGE = 1_000;
type Cell = string | number;

/**
 * Spreadsheets run a cell starting with = + - @ (or tab / CR) as a formula: such text gets a
 * leading apostrophe, so an exported "=HYPERLINK(…)" is shown, never executed (OWASP CSV injection).
 */
export function safeCell(value: string | number | null | undefined): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export const CONTACT_EXPORT_HEADER = [
  'Name',
  'Email',
  'Phone',
  'Company',
  'Title',
  'Tags',
  'Notes',
  'Next follow-up',
  'Owner',
  'Health score',
  'Relationship health',
  'Sentiment',
  'Churn risk',
  'Last contact',
  'Total deals',
  'Total value',
  'Created at',
];

export async function* contactRecords(db: Tx, scope: Scope): AsyncGenerator<Cell[]> {
  for (let after: string | null = null; ;) {
    const page = await repo.contactsPage(db, scope, after, PAGE);
    const tags = await tagNamesOf(
      db,
      scope.organizationId,
      'contact',
      page.map((r) => r.id),
    );
    for (const r of page) {
      yield [
        r.name,
        r.email,
        r.phone,
        r.company,
        r.title,
        (tags.get(r.id) ?? []).join('; '),
        parseList(r.notes).join('\n'),
        r.next_follow_up,
        r.owner_email,
        r.health_score,
        r.relationship_health,
        r.sentiment,
        r.churn_risk,
        r.last_contact,
        r.total_deals,
        r.total_value,
        r.created_at,
      ].map(safeCell);
    }
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.id;
  }
}

export const DEAL_EXPORT_HEADER = [
  'Title',
  'Contact',
  'Contact email',
  'Company',
  'Value',
  'Stage',
  'Expected close date',
  'Description',
  'Tags',
  'Competitor',
  'Priority',
  'Owner',
  'Probability',
  'Confidence',
  'Risk factors',
  'Positive signals',
  'Last activity',
  'Closed date',
  'Created at',
];

export async function* dealRecords(db: Tx, scope: Scope): AsyncGenerator<Cell[]> {
  for (let after: string | null = null; ;) {
    const page = await repo.dealsPage(db, scope, after, PAGE);
    const tags = await tagNamesOf(
      db,
      scope.organizationId,
      'deal',
      page.map((r) => r.id),
    );
    for (const r of page) {
      yield [
        r.title,
        r.contact_name,
        r.contact_email,
        r.company,
        r.value,
        r.stage,
        r.expected_close_date?.slice(0, 10),
        r.description,
        (tags.get(r.id) ?? []).join('; '),
        r.competitor_mentioned,
        r.priority,
        r.owner_email,
        r.probability,
        r.confidence,
        parseList(r.risk_factors).join('; '),
        parseList(r.positive_signals).join('; '),
        r.last_activity,
        r.closed_date,
        r.created_at,
      ].map(safeCell);
    }
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.id;
  }
}
