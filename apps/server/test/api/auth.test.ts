import { ErrorBodySchema, LoginResponseSchema, UserSchema } from '@flow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { TEST_PASSWORD, createTeam } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe.each(testDatabaseKinds)('auth on %s', (kind) => {
  let t: TestApp;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let now = new Date('2026-03-02T09:00:00.000Z');

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => now });
    team = await createTeam(t.db.handle.db);
  });
  afterAll(() => t.close());

  it('logs in with the right password and returns the user, an access token and a refresh token', async () => {
    const res = await t.request('POST', '/api/auth/login', {
      body: { email: team.sales.email, password: TEST_PASSWORD },
    });
    expect(res.status).toBe(200);
    const body = LoginResponseSchema.parse(res.body);
    expect(body.user).toMatchObject({
      id: team.sales.id,
      role: 'sales',
      organizationId: team.organizationId,
    });
    expect(body.user.lastLogin).toBe(now.toISOString());
    expect(JSON.stringify(res.body)).not.toContain('password');
  });

  it('accepts the email in any case', async () => {
    const res = await t.request('POST', '/api/auth/login', {
      body: { email: team.sales.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(res.status).toBe(200);
  });

  it.each([
    ['a wrong password', (email: string) => ({ email, password: 'not-the-password' })],
    ['an unknown email', () => ({ email: 'nobody@example.test', password: TEST_PASSWORD })],
  ])('answers 401 UNAUTHORIZED for %s, with the same message', async (_name, body) => {
    const res = await t.request('POST', '/api/auth/login', { body: body(team.sales.email) });
    expect(res.status).toBe(401);
    expect(ErrorBodySchema.parse(res.body).error).toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'Invalid email or password',
    });
  });

  it('GET /me returns the signed-in user; PATCH /me persists name, avatar and preferences', async () => {
    const { token } = await t.login(team.manager.email);
    const me = await t.request('GET', '/api/auth/me', { token });
    expect(me.status).toBe(200);
    expect(UserSchema.parse(me.body).email).toBe(team.manager.email);

    const patch = await t.request('PATCH', '/api/auth/me', {
      token,
      body: {
        name: 'Morgan Manager',
        avatar: 'https://cdn.example.test/m.png',
        preferences: { theme: 'dark' },
      },
    });
    expect(patch.status).toBe(200);
    const again = await t.request('GET', '/api/auth/me', { token });
    expect(again.body).toMatchObject({
      name: 'Morgan Manager',
      avatar: 'https://cdn.example.test/m.png',
      preferences: { theme: 'dark', notifications: true, timezone: 'UTC' },
    });
  });

  it('PATCH /me rejects an unknown time zone and unknown fields with 422 and field details', async () => {
    const { token } = await t.login(team.manager.email);
    const res = await t.request('PATCH', '/api/auth/me', {
      token,
      body: { preferences: { timezone: 'Mars/Olympus' }, role: 'admin' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(Object.keys(res.body.error.details.fields)).toEqual(expect.arrayContaining(['role']));
  });

  it('logout revokes the session: its access and refresh tokens stop working', async () => {
    const { token, refreshToken } = await t.login(team.sales.email);
    expect((await t.request('POST', '/api/auth/logout', { token })).body).toEqual({
      success: true,
    });
    expect((await t.request('GET', '/api/auth/me', { token })).status).toBe(401);
    expect((await t.request('POST', '/api/auth/refresh', { body: { refreshToken } })).status).toBe(
      401,
    );
  });

  it('refresh rotates: the new pair works, and each refresh token works once', async () => {
    const first = await t.login(team.sales.email);
    const res = await t.request('POST', '/api/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    expect(res.status).toBe(200);
    expect(res.body.refreshToken).not.toBe(first.refreshToken);
    expect((await t.request('GET', '/api/auth/me', { token: res.body.token })).status).toBe(200);
    const next = await t.request('POST', '/api/auth/refresh', {
      body: { refreshToken: res.body.refreshToken },
    });
    expect(next.status).toBe(200);
  });

  it('reusing a spent refresh token revokes the whole session', async () => {
    const first = await t.login(team.sales.email);
    const rotated = await t.request('POST', '/api/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    expect(rotated.status).toBe(200);

    const reuse = await t.request('POST', '/api/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    expect(reuse.status).toBe(401);
    // The legitimate holder's newer tokens die with the session.
    expect(
      (
        await t.request('POST', '/api/auth/refresh', {
          body: { refreshToken: rotated.body.refreshToken },
        })
      ).status,
    ).toBe(401);
    expect((await t.request('GET', '/api/auth/me', { token: rotated.body.token })).status).toBe(
      401,
    );
    expect((await t.request('GET', '/api/auth/me', { token: first.token })).status).toBe(401);
  });

  it('two concurrent refreshes with the same token: one wins, the session is then revoked', async () => {
    const { refreshToken } = await t.login(team.sales2.email);
    const results = await Promise.all([
      t.request('POST', '/api/auth/refresh', { body: { refreshToken } }),
      t.request('POST', '/api/auth/refresh', { body: { refreshToken } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('rejects an unknown refresh token', async () => {
    const res = await t.request('POST', '/api/auth/refresh', {
      body: { refreshToken: 'made-up-token' },
    });
    expect(res.status).toBe(401);
  });

  it('an access token expires after 15 minutes, and refresh still works then', async () => {
    const { token, refreshToken } = await t.login(team.sales.email);
    now = new Date(now.getTime() + 15 * 60_000 + 1000);
    const expired = await t.request('GET', '/api/auth/me', { token });
    expect(expired.status).toBe(401);
    expect(expired.body.error).toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'Access token expired',
    });
    const refreshed = await t.request('POST', '/api/auth/refresh', { body: { refreshToken } });
    expect(refreshed.status).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { token: refreshed.body.token })).status).toBe(
      200,
    );
  });

  it('refresh tokens expire after 30 days', async () => {
    const { refreshToken } = await t.login(team.sales.email);
    now = new Date(now.getTime() + 31 * 86_400_000);
    expect((await t.request('POST', '/api/auth/refresh', { body: { refreshToken } })).status).toBe(
      401,
    );
  });

  it.each([
    [
      'a tampered signature',
      (token: string) => token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA'),
    ],
    [
      'a tampered payload',
      (token: string) => {
        const [h, p, s] = token.split('.');
        const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
        return [
          h,
          Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url'),
          s,
        ].join('.');
      },
    ],
    ['garbage', () => 'not.a.jwt'],
  ])('rejects %s with 401', async (_name, tamper) => {
    const { token } = await t.login(team.sales.email);
    const res = await t.request('GET', '/api/auth/me', { token: tamper(token) });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
  });

  it('rejects a request without a token', async () => {
    const res = await t.request('GET', '/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
  });

  it('changing the password ends the other sessions, keeps this one, and the new password works', async () => {
    const other = await t.login(team.admin.email);
    const current = await t.login(team.admin.email);
    const wrong = await t.request('POST', '/api/auth/password', {
      token: current.token,
      body: { currentPassword: 'nope-nope', newPassword: 'a-brand-new-password' },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details.fields.currentPassword).toBeDefined();

    const ok = await t.request('POST', '/api/auth/password', {
      token: current.token,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-password' },
    });
    expect(ok.status).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { token: other.token })).status).toBe(401);
    expect(
      (await t.request('POST', '/api/auth/refresh', { body: { refreshToken: other.refreshToken } }))
        .status,
    ).toBe(401);
    expect((await t.request('GET', '/api/auth/me', { token: current.token })).status).toBe(200);
    expect(
      (
        await t.request('POST', '/api/auth/login', {
          body: { email: team.admin.email, password: TEST_PASSWORD },
        })
      ).status,
    ).toBe(401);
    await t.login(team.admin.email, 'a-brand-new-password');
  });
});
