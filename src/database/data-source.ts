import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { typeormOptions } from './typeorm-options';

/** The TypeORM CLI's data source (`npm run migration:generate -- migrations/<Name>`): the same options as DatabaseRoot. */
export default new DataSource(typeormOptions(loadConfig().databaseUrl));
