import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { databaseRoot } from './database/database-root';
import { ENTITIES } from './entities';
import { runMigrationsUnderLock } from './database/migrate';
import { AuditModule } from './modules/audit/audit.module';
import { CompetitionsModule } from './modules/competitions/competitions.module';
import { GeographyModule } from './modules/geography/geography.module';
import { PlansModule } from './modules/plans/plans.module';
import { UsersModule } from './modules/users/users.module';
import { resetDemoState } from './seed/reset-demo';
import { seedDemo } from './seed/seed';

@Module({
  imports: [
    ConfigModule,
    databaseRoot(ENTITIES),
    AuditModule,
    UsersModule,
    GeographyModule,
    PlansModule,
    CompetitionsModule,
  ],
})
class CliModule {}

const USAGE = `usage: node dist/src/cli.js <command>
  create-database   create the database named in DATABASE_URL if it does not exist
  migrate           run pending migrations (under an advisory lock)
  seed              add the demo places, plans, competition and accounts (idempotent; not in production)
  reset-demo        delete every record, queued job, mail file and attachment, then migrate and seed again
                    (not in production; stop the api and worker first)`;

async function createDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Refusing to create a database named "${name}"`);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name}"`);
      console.log(`Created database ${name}`);
    } else {
      console.log(`Database ${name} exists`);
    }
  } finally {
    await client.end();
  }
}

async function migrate(): Promise<void> {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  const applied = await runMigrationsUnderLock(app.get(DataSource));
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Schema is up to date');
  return app.close();
}

async function seed(): Promise<void> {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  const report = await seedDemo(app);
  console.log('\nDemo data ready. Accounts (password for all: %s):', report.password);
  for (const account of report.accounts) console.log(`  ${account.roles.join(', ').padEnd(10)} ${account.email}`);
  console.log(`Open competition: ${report.competitionId}`);
  console.log(
    `In review: competition ${report.review.competitionId}, round ${report.review.roundId} (${report.review.roundStatus})\n`,
  );
  return app.close();
}

async function main(command: string | undefined): Promise<void> {
  const config = loadConfig();
  switch (command) {
    case 'create-database':
      return createDatabase(config.databaseUrl);
    case 'migrate':
      return migrate();
    case 'seed':
      if (config.nodeEnv === 'production')
        throw new Error('The demo seed has known passwords; it does not run in production');
      return seed();
    case 'reset-demo':
      await resetDemoState(config);
      console.log('Deleted the demo database tables, its Redis keys, mail files and attachments');
      await migrate();
      return seed();
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
