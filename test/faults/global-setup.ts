import { buildForTests } from '../helpers/build';

/** The fault suite brings its own PostgreSQL and Redis; it needs only the build its worker processes start from. */
export default async function globalSetup(): Promise<void> {
  process.env.STARTUP_TEST_RUN = String(process.pid);
  await buildForTests();
}
