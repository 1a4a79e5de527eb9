import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AiConfigError, llmOptionsFromEnv } from './ai/providers/config';
import type { LlmProviderOptions } from './ai/providers/llm';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4545),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'must start with sqlite: or postgres://')
    .default('sqlite:data/flow.db'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  FLOW_DEMO: z.enum(['0', '1']).default('1'),
  RATE_LIMIT_AUTH_PER_MIN: positiveInt(5),
  RATE_LIMIT_AI_PER_MIN: positiveInt(20),
  RATE_LIMIT_API_PER_MIN: positiveInt(100),
  RATE_LIMIT_WS_PER_MIN: positiveInt(1000),
  CORS_ORIGIN: z.string().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string;
  redisUrl: string | undefined;
  jwtSecret: string;
  demo: boolean;
  rateLimits: { authPerMin: number; aiPerMin: number; apiPerMin: number; wsPerMin: number };
  /** `true` reflects the request origin (development); a list pins allowed origins. */
  corsOrigin: string[] | boolean;
  logLevel: string;
  /** The optional OpenAI-compatible provider (AI_PROVIDER=openai …); null → local engine only. */
  llm: LlmProviderOptions | null;
  /** SMTP_URL: outbound email delivery; unset → messages are stored only. */
  smtpUrl: string | undefined;
  /** Absolute path of the repository root: data/ and the built web app are found from it. */
  rootDir: string;
  /** Built web app to serve at `/`, when it exists. */
  webDistDir: string;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates the environment; every bad variable is named in one error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, rootDir = findRootDir()): Config {
  const parsed = EnvSchema.safeParse(stripEmpty(env));
  const problems = parsed.success
    ? []
    : parsed.error.issues.map(
        (i) => `${i.path.join('.')}: ${i.message} (got "${String(env[String(i.path[0])])}")`,
      );
  let llm: LlmProviderOptions | null = null;
  try {
    llm = llmOptionsFromEnv(env);
  } catch (error) {
    if (!(error instanceof AiConfigError)) throw error;
    problems.push(...error.problems);
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  if (!e.JWT_SECRET && e.NODE_ENV === 'production') {
    throw new ConfigError(['JWT_SECRET: required in production (at least 32 characters)']);
  }
  const databaseUrl = resolveSqliteUrl(e.DATABASE_URL, rootDir);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl,
    redisUrl: e.REDIS_URL,
    jwtSecret: e.JWT_SECRET ?? developmentSecret(path.join(rootDir, 'data')),
    demo: e.FLOW_DEMO === '1',
    rateLimits: {
      authPerMin: e.RATE_LIMIT_AUTH_PER_MIN,
      aiPerMin: e.RATE_LIMIT_AI_PER_MIN,
      apiPerMin: e.RATE_LIMIT_API_PER_MIN,
      wsPerMin: e.RATE_LIMIT_WS_PER_MIN,
    },
    corsOrigin: e.CORS_ORIGIN
      ? e.CORS_ORIGIN.split(',').map((o) => o.trim())
      : e.NODE_ENV !== 'production',
    logLevel: e.LOG_LEVEL,
    llm,
    smtpUrl: e.SMTP_URL,
    rootDir,
    webDistDir: path.join(rootDir, 'apps/web/dist'),
  };
}

function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((kv): kv is [string, string] => !!kv[1]));
}

/** Relative SQLite paths are relative to the repository root, wherever the process was started. */
export function resolveSqliteUrl(url: string, rootDir: string): string {
  if (!url.startsWith('sqlite:')) return url;
  const file = url.slice('sqlite:'.length);
  if (file === ':memory:' || path.isAbsolute(file)) return url;
  return `sqlite:${path.join(rootDir, file)}`;
}

/** A secret generated once and kept in data/, so development sessions survive restarts. */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(48).toString('base64url');
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

export function findRootDir(start = path.dirname(new URL(import.meta.url).pathname)): string {
  let dir = start;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && 'workspaces' in JSON.parse(fs.readFileSync(pkg, 'utf8'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
