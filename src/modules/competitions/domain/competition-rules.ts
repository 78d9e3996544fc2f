import { AwardRules, awardRulesProblems } from './award-rules';

/**
 * Pure checks of a competition's rules. Each problem names the field, so a manager sees every
 * mistake at once. Amounts are bigint minor units; shares are basis points (1% = 100).
 */
export interface EnvelopeRule {
  districtId?: string;
  villageId?: string;
  amount: bigint;
}

export interface CompetitionRules {
  budget: bigint;
  minAward: bigint;
  maxAward: bigint;
  minOwnShareBp: number;
  maxApplicationsPerApplicant: number;
  opensAt: Date;
  closesAt: Date;
  eligibleVillageIds: string[];
  eligibleDistrictIds: string[];
  envelopes: EnvelopeRule[];
  awardRules: AwardRules;
}

export interface RuleProblem {
  field: string;
  problems: string[];
}

/** `eligibleVillages`: every village the eligibility covers (listed, or in a listed district). */
export function ruleProblems(rules: CompetitionRules, eligibleVillages: ReadonlySet<string>): RuleProblem[] {
  const out: RuleProblem[] = [];
  const add = (field: string, problem: string) => out.push({ field, problems: [problem] });
  if (rules.budget <= 0n) add('budget', 'budget must be greater than zero');
  if (rules.minAward <= 0n) add('minAward', 'minAward must be greater than zero');
  if (rules.minAward > rules.maxAward) add('maxAward', 'maxAward must not be below minAward');
  if (rules.maxAward > rules.budget) add('maxAward', 'maxAward must not exceed the budget');
  if (rules.minOwnShareBp < 0 || rules.minOwnShareBp > 10000)
    add('minOwnShareBp', 'minOwnShareBp must be from 0 to 10000');
  if (rules.maxApplicationsPerApplicant < 1)
    add('maxApplicationsPerApplicant', 'at least one application per applicant');
  if (rules.closesAt.getTime() <= rules.opensAt.getTime()) add('closesAt', 'closesAt must be after opensAt');

  const districts = new Set(rules.eligibleDistrictIds);
  const seen = new Set<string>();
  rules.envelopes.forEach((envelope, index) => {
    const field = `envelopes.${index}`;
    const target = envelope.districtId ?? envelope.villageId;
    if (Boolean(envelope.districtId) === Boolean(envelope.villageId)) {
      add(field, 'an envelope names exactly one of districtId or villageId');
      return;
    }
    if (envelope.amount <= 0n) add(`${field}.amount`, 'an envelope amount must be greater than zero');
    if (envelope.amount > rules.budget) add(`${field}.amount`, 'an envelope must not exceed the budget');
    if (target && seen.has(target)) add(field, 'one envelope per district or village');
    if (target) seen.add(target);
    if (envelope.districtId && !districts.has(envelope.districtId)) {
      add(`${field}.districtId`, 'an envelope district must be one of eligibleDistrictIds');
    }
    if (envelope.villageId && !eligibleVillages.has(envelope.villageId)) {
      add(`${field}.villageId`, 'an envelope village must be eligible');
    }
  });
  out.push(...awardRulesProblems(rules.awardRules));
  return out;
}

/** Extra checks when the competition opens: somewhere to apply, and a deadline still ahead. */
export function openingProblems(
  rules: CompetitionRules,
  eligibleVillages: ReadonlySet<string>,
  now: Date,
  villagesWithAdoptedPlan: number,
): RuleProblem[] {
  const out = ruleProblems(rules, eligibleVillages);
  if (eligibleVillages.size === 0) {
    out.push({ field: 'eligibleVillageIds', problems: ['name at least one eligible village or district'] });
  } else if (villagesWithAdoptedPlan === 0) {
    out.push({ field: 'eligibleVillageIds', problems: ['no eligible village has an adopted development plan'] });
  }
  if (rules.closesAt.getTime() <= now.getTime())
    out.push({ field: 'closesAt', problems: ['closesAt has already passed'] });
  return out;
}
