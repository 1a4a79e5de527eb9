import { z } from 'zod';
import {
  IdSchema,
  IsoDateTimeSchema,
  PageQuerySchema,
  requiredText,
  shortText,
  sortOf,
} from './common';

export const RoleSchema = z.enum(['admin', 'sales', 'manager']);
export type Role = z.infer<typeof RoleSchema>;

export const PreferencesSchema = z.strictObject({
  theme: z.enum(['light', 'dark']),
  notifications: z.boolean(),
  timezone: shortText(64).refine(isTimeZone, 'Unknown IANA time zone'),
});
export type Preferences = z.infer<typeof PreferencesSchema>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  name: z.string(),
  avatar: z.string().optional(),
  role: RoleSchema,
  preferences: PreferencesSchema,
  organizationId: IdSchema,
  createdAt: IsoDateTimeSchema,
  lastLogin: IsoDateTimeSchema.nullable(),
  active: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

const EmailSchema = z.email('Enter a valid email address').max(254);
const PasswordSchema = z.string().min(8, 'At least 8 characters').max(200);

export const LoginBodySchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1, 'Required').max(200),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const LoginResponseSchema = z.object({
  user: UserSchema,
  token: z.string(),
  refreshToken: z.string(),
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const RefreshBodySchema = z.strictObject({ refreshToken: z.string().min(1).max(200) });
export const RefreshResponseSchema = z.object({ token: z.string(), refreshToken: z.string() });
export type RefreshResponse = z.infer<typeof RefreshResponseSchema>;

export const UpdateMeBodySchema = z.strictObject({
  name: requiredText(120).optional(),
  avatar: z.url().max(2000).nullable().optional(),
  preferences: PreferencesSchema.partial().optional(),
});
export type UpdateMeBody = z.infer<typeof UpdateMeBodySchema>;

export const ChangePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1, 'Required').max(200),
  newPassword: PasswordSchema,
});

/** Admin user management (API.md §3). */
export const UsersQuerySchema = PageQuerySchema.extend({
  search: shortText(200).optional(),
  role: RoleSchema.optional(),
  sort: sortOf(['name', 'email', 'createdAt', 'lastLogin']).optional(),
});
export type UsersQuery = z.infer<typeof UsersQuerySchema>;

export const CreateUserBodySchema = z.strictObject({
  email: EmailSchema,
  name: requiredText(120),
  role: RoleSchema,
  /** Omitted → the server generates a one-time password and returns it once. */
  password: PasswordSchema.optional(),
});
export type CreateUserBody = z.infer<typeof CreateUserBodySchema>;

export const CreateUserResponseSchema = z.object({
  user: UserSchema,
  oneTimePassword: z.string().optional(),
});

export const UpdateUserBodySchema = z.strictObject({
  name: requiredText(120).optional(),
  role: RoleSchema.optional(),
  active: z.boolean().optional(),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBodySchema>;
