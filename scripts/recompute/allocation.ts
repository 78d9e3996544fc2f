import { PublicAllocation, PublicAllocationRow, PublicResults } from './public-data';
import { quantize } from './ranking';

/**
 * The published allocation recomputed from the final round's public results and the published
 * rules: what awards hold is kept first (a live award its amount, a cancelled one what was paid on
 * it), declared floors next, then everyone in rank order within the budget and the envelopes,
 * skipping what no longer fits; optionally one partial award. The reasons withdrawn, declined and
 * cancelled record events (the applicant withdrew, the grantee declined, a manager cancelled), so
 * they are taken as published; every other reason and every amount is recomputed.
 */

export interface Candidate {
  id: string;
  rank: number;
  requested: bigint;
  districtId: string;
  villageId: string;
  gatesPassed: boolean;
  awarded?: bigint;
  tieLostByLot?: boolean;
}

export interface Rules {
  budget: bigint;
  maxAward: bigint;
  envelopes: { key: string; amount: bigint }[];
  floors: Map<string, number>;
  partialMinShareBp: number | null;
}

const EVENTS = new Set(['withdrawn', 'declined', 'cancelled']);
const min = (a: bigint, b: bigint) => (a < b ? a : b);

/** The allocation rules of DESIGN.md section 7, as the published list applies them. */
export function allocate(
  candidates: Candidate[],
  rules: Rules,
  held: { districtId: string; villageId: string; amount: bigint }[],
) {
  const ranked = [...candidates].sort((a, b) => a.rank - b.rank);
  const left = new Map(rules.envelopes.map((e) => [e.key, e.amount]));
  let budget = rules.budget;
  const keys = (c: { districtId: string; villageId: string }) =>
    [`district:${c.districtId}`, `village:${c.villageId}`].filter((k) => left.has(k));
  const take = (c: { districtId: string; villageId: string }, amount: bigint) => {
    budget -= amount;
    for (const k of keys(c)) left.set(k, left.get(k)! - amount);
  };
  const capped = (c: Candidate) => min(c.requested, rules.maxAward);
  const room = (c: Candidate) => keys(c).reduce((r, k) => min(r, left.get(k)!), budget);
  const given = new Map<string, { amount: bigint; reason: string }>();
  const give = (c: Candidate, amount: bigint, reason: string) => {
    take(c, amount);
    given.set(c.id, { amount, reason });
  };
  for (const h of held) take(h, h.amount);
  const granted = new Map<string, number>();
  for (const c of ranked) {
    if (c.awarded === undefined) continue;
    give(c, c.awarded, c.awarded < capped(c) ? 'funded_partially' : 'funded');
    granted.set(c.districtId, (granted.get(c.districtId) ?? 0) + 1);
  }
  // Floors in tiers: every district's first floor grant before any district's second, in rank order.
  const heldTiers = Math.max(0, ...granted.values());
  // Every tier up to one past the most a district holds is visited: that district's next floor grant is due there.
  for (let tier = 1, inTier = 1; inTier > 0 || tier <= heldTiers + 1; tier++) {
    inTier = 0;
    for (const c of ranked) {
      if ((rules.floors.get(c.districtId) ?? 0) < tier || (granted.get(c.districtId) ?? 0) !== tier - 1) continue;
      if (!c.gatesPassed || given.has(c.id) || capped(c) > room(c)) continue;
      give(c, capped(c), 'floor');
      granted.set(c.districtId, tier);
      inTier++;
    }
  }
  let partialConsidered = false;
  for (const c of ranked) {
    if (given.has(c.id)) continue;
    if (!c.gatesPassed) {
      given.set(c.id, { amount: 0n, reason: 'below_gate' });
      continue;
    }
    const want = capped(c);
    const r = room(c);
    if (want <= r) {
      give(c, want, 'funded');
      continue;
    }
    if (rules.partialMinShareBp !== null && !partialConsidered) {
      partialConsidered = true;
      if (r > 0n && r * 10000n >= want * BigInt(rules.partialMinShareBp)) {
        give(c, r, 'funded_partially');
        continue;
      }
    }
    const reason = c.tieLostByLot ? 'tie_lost_by_lot' : want <= budget ? 'envelope_full' : 'budget_exhausted';
    given.set(c.id, { amount: 0n, reason });
  }
  return { given, committed: rules.budget - budget, remaining: budget };
}

