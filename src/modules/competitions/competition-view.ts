import { CompetitionRules } from './domain/competition-rules';
import { Competition } from './entities/competition.entity';

/** The rule set of a loaded competition, in the shape the pure checks take. */
export function rulesOf(c: Competition): CompetitionRules {
  return {
    budget: c.budget,
    minAward: c.minAward,
    maxAward: c.maxAward,
    minOwnShareBp: c.minOwnShareBp,
    maxApplicationsPerApplicant: c.maxApplicationsPerApplicant,
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    eligibleVillageIds: (c.eligibleVillages ?? []).map((v) => v.villageId),
    eligibleDistrictIds: (c.eligibleDistricts ?? []).map((d) => d.districtId),
    envelopes: (c.envelopes ?? []).map((e) => ({
      districtId: e.districtId ?? undefined,
      villageId: e.villageId ?? undefined,
      amount: e.amount,
    })),
    awardRules: c.awardRules,
  };
}

export function competitionAuditView(c: Competition): Record<string, unknown> {
  const rules = rulesOf(c);
  return {
    code: c.code,
    title: c.title,
    status: c.status,
    currency: c.currency,
    ...rules,
    eligibleVillageIds: [...rules.eligibleVillageIds].sort(),
    eligibleDistrictIds: [...rules.eligibleDistrictIds].sort(),
  };
}
