import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config/app-config';
import { configureApp } from './configure-app';
import { runMigrationsUnderLock } from './database/migrate';
import { UsersService } from './modules/users/users.service';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
  configureApp(app);
  const logger = app.get(Logger);
  if (config.migrationsRun) {
    const applied = await runMigrationsUnderLock(app.get(DataSource));
    logger.log({ applied }, applied.length ? 'Applied migrations' : 'Schema is up to date');
  }
  if (config.adminEmail && config.adminPassword) {
    const created = await app.get(UsersService).ensureAdmin(config.adminEmail, config.adminPassword);
    if (created) logger.log({ userId: created.id }, 'Created the first admin from ADMIN_EMAIL');
  }
  await app.listen(config.port);
  logger.log(`api listening on http://localhost:${config.port} (OpenAPI at /api/docs)`);
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('api failed to start:', error);
  }
  process.exit(1);
});
