import { allocate, AllocationCandidate, AllocationRules } from '../../src/modules/awards/domain/allocation';

/** Builders for the allocation examples (src/modules/awards/domain/allocation*.spec.ts): one district, one village, gates passed, unless told. */
export const candidate = (
  applicationId: string,
  rank: number,
  requested: bigint,
  more: Partial<AllocationCandidate> = {},
): AllocationCandidate => ({
  applicationId,
  rank,
  requested,
  districtId: 'd1',
  villageId: 'v1',
  gatesPassed: true,
  ...more,
});
export const rules = (more: Partial<AllocationRules> = {}): AllocationRules => ({
  budget: 100n,
  maxAward: 1000n,
  envelopes: [],
  floors: [],
  ...more,
});
/** id -> [amount, reason], in rank order, for compact expectations. */
export const outcome = (candidates: AllocationCandidate[], r: AllocationRules) =>
  Object.fromEntries(allocate(candidates, r).decisions.map((d) => [d.applicationId, [d.amount, d.reason]]));
