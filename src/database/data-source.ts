import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { typeormOptions } from './typeorm-options';

/** The data source the TypeORM CLI uses (`npm run migration:generate -- migrations/<Name>`). */
export default new DataSource(typeormOptions(loadConfig().databaseUrl));
