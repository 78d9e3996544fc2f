import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './config/app-config';
import { typeormOptions } from './database/typeorm-options';
import { ENTITIES } from './entities';

/** The TypeORM CLI's data source (`npm run migration:generate -- migrations/<Name>`): the same options as databaseRoot. */
export default new DataSource(typeormOptions(loadConfig().databaseUrl, undefined, ENTITIES));
