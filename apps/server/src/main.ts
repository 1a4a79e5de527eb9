import closeWithGrace from 'close-with-grace';
import { Redis } from 'ioredis';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { seedDemo } from './db/seed/demo';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const database = openDatabase(config.databaseUrl);
  await migrateToLatest(database.db);
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 })
    : undefined;
  redis?.on('error', () => undefined); // readiness reports it; the process keeps serving

  const app = await buildApp({ config, database, ...(redis ? { redis } : {}) });
  if (config.demo) {
    await seedDemo(database.db, { log: (line) => app.log.info(line) });
  }

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    redis?.disconnect();
  });

  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  app.log.info(`Flow CRM is running on http://${shown}:${config.port}`);
  if (config.demo) {
    app.log.info(
      'Demo logins: sales@demo.flowcrm.dev, sales2@, manager@, admin@ — password "demo-password"',
    );
  }
}

void main();
