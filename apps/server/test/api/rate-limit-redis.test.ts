import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/databases';
import { createTeam } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/test-app';

const redisUrl = process.env.TEST_REDIS_URL;

// Two server instances on one database and one Redis: the limit is the instances' sum.
describe.skipIf(!redisUrl)('rate limits shared through Redis', () => {
  let database: TestDatabase;
  let redis: Redis;
  let a: TestApp;
  let b: TestApp;
  let team: Awaited<ReturnType<typeof createTeam>>;

  beforeAll(async () => {
    database = await createTestDatabase(process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite');
    redis = new Redis(redisUrl!);
    const env = { RATE_LIMIT_API_PER_MIN: '6' };
    a = await startTestApp('sqlite', { database, redis, env });
    b = await startTestApp('sqlite', { database, redis, env });
    team = await createTeam(database.handle.db);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await database.drop();
    redis.disconnect();
  });

  it('counts requests to either instance against one limit', async () => {
    const { token } = await a.login(team.manager.email);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await (i % 2 ? b : a).request('GET', '/api/auth/me', { token })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
    expect((await b.request('GET', '/api/auth/me', { token })).status).toBe(429);
  });

  it('reports Redis in /readyz', async () => {
    const res = await a.request('GET', '/readyz');
    expect(res.body.checks).toMatchObject({ database: 'ok', redis: 'ok' });
  });
});
