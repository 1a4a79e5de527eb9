import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { TEST_PASSWORD, createTeam } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe.each(testDatabaseKinds)('users routes on %s', (kind) => {
  let t: TestApp;
  let acme: Awaited<ReturnType<typeof createTeam>>;
  let globex: Awaited<ReturnType<typeof createTeam>>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(kind);
    acme = await createTeam(t.db.handle.db, 'Acme');
    globex = await createTeam(t.db.handle.db, 'Globex');
    for (const role of ['admin', 'manager', 'sales'] as const)
      tokens[role] = (await t.login(acme[role].email)).token;
    tokens.globexAdmin = (await t.login(globex.admin.email)).token;
  });
  afterAll(() => t.close());

  const routes = (id: () => string) =>
    [
      ['GET', () => '/api/users', undefined],
      ['GET', () => `/api/users/${id()}`, undefined],
      [
        'POST',
        () => '/api/users',
        { email: 'new.rep@example.test', name: 'New Rep', role: 'sales' },
      ],
      ['PATCH', () => `/api/users/${id()}`, { name: 'Renamed' }],
      ['DELETE', () => `/api/users/${id()}`, undefined],
    ] as const;

  describe.each(['manager', 'sales'] as const)('as %s', (role) => {
    it.each(routes(() => acme.sales2.id))(
      '%s %s is forbidden (403)',
      async (method, path, body) => {
        const res = await t.request(method, path(), { token: tokens[role]!, body });
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      },
    );
  });

  it.each(routes(() => acme.sales2.id))(
    '%s %s without a token is 401',
    async (method, path, body) => {
      expect((await t.request(method, path(), { body })).status).toBe(401);
    },
  );

  it('admin lists only the users of their organization, paged, with search and role filters', async () => {
    const res = await t.request('GET', '/api/users?limit=2&sort=email', { token: tokens.admin });
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual({ total: 4, page: 1, limit: 2 });
    expect(res.body.data).toHaveLength(2);
    const all = await t.request('GET', '/api/users?limit=100', { token: tokens.admin });
    expect(all.body.data.map((u: { organizationId: string }) => u.organizationId)).toEqual(
      Array(4).fill(acme.organizationId),
    );
    const sales = await t.request('GET', '/api/users?role=sales', { token: tokens.admin });
    expect(sales.body.meta.total).toBe(2);
    const search = await t.request(
      'GET',
      `/api/users?search=${encodeURIComponent(acme.manager.email.slice(0, 12))}`,
      { token: tokens.admin },
    );
    expect(search.body.data.map((u: { id: string }) => u.id)).toEqual([acme.manager.id]);
  });

  it('rejects a sort on an unlisted field and a limit above 100 with 422', async () => {
    for (const q of ['sort=password_hash', 'limit=101', 'page=0', 'bogus=1']) {
      const res = await t.request('GET', `/api/users?${q}`, { token: tokens.admin });
      expect(res.status, q).toBe(422);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
  });

  it("another organization's users are invisible: 404 on read, update and delete", async () => {
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { name: 'Hijack' }],
      ['DELETE', undefined],
    ] as const) {
      const res = await t.request(method, `/api/users/${acme.sales.id}`, {
        token: tokens.globexAdmin!,
        body,
      });
      expect(res.status, method).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    const list = await t.request('GET', '/api/users?limit=100', { token: tokens.globexAdmin });
    expect(list.body.data.some((u: { id: string }) => u.id === acme.sales.id)).toBe(false);
    const after = await t.request('GET', `/api/users/${acme.sales.id}`, { token: tokens.admin });
    expect(after.body.name).toBe(acme.sales.name);
  });

  it('admin creates a user with a one-time password that logs in; a duplicate email is 409', async () => {
    const res = await t.request('POST', '/api/users', {
      token: tokens.admin,
      body: { email: 'Casey.Closer@Example.test', name: 'Casey Closer', role: 'sales' },
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      email: 'casey.closer@example.test',
      role: 'sales',
      organizationId: acme.organizationId,
    });
    expect(res.body.oneTimePassword).toEqual(expect.any(String));
    await t.login('casey.closer@example.test', res.body.oneTimePassword);

    const dup = await t.request('POST', '/api/users', {
      token: tokens.admin,
      body: {
        email: 'casey.closer@example.test',
        name: 'Casey Again',
        role: 'sales',
        password: 'long-enough-pw',
      },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('CONFLICT');
  });

  it('admin changes a role; the change applies to that user at their next request', async () => {
    const created = await t.request('POST', '/api/users', {
      token: tokens.admin,
      body: {
        email: 'promote.me@example.test',
        name: 'Promote Me',
        role: 'sales',
        password: TEST_PASSWORD,
      },
    });
    const session = await t.login('promote.me@example.test');
    expect((await t.request('GET', '/api/users', { token: session.token })).status).toBe(403);
    const patched = await t.request('PATCH', `/api/users/${created.body.user.id}`, {
      token: tokens.admin,
      body: { role: 'admin' },
    });
    expect(patched.body.role).toBe('admin');
    expect((await t.request('GET', '/api/users', { token: session.token })).status).toBe(200);
  });

  it('deactivating a user ends their sessions and stops them logging in', async () => {
    const session = await t.login(acme.sales2.email);
    const res = await t.request('DELETE', `/api/users/${acme.sales2.id}`, { token: tokens.admin });
    expect(res.body).toEqual({ success: true });
    expect((await t.request('GET', '/api/auth/me', { token: session.token })).status).toBe(401);
    expect(
      (
        await t.request('POST', '/api/auth/refresh', {
          body: { refreshToken: session.refreshToken },
        })
      ).status,
    ).toBe(401);
    const login = await t.request('POST', '/api/auth/login', {
      body: { email: acme.sales2.email, password: TEST_PASSWORD },
    });
    expect(login.status).toBe(401);
    const stored = await t.request('GET', `/api/users/${acme.sales2.id}`, { token: tokens.admin });
    expect(stored.body.active).toBe(false);
  });

  it('an admin cannot demote or deactivate themselves, and the last admin is kept', async () => {
    const self = await t.request('PATCH', `/api/users/${globex.admin.id}`, {
      token: tokens.globexAdmin,
      body: { role: 'sales' },
    });
    expect(self.status).toBe(422);
    const selfDelete = await t.request('DELETE', `/api/users/${globex.admin.id}`, {
      token: tokens.globexAdmin,
    });
    expect(selfDelete.status).toBe(422);
  });
});
