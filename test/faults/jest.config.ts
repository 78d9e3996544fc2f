/**
 * @jest-config-loader ts-node
 * @jest-config-loader-options {"transpileOnly": true}
 *
 * The fault suite (issue 7): its own PostgreSQL, Redis, SMTP sink and worker processes, which it
 * stops, crashes and kills. scripts/test.sh runs it after the main suite; `npm test` never does:
 *   npx jest -c test/faults/jest.config.ts
 */
import type { Config } from 'jest';

// The SWC transform of the main configuration (a CommonJS file TypeScript does not type).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const main = require('../../jest.config.js') as { projects: Config[] };

const config: Config = {
  displayName: 'faults',
  rootDir: '../..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
  transform: main.projects[0].transform,
  // The build its worker processes start from (test/helpers/build.ts).
  globalSetup: '<rootDir>/test/faults/global-setup.ts',
  globalTeardown: '<rootDir>/test/faults/global-teardown.ts',
  testTimeout: 90000,
  // One file; its servers and worker processes are parallel enough for two cores.
  maxWorkers: 1,
};

export default config;
