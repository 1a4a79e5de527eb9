import { CreateContactBodySchema, type CreateContactBody } from '@flow/contracts';
import type { Scope } from '../../platform/scope';
import { cellOf, dateTimeCell, listCell, type CsvRow } from './csv';
import { ownerOf, schemaErrors, type ColumnRef, type OrgMembers, type RowOutcome } from './rows';

/** Accepted headers per field, as headerKey() normalises them ("E-mail" → "email"). */
export const CONTACT_COLUMNS = {
  name: ['name', 'fullname', 'contactname', 'contact', 'person', 'displayname'],
  firstName: ['firstname', 'givenname', 'first'],
  lastName: ['lastname', 'surname', 'familyname', 'last'],
  email: ['email', 'emailaddress', 'mail', 'workemail', 'primaryemail', 'contactemail'],
  phone: ['phone', 'phonenumber', 'telephone', 'tel', 'mobile', 'mobilephone', 'cell', 'workphone'],
  company: ['company', 'organisation', 'organization', 'companyname', 'account', 'employer'],
  title: ['title', 'jobtitle', 'position', 'role'],
  avatar: ['avatar', 'avatarurl', 'photo', 'photourl', 'picture'],
  nextFollowUp: ['nextfollowup', 'followup', 'followupdate', 'nextfollowupdate'],
  tags: ['tags', 'tag', 'labels', 'label'],
  notes: ['notes', 'note', 'comments', 'comment', 'description'],
  owner: ['owner', 'owneremail', 'ownerid', 'assignedto', 'salesrep'],
} as const;
export type ContactColumn = keyof typeof CONTACT_COLUMNS;

/** The fields a file must have a column for (a name may come as first + last name). */
export function missingContactColumns(columns: Map<ContactColumn, ColumnRef>): string[] {
  const missing: string[] = [];
  if (!columns.has('name') && !columns.has('firstName') && !columns.has('lastName'))
    missing.push('name');
  if (!columns.has('email')) missing.push('email');
  return missing;
}

export interface ContactCandidate {
  body: CreateContactBody;
  ownerId: string;
  /** Lower-cased, as stored and compared. */
  email: string;
}

/** One row → a valid contact body and owner, or its errors (duplicates are checked per batch). */
export function readContactRow(
  row: CsvRow,
  columns: Map<ContactColumn, ColumnRef>,
  scope: Scope,
  members: OrgMembers,
): RowOutcome<ContactCandidate> {
  const cell = (c: ContactColumn) => cellOf(row.cells, columns.get(c)?.index);
  const name =
    cell('name') ?? ([cell('firstName'), cell('lastName')].filter(Boolean).join(' ') || undefined);
  const notes = cell('notes');
  const candidate = {
    name,
    email: cell('email'),
    phone: cell('phone'),
    company: cell('company'),
    title: cell('title'),
    avatar: cell('avatar'),
    nextFollowUp: dateTimeCell(cell('nextFollowUp')),
    tags: listCell(cell('tags')),
    notes: notes ? [notes] : undefined,
  };
  const body = Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined));
  const labelOf = (field: string) =>
    columns.get(field as ContactColumn)?.label ??
    (field === 'name' ? (columns.get('firstName') ?? columns.get('lastName'))?.label : undefined) ??
    field;
  const parsed = CreateContactBodySchema.safeParse(body);
  const owner = ownerOf(scope, members, cell('owner'));
  const errors = parsed.success ? [] : schemaErrors(row.line, parsed.error, labelOf);
  if (!owner.ok) errors.push({ row: row.line, field: labelOf('owner'), message: owner.message });
  if (!parsed.success || !owner.ok) return { ok: false, errors };
  return {
    ok: true,
    line: row.line,
    value: { body: parsed.data, ownerId: owner.id, email: parsed.data.email.toLowerCase() },
  };
}
