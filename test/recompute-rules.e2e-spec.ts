import fc from 'fast-check';
import { allocate as scriptAllocate } from '../scripts/recompute/allocation';
import { PublicResults } from '../scripts/recompute/public-data';
import { recomputeRanking } from '../scripts/recompute/ranking';
import { allocate } from '../src/modules/awards/domain/allocation';
import { RANKING_METHOD } from '../src/modules/reviews/domain/scoring/ranking-method';
import { computeResults } from '../src/modules/reviews/domain/scoring/results';

/** The script is written apart from the service: on random input, its allocation rules give what the service's do. */
describe("the script's allocation rules", () => {
  it('agree with the service on budgets, envelopes, floors, partial funding, held amounts and lost ties', () => {
    const villages = ['v1', 'v2', 'v3', 'v4'];
    const districtOf = (v: string) => (v === 'v1' || v === 'v2' ? 'd1' : 'd2');
    // Amounts in tens, so that sums often land exactly on a cap: the edges are where rules differ.
    const tens = (min: number, max: number) => fc.integer({ min, max }).map((n) => BigInt(n) * 10n);
    const input = fc.record({
      candidates: fc.array(
        fc.record({
          requested: tens(1, 20),
          villageId: fc.constantFrom(...villages),
          gatesPassed: fc.constantFrom(true, true, false),
          awarded: fc.option(tens(1, 12), { nil: undefined }),
          tieLostByLot: fc.boolean(),
        }),
        { maxLength: 12 },
      ),
      held: fc.array(fc.record({ villageId: fc.constantFrom(...villages), amount: tens(1, 8) }), {
        maxLength: 3,
      }),
      budget: tens(0, 100),
      maxAward: tens(1, 16),
      districtEnvelope: fc.option(tens(0, 60), { nil: undefined }),
      villageEnvelope: fc.option(tens(0, 30), { nil: undefined }),
      floor: fc.integer({ min: 0, max: 2 }),
      partialMinShareBp: fc.option(fc.constantFrom(0, 2500, 5000, 7500, 10000), { nil: null }),
    });
    fc.assert(
      fc.property(input, (x) => {
        const candidates = x.candidates.map((c, i) => ({
          applicationId: `a${i}`,
          rank: i + 1,
          requested: c.requested,
          districtId: districtOf(c.villageId),
          villageId: c.villageId,
          gatesPassed: c.gatesPassed,
          awarded: c.awarded,
          tieLostByLot: c.tieLostByLot,
        }));
        const held = x.held.map((h) => ({ ...h, districtId: districtOf(h.villageId) }));
        const envelopes = [
          ...(x.districtEnvelope === undefined ? [] : [{ districtId: 'd1', amount: x.districtEnvelope }]),
          ...(x.villageEnvelope === undefined ? [] : [{ villageId: 'v3', amount: x.villageEnvelope }]),
        ];
        const service = allocate(
          candidates,
          {
            budget: x.budget,
            maxAward: x.maxAward,
            envelopes,
            floors: [{ districtId: 'd2', grants: x.floor }],
            partial: x.partialMinShareBp === null ? undefined : { minShareBp: x.partialMinShareBp },
          },
          held,
        );
        const script = scriptAllocate(
          candidates.map((c) => ({ ...c, id: c.applicationId })),
          {
            budget: x.budget,
            maxAward: x.maxAward,
            envelopes: envelopes.map((e) => ({
              key: 'districtId' in e ? `district:${e.districtId}` : `village:${e.villageId}`,
              amount: e.amount,
            })),
            floors: new Map([['d2', x.floor]]),
            partialMinShareBp: x.partialMinShareBp,
          },
          held,
        );
        expect(candidates.map((c) => script.given.get(c.applicationId))).toEqual(
          service.decisions.map((d) => ({ amount: d.amount, reason: d.reason })),
        );
        expect([script.committed, script.remaining]).toEqual([service.committed, service.remaining]);
      }),
      { numRuns: 1000 },
    );
  });
});

