/**
 * The allocation helper (DESIGN.md section 7, rules 7-8): proposes awards from the final round's
 * ranking, in rank order, within the budget and every district or village envelope. Declared
 * floors are met first; everyone else is then taken in rank order, skipping (not stopping at) an
 * application that no longer fits. No "points per tenge": a cheaper application never jumps a
 * better one that fits. Pure and deterministic: the same candidates in any order and the same
 * rules give the same proposals, so the published list can be recomputed by anyone.
 */
export interface AllocationCandidate {
  applicationId: string;
  /** 1 = best, from the final round's stored results; unique. */
  rank: number;
  /** Minor units (tiyn), positive. */
  requested: bigint;
  districtId: string;
  villageId: string;
  /** False: reason 'below_gate', never funded. */
  gatesPassed: boolean;
  /**
   * Set by the caller when this rank was decided by the published lottery against an application
   * that was funded. Only a label: it changes the reason of an unfunded application, never who
   * is funded, so a caller may allocate once, set it, and allocate again for the same amounts.
   */
  tieLostByLot?: boolean;
  /**
   * A live award already holds this amount (proposed or further along): it is kept first, before
   * floors and ranks, so what a decline or cancellation frees goes to the next in line.
   */
  awarded?: bigint;
}

/**
 * Money held outside the candidates: what was paid on a cancelled award (DESIGN.md section 7). It
 * is taken off the budget and the envelopes of its district and village before anything else, and
 * is no grant (it counts towards no floor).
 */
export interface HeldAmount {
  districtId: string;
  villageId: string;
  /** Minor units, positive. */
  amount: bigint;
}

/** A cap on the sum of awards in one district or in one village: exactly one of the ids. */
export interface AllocationEnvelope {
  districtId?: string;
  villageId?: string;
  amount: bigint;
}

export interface AllocationRules {
  budget: bigint;
  /** An award never exceeds min(requested, maxAward). */
  maxAward: bigint;
  envelopes: readonly AllocationEnvelope[];
  /** At least this many grants in the district, met first (by rank within the district) if the budget and envelopes allow. */
  floors: readonly { districtId: string; grants: number }[];
  /**
   * The first application that does not fit in full may be offered the remaining room, if that is
   * at least minShareBp / 10000 of its capped request. At most one partial award.
   */
  partial?: { minShareBp: number };
}

export type AllocationReason =
  'funded' | 'funded_partially' | 'floor' | 'budget_exhausted' | 'envelope_full' | 'below_gate' | 'tie_lost_by_lot';

export interface AllocationDecision {
  applicationId: string;
  rank: number;
  /** Minor units; 0n when not funded. */
  amount: bigint;
  reason: AllocationReason;
}

export interface Allocation {
  /** One per candidate, in rank order. */
  decisions: AllocationDecision[];
  /** What the decisions and the held amounts take of the budget. */
  committed: bigint;
  remaining: bigint;
}

const FULL_SHARE_BP = 10_000;

const isId = (value: unknown) => typeof value === 'string' && value.length > 0;

/** Problems with the input, for a 4xx that names them (empty when it can be allocated). */
export function allocationProblems(
  candidates: readonly AllocationCandidate[],
  rules: AllocationRules,
  held: readonly HeldAmount[] = [],
): string[] {
  const problems: string[] = [];
  held.forEach((h, i) => {
    if (h.amount <= 0n) problems.push(`held amount ${i + 1} must be positive`);
    if (!isId(h.districtId) || !isId(h.villageId))
      problems.push(`held amount ${i + 1}: district and village are required`);
  });
  const ids = new Set<string>();
  const ranks = new Set<number>();
  for (const c of candidates) {
    const who = isId(c.applicationId) ? `application ${c.applicationId}` : 'an application';
    if (!isId(c.applicationId)) problems.push('every application needs an id');
    else if (ids.has(c.applicationId)) problems.push(`${who} appears more than once`);
    ids.add(c.applicationId);
    if (!Number.isSafeInteger(c.rank) || c.rank < 1) problems.push(`${who}: rank must be a whole number from 1`);
    else if (ranks.has(c.rank)) problems.push(`${who}: rank ${c.rank} is shared with another application`);
    ranks.add(c.rank);
    if (c.requested <= 0n) problems.push(`${who}: requested amount must be positive`);
    if (!isId(c.districtId) || !isId(c.villageId)) problems.push(`${who}: district and village are required`);
    if (c.awarded !== undefined && c.awarded <= 0n) problems.push(`${who}: an award already held must be positive`);
  }
  if (rules.budget < 0n) problems.push('budget cannot be negative');
  if (rules.maxAward <= 0n) problems.push('maximum award must be positive');
  const envelopeKeys = new Set<string>();
  rules.envelopes.forEach((e, i) => {
    const district = e.districtId !== undefined;
    const village = e.villageId !== undefined;
    if (district === village) problems.push(`envelope ${i + 1}: name exactly one of a district or a village`);
    else if (!isId(district ? e.districtId : e.villageId)) problems.push(`envelope ${i + 1}: the id is empty`);
    else {
      const key = envelopeKey(district ? 'district' : 'village', (e.districtId ?? e.villageId)!);
      if (envelopeKeys.has(key))
        problems.push(`envelope ${i + 1}: another envelope caps the same ${district ? 'district' : 'village'}`);
      envelopeKeys.add(key);
    }
    if (e.amount < 0n) problems.push(`envelope ${i + 1}: amount cannot be negative`);
  });
  const floorDistricts = new Set<string>();
  rules.floors.forEach((f, i) => {
    if (!isId(f.districtId)) problems.push(`floor ${i + 1}: district is required`);
    else if (floorDistricts.has(f.districtId)) problems.push(`floor ${i + 1}: another floor names the same district`);
    floorDistricts.add(f.districtId);
    if (!Number.isSafeInteger(f.grants) || f.grants < 0)
      problems.push(`floor ${i + 1}: grants must be a whole number from 0`);
  });
  if (rules.partial) {
    const bp = rules.partial.minShareBp;
    if (!Number.isInteger(bp) || bp < 0 || bp > FULL_SHARE_BP)
      problems.push('partial funding: minimum share must be a whole number of basis points from 0 to 10000');
  }
  return problems;
}

