import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { MIGRATIONS } from '../../migrations';

/**
 * The TypeORM options of every data source: the api's and the worker's (DatabaseRoot), the CLI's,
 * and those of tests and benchmarks. `entities` is the list in src/entities.ts, given by the
 * caller; a data source that only runs migrations needs none.
 */
export function typeormOptions(
  databaseUrl: string,
  poolSize = 10,
  entities: DataSourceOptions['entities'] = [],
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    // A connection attempt (or a wait for a free one) that hangs, as against a stalled server, fails
    // after 10 s instead of holding the request forever; a restarted server is reached at once.
    extra: { max: poolSize, application_name: 'startup-grants', connectionTimeoutMillis: 10000 },
  };
}
