import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { buildApp } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import { createTestDatabase, type TestDatabase, type TestDatabaseKind } from './databases';
import { TEST_PASSWORD } from './factories';

export interface TestAppOptions {
  env?: Record<string, string>;
  clock?: () => Date;
  /** Runs before the server listens: add throwaway routes for error tests. */
  extend?: (app: FastifyInstance) => void | Promise<void>;
  database?: TestDatabase;
  redis?: Redis;
}

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  config: Config;
  baseUrl: string;
  request(method: string, path: string, options?: RequestOptions): Promise<TestResponse>;
  login(
    email: string,
    password?: string,
  ): Promise<{ token: string; refreshToken: string; userId: string }>;
  close(): Promise<void>;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as-is (for malformed JSON tests); overrides `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  // Tests assert on arbitrary JSON shapes.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** The real server on a real database, listening on a random loopback port. */
export async function startTestApp(
  kind: TestDatabaseKind,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const db = options.database ?? (await createTestDatabase(kind));
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    DATABASE_URL: db.url,
    FLOW_DEMO: '0',
    RATE_LIMIT_AUTH_PER_MIN: '1000',
    RATE_LIMIT_AI_PER_MIN: '1000',
    RATE_LIMIT_API_PER_MIN: '10000',
    ...options.env,
  });
  const app = await buildApp({
    config: { ...config, webDistDir: '/nonexistent' },
    database: db.handle,
    logger: false,
    ...(options.redis ? { redis: options.redis } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await options.extend?.(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;

  async function request(
    method: string,
    path: string,
    opts: RequestOptions = {},
  ): Promise<TestResponse> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined = opts.rawBody;
    if (body === undefined && opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(baseUrl + path, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: leave as text
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }

  return {
    app,
    db,
    config,
    baseUrl,
    request,
    async login(email, password = TEST_PASSWORD) {
      const res = await request('POST', '/api/auth/login', { body: { email, password } });
      if (res.status !== 200)
        throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return {
        token: res.body.token,
        refreshToken: res.body.refreshToken,
        userId: res.body.user.id,
      };
    },
    async close() {
      await app.close();
      if (!options.database) await db.drop();
    },
  };
}
