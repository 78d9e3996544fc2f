import { TypeOrmModule, TypeOrmModuleOptions } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { typeormOptions } from './typeorm-options';

/**
 * The one data source of the api, the worker and the CLI: @nestjs/typeorm's root module, built
 * from the validated config, which provides `DataSource` for injection and destroys it at shutdown.
 * A process that cannot reach PostgreSQL at start stops with the error instead of retrying for half
 * a minute: its supervisor (compose, systemd, Kubernetes) restarts it.
 */
export const DatabaseRoot = TypeOrmModule.forRootAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): TypeOrmModuleOptions => ({
    ...typeormOptions(config.databaseUrl, config.databasePoolSize),
    retryAttempts: 0,
  }),
});
