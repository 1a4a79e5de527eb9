import { PreferencesSchema, type Preferences, type User } from '@flow/contracts';
import type { UserRow } from '../../db/schema';

export const defaultPreferences: Preferences = {
  theme: 'light',
  notifications: true,
  timezone: 'UTC',
};

/** A users row as the API shows it (never the password hash or feed secret). */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    ...(row.avatar ? { avatar: row.avatar } : {}),
    role: row.role,
    preferences: parsePreferences(row.preferences),
    organizationId: row.organization_id,
    createdAt: row.created_at,
    lastLogin: row.last_login,
    active: row.active === 1,
  };
}

function parsePreferences(json: string): Preferences {
  try {
    const parsed = PreferencesSchema.partial().safeParse(JSON.parse(json));
    return { ...defaultPreferences, ...(parsed.success ? parsed.data : {}) };
  } catch {
    return defaultPreferences;
  }
}
