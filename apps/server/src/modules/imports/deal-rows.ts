import { CreateDealBodySchema, type CreateDealBody } from '@flow/contracts';
import type { Scope } from '../../platform/scope';
import { cellOf, headerKey, listCell, moneyCell, type CsvRow } from './csv';
import { ownerOf, schemaErrors, type ColumnRef, type OrgMembers, type RowOutcome } from './rows';

/** Accepted headers per field, as headerKey() normalises them ("Close date" → "closedate"). */
export const DEAL_COLUMNS = {
  title: ['title', 'dealname', 'deal', 'dealtitle', 'name', 'opportunity', 'opportunityname'],
  contactEmail: ['contactemail', 'email', 'emailaddress', 'contactemailaddress'],
  contactName: ['contactname', 'contact', 'person', 'contactperson', 'primarycontact'],
  value: ['value', 'amount', 'dealvalue', 'dealamount', 'price', 'revenue', 'size'],
  stage: ['stage', 'dealstage', 'pipelinestage', 'status'],
  expectedCloseDate: ['expectedclosedate', 'closedate', 'closingdate', 'expectedclose', 'close'],
  description: ['description', 'notes', 'details', 'summary'],
  tags: ['tags', 'tag', 'labels', 'label'],
  competitorMentioned: ['competitor', 'competitormentioned', 'competitors'],
  priority: ['priority'],
  owner: ['owner', 'owneremail', 'ownerid', 'assignedto', 'salesrep'],
} as const;
export type DealColumn = keyof typeof DEAL_COLUMNS;

/** Stage names other tools export, read as ours. */
const STAGES: Record<string, CreateDealBody['stage']> = {
  prospect: 'prospect',
  prospecting: 'prospect',
  lead: 'prospect',
  new: 'prospect',
  qualified: 'qualified',
  qualification: 'qualified',
  proposal: 'proposal',
  proposalsent: 'proposal',
  quote: 'proposal',
  negotiation: 'negotiation',
  negotiating: 'negotiation',
  contract: 'negotiation',
  closedwon: 'closed-won',
  won: 'closed-won',
  closedlost: 'closed-lost',
  lost: 'closed-lost',
};

/** Validated without contactId: the contact is found per batch among the visible contacts. */
const DealRowSchema = CreateDealBodySchema.omit({ contactId: true, ownerId: true });

export function missingDealColumns(columns: Map<DealColumn, ColumnRef>): string[] {
  const missing: string[] = [];
  if (!columns.has('title')) missing.push('title');
  if (!columns.has('contactEmail') && !columns.has('contactName')) missing.push('contact');
  if (!columns.has('value')) missing.push('value');
  if (!columns.has('expectedCloseDate')) missing.push('expectedCloseDate');
  return missing;
}

export interface DealCandidate {
  body: Omit<CreateDealBody, 'contactId' | 'ownerId'>;
  ownerId: string;
  /** How the row names its contact; a "Contact" cell holding an address counts as an email. */
  contactEmail?: string;
  contactName?: string;
  contactLabel: string;
}

export function readDealRow(
  row: CsvRow,
  columns: Map<DealColumn, ColumnRef>,
  scope: Scope,
  members: OrgMembers,
): RowOutcome<DealCandidate> {
  const cell = (c: DealColumn) => cellOf(row.cells, columns.get(c)?.index);
  const stage = cell('stage');
  const candidate = {
    title: cell('title'),
    value: moneyCell(cell('value')),
    stage: stage ? (STAGES[headerKey(stage)] ?? stage) : undefined,
    expectedCloseDate: cell('expectedCloseDate'),
    description: cell('description'),
    tags: listCell(cell('tags')),
    competitorMentioned: cell('competitorMentioned'),
    priority: cell('priority')?.toLowerCase(),
  };
  const body = Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined));
  const labelOf = (field: string) => columns.get(field as DealColumn)?.label ?? field;
  // missingDealColumns() already refused a file without either contact column.
  const contactLabel = (columns.get('contactEmail') ?? columns.get('contactName'))!.label;
  const named = [cell('contactEmail'), cell('contactName')].filter((v): v is string => !!v);
  const contactEmail = named.find((v) => v.includes('@'))?.toLowerCase();
  const contactName = named.find((v) => !v.includes('@'));

  const parsed = DealRowSchema.safeParse(body);
  const owner = ownerOf(scope, members, cell('owner'));
  const errors = parsed.success ? [] : schemaErrors(row.line, parsed.error, labelOf);
  if (!contactEmail && !contactName)
    errors.push({
      row: row.line,
      field: contactLabel,
      message: 'Required: the contact email or name',
    });
  if (!owner.ok) errors.push({ row: row.line, field: labelOf('owner'), message: owner.message });
  if (!parsed.success || !owner.ok || errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    line: row.line,
    value: {
      body: parsed.data,
      ownerId: owner.id,
      ...(contactEmail ? { contactEmail } : {}),
      ...(contactName ? { contactName } : {}),
      contactLabel,
    },
  };
}
