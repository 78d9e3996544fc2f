import { MigrationInterface } from 'typeorm';
import { CreateFoundation1795360905703 } from './1795360905703-CreateFoundation';

/** Every migration, in order. A test checks that each file in this folder is listed here. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [CreateFoundation1795360905703];
