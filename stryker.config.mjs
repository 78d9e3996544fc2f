// @ts-check
/**
 * Mutation testing of the pure domain rules (npm run mutation; not in CI): each mutant of
 * src/modules/<module>/domain runs against the unit specs that cover it. Results are kept in
 * reports/ so a rerun only tests mutants whose code or covering tests changed.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  mutate: ['src/modules/*/domain/**/*.ts', '!src/modules/*/domain/**/*.spec.ts'],
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.js' },
  coverageAnalysis: 'perTest',
  // Mutants of module-level tables (transition tables, lists of codes) each need every spec run on a
  // fresh load: about half the run's time for 5% of the mutants. The tables have exhaustive specs;
  // include them with `npm run mutation -- --ignoreStatic false` when changing one.
  ignoreStatic: true,
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  ignorePatterns: ['/bench', '/dist', '/coverage', '/.data', '/.tools'],
  tempDirName: '.stryker-tmp',
  // Beyond the covering tests' own time: a mutant that makes a loop endless is stopped after this and
  // counts as detected. 8 s suits an otherwise idle machine (the assignment engine's mutants time out
  // by the hundred, so this sets the run's length: about 35 min on 2 cores); on a busy one, where a
  // slow run would be a false kill, raise it: npm run mutation -- --timeoutMS 30000.
  timeoutMS: 8000,
};
