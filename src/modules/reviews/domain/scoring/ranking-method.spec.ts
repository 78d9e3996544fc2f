import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { LOTTERY, lotteryTicket, RANKING_METHOD } from './ranking-method';
import { computeResults } from './results';

/** The lottery as the published words state it, written out independently of the code. */
const ticketFromWords = (seed: string, applicationId: string) =>
  createHash('sha256')
    .update(Buffer.from(`${seed}:${applicationId}`, 'utf8'))
    .digest('hex');

describe('the published ranking method', () => {
  it('describes the lottery in data that states the words: SHA-256 of "<seed>:<id>" in UTF-8, lower hex first', () => {
    expect(LOTTERY).toEqual({
      hash: 'sha256',
      message: '{seed}:{applicationId}',
      encoding: 'utf-8',
      digest: 'hex',
      order: 'ascending',
    });
    expect(RANKING_METHOD.order).toEqual([
      'decisiveScore desc',
      'priorityMean desc',
      'requested asc',
      'lotteryTicket asc',
    ]);
    expect(RANKING_METHOD.description).toContain('SHA-256 digest, written as 64 lowercase hexadecimal digits');
    const seed = 'ab'.repeat(32);
    const id = randomUUID();
    expect(lotteryTicket(seed, id)).toBe(ticketFromWords(seed, id));
    expect(lotteryTicket(seed, id)).toMatch(/^[0-9a-f]{64}$/);
    // Text that looks like a replacement pattern stays text.
    expect(lotteryTicket('$&{applicationId}', 'x')).toBe(ticketFromWords('$&{applicationId}', 'x'));
  });

  it('orders a full tie (same scores, same priority mean, same request) by the lower ticket, whatever the seed', () => {
    const criteria = [
      { code: 'plan', weight: 3, max: 4 },
      { code: 'feasibility', weight: 2, max: 4 },
    ];
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 1, maxLength: 64 }),
        fc.uniqueArray(fc.uuid(), { minLength: 2, maxLength: 6 }),
        (seed, ids) => {
          const results = computeResults({
            criteria,
            priorityCriterion: 'plan',
            quorum: 1,
            scoresheets: ids.flatMap((id) => [
              { application: id, juror: 'j1', scores: { plan: 3, feasibility: 2 } },
              { application: id, juror: 'j2', scores: { plan: 2, feasibility: 3 } },
            ]),
            applications: ids.map((id) => ({ id, requestedAmount: 100n })),
            advancement: { kind: 'top', n: 1 },
            calibratedDecisive: false,
            dispute: { spread: 100, margin: 0, maxShare: 0 },
            seed,
          });
          const byRank = [...results.applications].sort((a, b) => a.rank! - b.rank!).map((r) => r.id);
          const byTicket = [...ids].sort((a, b) => (ticketFromWords(seed, a) < ticketFromWords(seed, b) ? -1 : 1));
          expect(byRank).toEqual(byTicket);
        },
      ),
      { numRuns: 100 },
    );
  });
});
