import { CreateFoundation1795360905703 } from './1795360905703-CreateFoundation';

/** Every migration, in order. A unit test checks that each file in this folder is listed here. */
export const MIGRATIONS: Function[] = [CreateFoundation1795360905703];
