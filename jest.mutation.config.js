/**
 * Jest for the mutation run (npm run mutation): the unit project of jest.config.js only, with
 * property tests capped so a few thousand mutants finish in minutes. CI runs jest.config.js as it is.
 */
const { projects } = require('./jest.config.js');

process.env.FAST_CHECK_MAX_RUNS ??= '50';

const { displayName: _name, ...unit } = projects.find((project) => project.displayName === 'unit');

module.exports = {
  ...unit,
  setupFiles: ['<rootDir>/test/mutation/fast-check-runs.ts'],
};
