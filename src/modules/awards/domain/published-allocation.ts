import { allocate, AllocationCandidate, AllocationReason, AllocationRules, HeldAmount } from './allocation';

/** Why an application of the final round is not allocated at all, besides the allocation's own reasons. */
export type ListReason = AllocationReason | 'not_advanced' | 'below_quorum' | 'withdrawn' | 'declined' | 'cancelled';

export interface RankedRow {
  applicationId: string;
  rank: number | null;
  advanced: boolean;
  gatesFailed: readonly string[];
  applicationStatus: string;
  requested: bigint;
  districtId: string;
  villageId: string;
  /** The score that decided the ranking, and the tie-breaks after it. */
  score: number | null;
  priorityMean: number | null;
  liveAwardAmount: bigint | null;
  lostAwardStatus: 'declined' | 'cancelled' | null;
  /** What a cancelled award still holds: what was paid on it (0n when nothing was, or when there is none). */
  lostAwardHolds: bigint;
}

export interface ListedDecision {
  applicationId: string;
  rank: number | null;
  amount: bigint;
  reason: ListReason;
}

/** What a row's awards hold whatever becomes of the application: a live award its amount, a cancelled one what was paid. */
const holds = (r: RankedRow): bigint => r.liveAwardAmount ?? r.lostAwardHolds;

/**
 * The full list of the final round with a reason for everyone: who is out before allocating (did
 * not advance, too few scores, withdrew, declined an award), and the allocation of the rest. What
 * the awards of those out still hold (what was paid on a cancelled award; a live award of a
 * withdrawn application until it is cancelled or lapses) shows on their row and is taken off the
 * budget and its envelopes before anyone is allocated. An
 * unfunded application whose rank only the lottery separated from a funded one (same score, same
 * priority score, same request) reads "tie lost by lot". Pure: anyone with the published results,
 * requests and rules gets the same list.
 */
export function publishedAllocation(
  rows: readonly RankedRow[],
  rules: AllocationRules,
): { decisions: ListedDecision[]; committed: bigint; remaining: bigint } {
  const outside = new Map<string, ListReason>();
  const candidates: AllocationCandidate[] = [];
  const held: HeldAmount[] = [];
  for (const r of rows) {
    const reason: ListReason | null =
      r.rank === null
        ? 'below_quorum'
        : r.applicationStatus === 'withdrawn'
          ? 'withdrawn'
          : (r.lostAwardStatus ??
            (r.advanced || r.gatesFailed.length > 0 || r.liveAwardAmount !== null ? null : 'not_advanced'));
    if (reason) {
      outside.set(r.applicationId, reason);
      if (holds(r) > 0n) held.push({ districtId: r.districtId, villageId: r.villageId, amount: holds(r) });
    } else
      candidates.push({
        applicationId: r.applicationId,
        rank: r.rank!,
        requested: r.requested,
        districtId: r.districtId,
        villageId: r.villageId,
        gatesPassed: r.gatesFailed.length === 0,
        awarded: r.liveAwardAmount ?? undefined,
      });
  }
  let result = allocate(candidates, rules, held);
  const byId = new Map(rows.map((r) => [r.applicationId, r]));
  // Ties are between neighbours in rank: keyed by what the lottery alone separates.
  const tieKey = (r: RankedRow) =>
    `${r.score === null ? '' : Math.round(r.score * 1e9)}|${r.priorityMean === null ? '' : Math.round(r.priorityMean * 1e9)}|${r.requested}`;
  const bestFundedRank = new Map<string, number>();
  for (const d of result.decisions) {
    if (d.amount === 0n) continue;
    const key = tieKey(byId.get(d.applicationId)!);
    bestFundedRank.set(key, Math.min(bestFundedRank.get(key) ?? Infinity, d.rank));
  }
  const lostByLot = new Set(
    result.decisions
      .filter(
        (d) =>
          d.amount === 0n &&
          d.reason !== 'below_gate' &&
          (bestFundedRank.get(tieKey(byId.get(d.applicationId)!)) ?? Infinity) < d.rank,
      )
      .map((d) => d.applicationId),
  );
  if (lostByLot.size)
    result = allocate(
      candidates.map((c) => ({ ...c, tieLostByLot: lostByLot.has(c.applicationId) })),
      rules,
      held,
    );
  const allocated = new Map(result.decisions.map((d) => [d.applicationId, d]));
  const decisions = rows.map(
    (r): ListedDecision =>
      allocated.get(r.applicationId) ?? {
        applicationId: r.applicationId,
        rank: r.rank,
        amount: holds(r),
        reason: outside.get(r.applicationId)!,
      },
  );
  return { decisions, committed: result.committed, remaining: result.remaining };
}