export function recomputeAllocation(published: PublicAllocation, finalRound: PublicResults): string[] {
  const problems: string[] = [];
  const results = new Map(finalRound.items.map((r) => [r.applicationId, r]));
  const rows = published.decisions;
  if (rows.length !== results.size || rows.some((r) => !results.has(r.applicationId)))
    problems.push('the allocation does not list exactly the applications of the final round');
  const rules: Rules = {
    budget: BigInt(published.rules.budget),
    maxAward: BigInt(published.rules.maxAward),
    envelopes: published.rules.envelopes.map((e) => ({
      key: e.districtId !== undefined ? `district:${e.districtId}` : `village:${e.villageId}`,
      amount: BigInt(e.amount),
    })),
    floors: new Map(published.rules.floors.map((f) => [f.districtId, f.grants])),
    partialMinShareBp: published.rules.partialMinShareBp,
  };
  const priority = finalRound.round.method.priorityCriterion;
  const outside = new Map<string, string>();
  const candidates: Candidate[] = [];
  const held: { districtId: string; villageId: string; amount: bigint }[] = [];
  for (const row of rows) {
    const result = results.get(row.applicationId);
    if (!result) continue;
    const gatesFailed = result.gates.filter((g) => !g.passed).map((g) => g.criterion);
    if (row.rank !== result.rank || row.requested !== result.requested)
      problems.push(`${row.reference}: rank or request differs from the round's results`);
    const live = row.awardStatus !== null;
    const reason =
      result.rank === null
        ? 'below_quorum'
        : EVENTS.has(row.reason)
          ? row.reason
          : result.advanced || gatesFailed.length > 0 || live
            ? null
            : 'not_advanced';
    if (reason) {
      outside.set(row.applicationId, reason);
      if (BigInt(row.holds) > 0n) held.push({ ...row, amount: BigInt(row.holds) });
    } else {
      candidates.push({
        id: row.applicationId,
        rank: result.rank!,
        requested: BigInt(result.requested),
        districtId: row.districtId,
        villageId: row.villageId,
        gatesPassed: gatesFailed.length === 0,
        ...(live ? { awarded: BigInt(row.holds) } : {}),
      });
    }
  }
  let outcome = allocate(candidates, rules, held);
  // A full tie: the same decisive score, priority mean and request, separated by the lottery alone.
  const decisive = (id: string) => {
    const r = results.get(id)!;
    return finalRound.calibratedDecides ? r.calibrated : r.official;
  };
  const tieKey = (id: string) => {
    const r = results.get(id)!;
    const score = decisive(id);
    const mean = r.means[priority];
    return `${score === null ? '' : Math.round(score * 1e9)}|${mean === null ? '' : Math.round(quantize(mean) * 1e9)}|${r.requested}`;
  };
  const bestFunded = new Map<string, number>();
  for (const c of candidates)
    if (outcome.given.get(c.id)!.amount > 0n)
      bestFunded.set(tieKey(c.id), Math.min(bestFunded.get(tieKey(c.id)) ?? Infinity, c.rank));
  const lost = candidates.filter(
    (c) =>
      outcome.given.get(c.id)!.amount === 0n &&
      outcome.given.get(c.id)!.reason !== 'below_gate' &&
      (bestFunded.get(tieKey(c.id)) ?? Infinity) < c.rank,
  );
  if (lost.length) {
    const ids = new Set(lost.map((c) => c.id));
    outcome = allocate(
      candidates.map((c) => ({ ...c, tieLostByLot: ids.has(c.id) })),
      rules,
      held,
    );
  }
  for (const row of rows) {
    const amount = outside.has(row.applicationId) ? BigInt(row.holds) : outcome.given.get(row.applicationId)?.amount;
    const reason = outside.get(row.applicationId) ?? outcome.given.get(row.applicationId)?.reason;
    if (amount === undefined) continue;
    if (BigInt(row.amount) !== amount || row.reason !== reason)
      problems.push(`${row.reference}: published ${row.amount} (${row.reason}), recomputed ${amount} (${reason})`);
  }
  problems.push(...invariants(published, rows, outcome));
  return problems;
}

/** What must hold whatever the inputs: no negative remainder, no cap overrun, held amounts shown as held. */
function invariants(
  published: PublicAllocation,
  rows: PublicAllocationRow[],
  outcome: { committed: bigint; remaining: bigint },
): string[] {
  const out: string[] = [];
  if (BigInt(published.committed) !== outcome.committed || BigInt(published.remaining) !== outcome.remaining)
    out.push(
      `committed/remaining published ${published.committed}/${published.remaining}, recomputed ${outcome.committed}/${outcome.remaining}`,
    );
  if (outcome.remaining < 0n) out.push(`the allocation funds more than the budget (remaining ${outcome.remaining})`);
  for (const e of published.rules.envelopes) {
    const inside = rows.filter((r) =>
      e.districtId !== undefined ? r.districtId === e.districtId : r.villageId === e.villageId,
    );
    const total = inside.reduce((s, r) => s + BigInt(r.amount), 0n);
    if (total > BigInt(e.amount)) out.push(`envelope ${e.districtId ?? e.villageId} holds ${total} of ${e.amount}`);
  }
  for (const r of rows)
    if (r.awardStatus !== null && r.amount !== r.holds)
      out.push(`${r.reference}: a live award shows ${r.amount} but holds ${r.holds}`);
  return out;
}
