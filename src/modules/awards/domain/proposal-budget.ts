import { AllocationEnvelope } from './allocation';

/**
 * Rule 7 before any money moves (DESIGN.md section 7). A proposal holds nothing in the ledger, but
 * one that would not fit the budget, or a district or village envelope, together with what is held
 * (awards approved or further along: their amount; cancelled ones: what was paid on them) and the
 * other open proposals is refused. So the published list never funds more than the budget, never
 * shows a negative remainder, and every proposal can be approved as far as money goes.
 */
export interface Holding {
  districtId: string;
  villageId: string;
  /** Minor units. */
  amount: bigint;
}

export interface BudgetCaps {
  budget: bigint;
  envelopes: readonly AllocationEnvelope[];
}

export interface ProposalOverrun {
  /** Which cap would overflow: the competition's budget or one envelope. */
  envelope: 'budget' | 'district' | 'village';
  districtId?: string;
  villageId?: string;
  limit: bigint;
  /** What the cap has left besides what is held and proposed already. */
  remaining: bigint;
  /** What the refused proposals would add to it. */
  requested: bigint;
}

const sum = (xs: readonly Holding[]) => xs.reduce((s, h) => s + h.amount, 0n);

/**
 * The first cap the proposals would overflow, or null when they all fit: the budget first, then the
 * envelopes in the order given. An envelope none of the proposals falls in is not checked, so one
 * already over its amount (set lower after its awards) blocks nothing elsewhere.
 */
export function proposalOverrun(
  holdings: readonly Holding[],
  proposals: readonly Holding[],
  caps: BudgetCaps,
): ProposalOverrun | null {
  const requested = sum(proposals);
  const remaining = caps.budget - sum(holdings);
  if (requested > remaining) return { envelope: 'budget', limit: caps.budget, remaining, requested };
  for (const e of caps.envelopes) {
    const inside = (h: Holding) =>
      e.districtId !== undefined ? h.districtId === e.districtId : h.villageId === e.villageId;
    const adding = sum(proposals.filter(inside));
    if (adding === 0n) continue;
    const left = e.amount - sum(holdings.filter(inside));
    if (adding > left)
      return {
        ...(e.districtId !== undefined
          ? { envelope: 'district', districtId: e.districtId }
          : { envelope: 'village', villageId: e.villageId }),
        limit: e.amount,
        remaining: left,
        requested: adding,
      };
  }
  return null;
}
