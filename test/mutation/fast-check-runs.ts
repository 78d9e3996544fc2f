import * as fc from 'fast-check';

/**
 * Under mutation every surviving mutant reruns the properties that cover it: FAST_CHECK_MAX_RUNS caps
 * their runs (the specs' own numRuns are for CI and stay as they are), and a fixed seed makes a
 * mutant's verdict the same on every run. Specs import fast-check's default export, so both it and the
 * module's own `assert` are replaced.
 */
const cap = Number(process.env.FAST_CHECK_MAX_RUNS);
if (cap > 0) {
  const exported = fc as unknown as { assert: typeof fc.assert; default: typeof fc };
  const assert = exported.assert;
  const capped = ((property: fc.IRawProperty<unknown>, params?: fc.Parameters<unknown>) =>
    assert(property, {
      seed: 20260101,
      ...params,
      numRuns: Math.min(params?.numRuns ?? cap, cap),
    })) as typeof fc.assert;
  exported.assert = capped;
  exported.default = { ...exported.default, assert: capped };
}
