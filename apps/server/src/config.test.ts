import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const root = () => fs.mkdtempSync(path.join(os.tmpdir(), 'flow-config-'));

describe('loadConfig', () => {
  it('has working defaults for a newcomer: port 4545, SQLite under data/, demo on', () => {
    const dir = root();
    const config = loadConfig({}, dir);
    expect(config.port).toBe(4545);
    expect(config.databaseUrl).toBe(`sqlite:${path.join(dir, 'data/flow.db')}`);
    expect(config.demo).toBe(true);
    expect(config.rateLimits).toEqual({
      authPerMin: 5,
      aiPerMin: 20,
      apiPerMin: 100,
      wsPerMin: 1000,
    });
  });

  it('generates a JWT secret once in development and keeps it in the data folder', () => {
    const dir = root();
    const first = loadConfig({}, dir).jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({}, dir).jwtSecret).toBe(first);
    expect(fs.readFileSync(path.join(dir, 'data/jwt-secret'), 'utf8')).toBe(first);
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' }, root())).toThrow(
      /JWT_SECRET: required in production/,
    );
  });

  it('names every bad variable in one error', () => {
    try {
      loadConfig(
        {
          PORT: 'eighty',
          DATABASE_URL: 'mysql://x',
          RATE_LIMIT_AI_PER_MIN: '-1',
          JWT_SECRET: 'short',
        },
        root(),
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'RATE_LIMIT_AI_PER_MIN', 'JWT_SECRET'])
        expect(problems).toContain(name);
    }
  });

  it('reads PostgreSQL and Redis URLs, CORS origins and FLOW_DEMO=0', () => {
    const config = loadConfig(
      {
        DATABASE_URL: 'postgres://u@db:5432/flow',
        REDIS_URL: 'redis://cache:6379',
        CORS_ORIGIN: 'https://a.example, https://b.example',
        FLOW_DEMO: '0',
        JWT_SECRET: 'x'.repeat(40),
      },
      root(),
    );
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u@db:5432/flow',
      redisUrl: 'redis://cache:6379',
      corsOrigin: ['https://a.example', 'https://b.example'],
      demo: false,
    });
  });
});
