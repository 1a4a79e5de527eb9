import type { Role } from '@flow/contracts';
import { sql, type Expression, type SqlBool } from 'kysely';

/** Any Kysely select/update/delete builder: all of them accept a boolean expression in where(). */
type Filterable = { where(expression: Expression<SqlBool>): unknown };

/**
 * Who is asking, as every repository query needs it. API.md §2: organizations isolate everything;
 * `sales` see what they own, `manager` and `admin` see the whole organization.
 */
export interface Scope {
  organizationId: string;
  userId: string;
  role: Role;
}

export const seesWholeOrganization = (scope: Scope): boolean => scope.role !== 'sales';

/** Tables whose rows belong to an organization and an owner. */
export type OwnedTable = string;

/**
 * Restricts a select/update/delete to the rows the scope may see. Every repository applies it with
 * `.$call(visibleTo(scope, 'contacts'))`, so no route does its own ownership check.
 */
export function visibleTo(scope: Scope, table: OwnedTable, ownerColumn = 'owner_id') {
  return <QB extends Filterable>(qb: QB): QB => {
    const inOrganization = qb.where(
      sql<boolean>`${sql.ref(`${table}.organization_id`)} = ${scope.organizationId}`,
    ) as QB;
    if (seesWholeOrganization(scope)) return inOrganization;
    return (inOrganization as Filterable).where(
      sql<boolean>`${sql.ref(`${table}.${ownerColumn}`)} = ${scope.userId}`,
    ) as QB;
  };
}

/** Restricts to the caller's organization only (users, tags, templates shared by the team). */
export function inOrganization(scope: Scope, table: string) {
  return <QB extends Filterable>(qb: QB): QB =>
    qb.where(sql<boolean>`${sql.ref(`${table}.organization_id`)} = ${scope.organizationId}`) as QB;
}

/** Whether a record with this owner is visible (for events and in-memory checks). */
export function canSee(
  scope: Scope,
  record: { organizationId: string; ownerId: string | null },
): boolean {
  if (record.organizationId !== scope.organizationId) return false;
  return seesWholeOrganization(scope) || record.ownerId === scope.userId;
}
