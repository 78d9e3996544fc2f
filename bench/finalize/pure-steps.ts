import { createHash } from 'node:crypto';
import { advancementOf, RoundMethod } from '../../src/modules/reviews/domain/rounds/round-method';
import { calibrate, isConnected } from '../../src/modules/reviews/domain/scoring/calibration';
import { krippendorffAlphaInterval } from '../../src/modules/reviews/domain/scoring/reliability';
import { computeResults } from '../../src/modules/reviews/domain/scoring/results';
import { scoresheetTotal } from '../../src/modules/reviews/domain/scoring/scoresheet';
import { FinalizeApplication, FrozenSheet } from '../../src/modules/reviews/results.repository';
import { timedSync } from './measuring';

/** The pure steps of RoundFinalizer.compute/finalize, each on its own, on the input finalizing read. */
export function pureSteps(
  method: RoundMethod,
  seedHex: string,
  budget: bigint,
  applications: FinalizeApplication[],
  sheets: FrozenSheet[],
) {
  const inRound = new Set(applications.map((a) => a.id));
  const counted = sheets.filter((s) => inRound.has(s.application));
  const [, computeResultsMs] = timedSync(() =>
    computeResults({
      criteria: method.criteria,
      priorityCriterion: method.priorityCriterion,
      quorum: method.quorum,
      scoresheets: counted.map((s) => ({ application: s.application, juror: s.juror, scores: s.scores })),
      applications: applications.map((a) => ({ id: a.id, requestedAmount: a.requestedAmount })),
      advancement: advancementOf(method, budget),
      calibratedDecisive: method.calibratedDecisive,
      dispute: { spread: method.disputeSpread, margin: method.disputeMargin, maxShare: method.disputeMaxShare },
      seed: seedHex,
    }),
  );
  const [ratings, totalsMs] = timedSync(() =>
    counted.map((s) => ({
      application: s.application,
      juror: s.juror,
      total: scoresheetTotal(method.criteria, s.scores),
    })),
  );
  const [, calibrateMs] = timedSync(() => calibrate(ratings));
  // 1 and 11 sweeps: the cost of the set-up and of one sweep.
  const [, oneSweepMs] = timedSync(() => calibrate(ratings, 1, 1, 0));
  const [, elevenSweepsMs] = timedSync(() => calibrate(ratings, 1, 11, 0));
  const perSweepMs = Math.max((elevenSweepsMs - oneSweepMs) / 10, 0.001);
  const setUpMs = Math.max(oneSweepMs - perSweepMs, 0);
  const [, isConnectedMs] = timedSync(() => isConnected(ratings));
  const [, alphaMs] = timedSync(() => {
    const byApplication = new Map<string, number[]>();
    for (const r of ratings)
      (byApplication.get(r.application) ?? byApplication.set(r.application, []).get(r.application)!).push(r.total);
    return krippendorffAlphaInterval([...byApplication.values()]);
  });
  const [, lotsMs] = timedSync(() =>
    applications.map((a) => createHash('sha256').update(`${seedHex}:${a.id}`).digest('hex')),
  );
  const [, inputHashMs] = timedSync(() => {
    const canonical = [...counted].sort((a, b) =>
      a.application < b.application ? -1 : a.application > b.application ? 1 : a.juror < b.juror ? -1 : 1,
    );
    const hash = createHash('sha256').update(
      JSON.stringify({
        method,
        seed: seedHex,
        budget: budget.toString(),
        applications: applications.map((a) => [a.id, a.requestedAmount.toString()]),
      }),
    );
    for (const s of canonical)
      hash.update(JSON.stringify([s.application, s.juror, method.criteria.map((c) => s.scores[c.code])]));
    return hash.digest('hex');
  });
  return {
    computeResults: computeResultsMs,
    computeResultsParts: {
      scoresheetTotals: totalsMs,
      calibrate: calibrateMs,
      isConnected: isConnectedMs,
      alpha: alphaMs,
      tieBreakLots: lotsMs,
    },
    // RoundFinalizer.compute calls calibrate() a second time (for the juror offsets) and hashes the input.
    computeExtras: { calibrateForOffsets: calibrateMs, inputHash: inputHashMs },
    // calibrate() stops at the tolerance or after 200 sweeps, whichever comes first.
    calibrateCost: { setUp: +setUpMs.toFixed(1), perSweep: +perSweepMs.toFixed(1) },
  };
}
