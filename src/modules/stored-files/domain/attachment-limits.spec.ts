import fc from 'fast-check';
import { limitProblem } from './attachment-limits';

const limits = { maxFileBytes: 100, maxFiles: 3, quotaBytes: 250 };

describe('limitProblem', () => {
  it.each([
    ['a file that fits', { count: 0, totalBytes: 0 }, 100, null],
    ['the last file that fits the count', { count: 2, totalBytes: 100 }, 50, null],
    ['a file that fills the quota exactly', { count: 2, totalBytes: 150 }, 100, null],
    ['a file over the size limit', { count: 0, totalBytes: 0 }, 101, 'too_large'],
    ['one file more than allowed', { count: 3, totalBytes: 30 }, 1, 'count_reached'],
    ['a file one byte over the quota', { count: 2, totalBytes: 150 }, 101, 'too_large'],
    ['a small file one byte over the quota', { count: 2, totalBytes: 200 }, 51, 'quota_exceeded'],
  ])('%s', (_name, usage, size, problem) => {
    expect(limitProblem(usage, size, limits)).toBe(problem);
  });

  it('whatever is accepted keeps the application within every limit', () => {
    fc.assert(
      fc.property(fc.nat(10), fc.nat(1000), fc.integer({ min: 1, max: 200 }), (count, totalBytes, size) => {
        if (limitProblem({ count, totalBytes }, size, limits) !== null) return;
        expect(size).toBeLessThanOrEqual(limits.maxFileBytes);
        expect(count + 1).toBeLessThanOrEqual(limits.maxFiles);
        expect(totalBytes + size).toBeLessThanOrEqual(limits.quotaBytes);
      }),
    );
  });
});
