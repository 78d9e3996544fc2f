import { FundingSource } from './application-status';

/**
 * DESIGN.md rules 1 to 3, checked all at once so the applicant sees every problem together, each
 * with the path of the field it concerns. Pure: the caller loads what the rules need.
 */
export interface SubmissionFacts {
  requestedAmount: bigint;
  ownContribution: bigint;
  budgetLines: { amount: bigint; source: FundingSource }[];
  goalIds: string[];
  /** Goals of the adopted plan of the application's village (empty when it has none). */
  adoptedGoalIds: ReadonlySet<string>;
  villageEligible: boolean;
  minAward: bigint;
  maxAward: bigint;
  /** Minimum own share of the total cost, in basis points. */
  minOwnShareBp: number;
  /** Other applications of this applicant in the competition that count against the limit. */
  otherApplications: number;
  maxApplicationsPerApplicant: number;
  title: string;
  summary: string;
}

export interface Problem {
  field: string;
  problems: string[];
}

export function submissionProblems(facts: SubmissionFacts): Problem[] {
  const out: Problem[] = [];
  const add = (field: string, problem: string) => out.push({ field, problems: [problem] });

  if (!facts.title.trim()) add('title', 'a title is required to submit');
  if (!facts.summary.trim()) add('summary', 'a summary is required to submit');
  if (!facts.villageEligible) add('villageId', 'the village is not eligible in this competition');
  if (facts.goalIds.length === 0) add('goals', 'link at least one goal of the village development plan');
  facts.goalIds.forEach((goalId, index) => {
    if (!facts.adoptedGoalIds.has(goalId))
      add(`goals.${index}.goalId`, "the goal is not in the adopted plan of the application's village");
  });
  if (facts.requestedAmount < facts.minAward)
    add('requestedAmount', `the requested amount is below the minimum award (${facts.minAward})`);
  if (facts.requestedAmount > facts.maxAward)
    add('requestedAmount', `the requested amount is above the maximum award (${facts.maxAward})`);

  const sum = (source: FundingSource) =>
    facts.budgetLines.filter((l) => l.source === source).reduce((total, l) => total + l.amount, 0n);
  if (facts.budgetLines.length === 0) add('budgetLines', 'the budget needs at least one line');
  if (sum('grant') !== facts.requestedAmount)
    add('budgetLines', `grant-funded lines add up to ${sum('grant')}, not the requested ${facts.requestedAmount}`);
  if (sum('own') !== facts.ownContribution)
    add('budgetLines', `own-funded lines add up to ${sum('own')}, not the own contribution ${facts.ownContribution}`);

  const total = facts.requestedAmount + facts.ownContribution;
  // own / total >= share / 10000, in integers: own * 10000 >= share * total
  if (total > 0n && facts.ownContribution * 10000n < BigInt(facts.minOwnShareBp) * total) {
    add('ownContribution', `the own contribution must be at least ${facts.minOwnShareBp / 100}% of the total cost`);
  }
  if (facts.otherApplications >= facts.maxApplicationsPerApplicant) {
    add(
      'competitionId',
      `at most ${facts.maxApplicationsPerApplicant} application(s) per applicant in this competition`,
    );
  }
  return out;
}