/** On random scoresheets, the script recomputes from the published figures exactly what the service computed from the sheets. */
describe("the script's ranking", () => {
  it('agrees with the service on scores, gates, quorum, ties, the lottery and every kind of advancement', () => {
    const criteria = [
      { code: 'plan', weight: 1, max: 2, min: 1 },
      { code: 'jobs', weight: 1, max: 2 },
    ];
    const advancement = fc.oneof(
      fc.record({ kind: fc.constant('top' as const), n: fc.integer({ min: 1, max: 6 }) }),
      fc.record({ kind: fc.constant('cutoff' as const), score: fc.constantFrom(0, 40, 50, 60, 80) }),
      fc.record({ kind: fc.constant('budget' as const), multiple: fc.constantFrom(0.5, 1, 1.25) }),
    );
    const input = fc.record({
      applications: fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 8 }),
      requests: fc.array(fc.constantFrom(100n, 200n), { minLength: 8, maxLength: 8 }),
      // Small scales of equal weight and few jurors: ties on every tie-break are common.
      sheets: fc.array(
        fc.record({
          juror: fc.constantFrom('j1', 'j2', 'j3'),
          application: fc.nat(7),
          plan: fc.integer({ min: 0, max: 2 }),
          jobs: fc.integer({ min: 0, max: 2 }),
        }),
        { maxLength: 24 },
      ),
      quorum: fc.integer({ min: 1, max: 2 }),
      calibratedDecisive: fc.boolean(),
      advancement,
      seed: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 8, maxLength: 16 }),
    });
    fc.assert(
      fc.property(input, (x) => {
        const apps = x.applications.map((id, i) => ({ id, requestedAmount: x.requests[i] }));
        const seen = new Set<string>();
        const sheets = x.sheets
          .filter((s) => s.application < apps.length)
          .map((s) => ({ application: apps[s.application].id, juror: s.juror, scores: { plan: s.plan, jobs: s.jobs } }))
          .filter((s) => !seen.has(`${s.application}:${s.juror}`) && seen.add(`${s.application}:${s.juror}`));
        const budget = 400n;
        const results = computeResults({
          criteria,
          priorityCriterion: 'plan',
          quorum: x.quorum,
          scoresheets: sheets,
          applications: apps,
          advancement: x.advancement.kind === 'budget' ? { ...x.advancement, budget } : x.advancement,
          calibratedDecisive: x.calibratedDecisive,
          dispute: { spread: 100, margin: 0, maxShare: 0 },
          seed: x.seed,
          minSheetsPerJuror: 1,
        });
        const published: PublicResults = {
          round: {
            id: 'r',
            position: 1,
            name: 'Round',
            status: 'finalized',
            seed: x.seed,
            method: {
              criteria,
              priorityCriterion: 'plan',
              quorum: x.quorum,
              calibratedDecisive: x.calibratedDecisive,
              advancement: x.advancement,
              ranking: { ...RANKING_METHOD, order: [...RANKING_METHOD.order] },
            },
          },
          budget: budget.toString(),
          calibratedDecides: results.calibratedDecides,
          calibrationBlockedBy: results.calibrationBlockedBy,
          items: results.applications.map((r) => {
            const mine = sheets.filter((s) => s.application === r.id);
            const mean = (code: 'plan' | 'jobs') =>
              mine.length ? mine.reduce((sum, s) => sum + s.scores[code], 0) / mine.length : null;
            return {
              applicationId: r.id,
              reference: r.id,
              requested: apps.find((a) => a.id === r.id)!.requestedAmount.toString(),
              scoresheets: r.count,
              means: { plan: mean('plan'), jobs: mean('jobs') },
              official: r.official,
              calibrated: r.calibrated,
              gates: [{ criterion: 'plan', min: 1, mean: mean('plan'), passed: !r.gatesFailed.includes('plan') }],
              quorumMet: r.count >= x.quorum,
              rank: r.rank,
              advanced: r.advanced,
              reason: r.reason,
            };
          }),
        };
        expect(recomputeRanking(published).problems).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