const envelopeKey = (kind: 'district' | 'village', id: string) => `${kind}:${id}`;
const min = (a: bigint, b: bigint) => (a < b ? a : b);

export function allocate(
  candidates: readonly AllocationCandidate[],
  rules: AllocationRules,
  held: readonly HeldAmount[] = [],
): Allocation {
  const problems = allocationProblems(candidates, rules, held);
  if (problems.length) throw new Error(`cannot allocate: ${problems.join('; ')}`);

  const ranked = [...candidates].sort((a, b) => a.rank - b.rank);
  const envelopeLeft = new Map(
    rules.envelopes.map((e) => [
      e.districtId !== undefined ? envelopeKey('district', e.districtId) : envelopeKey('village', e.villageId!),
      e.amount,
    ]),
  );
  let budgetLeft = rules.budget;
  const envelopesOf = (c: { districtId: string; villageId: string }) =>
    [envelopeKey('district', c.districtId), envelopeKey('village', c.villageId)].filter((k) => envelopeLeft.has(k));
  const take = (c: { districtId: string; villageId: string }, amount: bigint) => {
    budgetLeft -= amount;
    for (const k of envelopesOf(c)) envelopeLeft.set(k, envelopeLeft.get(k)! - amount);
  };
  for (const h of held) take(h, h.amount);
  const capped = (c: AllocationCandidate) => min(c.requested, rules.maxAward);
  /** What the candidate could still get: the budget left, and what is left in each of its envelopes. */
  const room = (c: AllocationCandidate) => envelopesOf(c).reduce((r, k) => min(r, envelopeLeft.get(k)!), budgetLeft);
  const award = new Map<string, { amount: bigint; reason: AllocationReason }>();
  const commit = (c: AllocationCandidate, amount: bigint, reason: AllocationReason) => {
    take(c, amount);
    award.set(c.applicationId, { amount, reason });
  };

  const floorGranted = new Map<string, number>();
  for (const c of ranked) {
    if (c.awarded === undefined) continue;
    commit(c, c.awarded, c.awarded < capped(c) ? 'funded_partially' : 'funded');
    floorGranted.set(c.districtId, (floorGranted.get(c.districtId) ?? 0) + 1);
  }

  // Floors, in tiers: every district's first floor grant before any district's second, so one
  // district's floor cannot use up the money another needs for its first. Within a tier, rank order.
  const floorOf = new Map(rules.floors.map((f) => [f.districtId, f.grants]));
  // Rooms only shrink, so a district that got nothing in one tier gets nothing later: it drops out.
  // A district whose held awards already reached tier t waits for tier t + 1, so every tier up to one
  // past the most any district holds is visited, whether or not anything was granted in the one before.
  const heldTiers = Math.max(0, ...floorGranted.values());
  for (let tier = 1, grantedInTier = 1; grantedInTier > 0 || tier <= heldTiers + 1; tier++) {
    grantedInTier = 0;
    for (const c of ranked) {
      const granted = floorGranted.get(c.districtId) ?? 0;
      if ((floorOf.get(c.districtId) ?? 0) < tier || granted !== tier - 1) continue;
      if (!c.gatesPassed || award.has(c.applicationId) || capped(c) > room(c)) continue;
      commit(c, capped(c), 'floor');
      floorGranted.set(c.districtId, tier);
      grantedInTier++;
    }
  }

  // Everyone else in rank order, skipping what no longer fits; the first that does not fit may get the room left.
  const unfunded = new Map<string, AllocationReason>();
  let partialConsidered = false;
  for (const c of ranked) {
    if (award.has(c.applicationId)) continue;
    if (!c.gatesPassed) {
      unfunded.set(c.applicationId, 'below_gate');
      continue;
    }
    const want = capped(c);
    const left = room(c);
    if (want <= left) {
      commit(c, want, 'funded');
      continue;
    }
    if (rules.partial && !partialConsidered) {
      partialConsidered = true;
      if (left > 0n && left * BigInt(FULL_SHARE_BP) >= want * BigInt(rules.partial.minShareBp)) {
        commit(c, left, 'funded_partially');
        continue;
      }
    }
    unfunded.set(
      c.applicationId,
      c.tieLostByLot ? 'tie_lost_by_lot' : want <= budgetLeft ? 'envelope_full' : 'budget_exhausted',
    );
  }

  const decisions = ranked.map((c): AllocationDecision => {
    const given = award.get(c.applicationId);
    return {
      applicationId: c.applicationId,
      rank: c.rank,
      amount: given?.amount ?? 0n,
      reason: given?.reason ?? unfunded.get(c.applicationId)!,
    };
  });
  const committed = rules.budget - budgetLeft;
  return { decisions, committed, remaining: budgetLeft };
}
