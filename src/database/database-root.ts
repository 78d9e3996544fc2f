import { DynamicModule } from '@nestjs/common';
import { TypeOrmModule, TypeOrmModuleOptions } from '@nestjs/typeorm';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { typeormOptions } from './typeorm-options';

/**
 * The one data source of the api, the worker and the CLI: @nestjs/typeorm's root module, built
 * from the validated config, which provides `DataSource` for injection and destroys it at shutdown.
 * The entities are the wiring's (src/entities.ts). A process that cannot reach PostgreSQL at start
 * stops with the error instead of retrying for half a minute: its supervisor (compose, systemd,
 * Kubernetes) restarts it.
 */
export function databaseRoot(entities: DataSourceOptions['entities']): DynamicModule {
  return TypeOrmModule.forRootAsync({
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig): TypeOrmModuleOptions => ({
      ...typeormOptions(config.databaseUrl, config.databasePoolSize, entities),
      retryAttempts: 0,
    }),
  });
}
