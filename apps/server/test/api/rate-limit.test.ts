import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { TEST_PASSWORD, createTeam } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe.each(testDatabaseKinds)('rate limits on %s', (kind) => {
  let t: TestApp;
  let team: Awaited<ReturnType<typeof createTeam>>;

  beforeAll(async () => {
    t = await startTestApp(kind, {
      env: { RATE_LIMIT_AUTH_PER_MIN: '5', RATE_LIMIT_API_PER_MIN: '8' },
    });
    team = await createTeam(t.db.handle.db);
  });
  afterAll(() => t.close());

  it('login allows 5 attempts per minute per IP and email, then 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await t.request('POST', '/api/auth/login', {
        body: { email: team.manager.email, password: 'wrong-password' },
      });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.body.error.code).toBe('RATE_LIMIT_EXCEEDED');
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      }
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // Even the right password is refused while limited; another email is not affected.
    const right = await t.request('POST', '/api/auth/login', {
      body: { email: team.manager.email, password: TEST_PASSWORD },
    });
    expect(right.status).toBe(429);
    expect(
      (
        await t.request('POST', '/api/auth/login', {
          body: { email: team.sales.email, password: TEST_PASSWORD },
        })
      ).status,
    ).toBe(200);
  });

  it('other routes allow the configured number per user per minute, then 429', async () => {
    const { token } = await t.login(team.admin.email);
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++)
      statuses.push((await t.request('GET', '/api/auth/me', { token })).status);
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(200));
    expect(statuses[8]).toBe(429);
    const other = await t.login(team.sales2.email);
    expect((await t.request('GET', '/api/auth/me', { token: other.token })).status).toBe(200);
  });
});
