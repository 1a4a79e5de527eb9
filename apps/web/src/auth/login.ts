import {
  ErrorBodySchema,
  LoginBodySchema,
  LoginResponseSchema,
  type LoginResponse,
} from '@flow/contracts';

export type LoginResult =
  | { ok: true; session: LoginResponse }
  | { ok: false; message: string; fields: Record<string, string[]> };

/**
 * Validates with the same schema as the server, then logs in. The full API client with refresh and
 * retries arrives with the web platform; this is the minimal path the start page needs.
 */
export async function login(
  email: string,
  password: string,
  fetchImpl: typeof fetch = fetch,
  baseUrl = '',
): Promise<LoginResult> {
  const parsed = LoginBodySchema.safeParse({ email, password });
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues)
      (fields[issue.path.join('.')] ??= []).push(issue.message);
    return { ok: false, message: 'Check the highlighted fields', fields };
  }
  const response = await fetchImpl(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(parsed.data),
  });
  const body: unknown = await response.json();
  if (response.ok) return { ok: true, session: LoginResponseSchema.parse(body) };
  const error = ErrorBodySchema.safeParse(body);
  return {
    ok: false,
    message: error.success ? error.data.error.message : `Login failed (${response.status})`,
    fields: (error.success && error.data.error.details?.fields) || {},
  };
}
