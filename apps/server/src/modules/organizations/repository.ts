import type { Tx } from '../../db/tx';

/** Settings every domain reads (API.md: "high-value … an organization setting"). */
export async function organizationSettings(
  db: Tx,
  organizationId: string,
): Promise<{ highValueThreshold: number }> {
  const row = await db
    .selectFrom('organizations')
    .select('settings')
    .where('id', '=', organizationId)
    .executeTakeFirst();
  const settings = row ? (JSON.parse(row.settings) as { highValueThreshold?: unknown }) : {};
  return {
    highValueThreshold:
      typeof settings.highValueThreshold === 'number' ? settings.highValueThreshold : 50_000,
  };
}

/** A user of the organization who can own records (for ownerId on create/update). */
export async function isActiveMember(
  db: Tx,
  organizationId: string,
  userId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('organization_id', '=', organizationId)
    .where('active', '=', 1)
    .executeTakeFirst();
  return Boolean(row);
}
