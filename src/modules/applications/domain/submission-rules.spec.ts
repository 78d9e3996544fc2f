import { Problem, SubmissionFacts, submissionProblems } from './submission-rules';

/**
 * 800,000 requested within 500,000 to 2,000,000, 200,000 own: exactly the 20% minimum of the 1,000,000
 * total. Budget lines follow the amounts unless a case gives its own.
 */
function facts(overrides: Partial<SubmissionFacts> = {}): SubmissionFacts {
  const requestedAmount = overrides.requestedAmount ?? 800_000n;
  const ownContribution = overrides.ownContribution ?? 200_000n;
  return {
    title: 'Guest house by the sea',
    summary: 'Four rooms for visitors',
    villageEligible: true,
    goalIds: ['g1', 'g2'],
    adoptedGoalIds: new Set(['g1', 'g2', 'g3']),
    minAward: 500_000n,
    maxAward: 2_000_000n,
    minOwnShareBp: 2000,
    otherApplications: 0,
    maxApplicationsPerApplicant: 1,
    budgetLines: [
      { amount: requestedAmount, source: 'grant' },
      { amount: ownContribution, source: 'own' },
    ],
    ...overrides,
    requestedAmount,
    ownContribution,
  };
}

const one = (field: string, problem: string): Problem[] => [{ field, problems: [problem] }];

describe('submission rules', () => {
  it('finds nothing wrong with a complete application at the limits', () => {
    expect(submissionProblems(facts())).toEqual([]);
  });

  // Each rule: a case just inside it that passes, and one just outside that reports exactly it.
  it.each<[string, Partial<SubmissionFacts>, Problem[]]>([
    ['a title', { title: 'T' }, []],
    ['no title', { title: '' }, one('title', 'a title is required to submit')],
    ['a blank title', { title: ' \t ' }, one('title', 'a title is required to submit')],
    ['a summary', { summary: 'S' }, []],
    ['no summary', { summary: '  ' }, one('summary', 'a summary is required to submit')],
    ['an eligible village', { villageEligible: true }, []],
    [
      'a village not eligible',
      { villageEligible: false },
      one('villageId', 'the village is not eligible in this competition'),
    ],
    ['one goal', { goalIds: ['g3'] }, []],
    ['no goal', { goalIds: [] }, one('goals', 'link at least one goal of the village development plan')],
    [
      'a goal outside the adopted plan, by its index',
      { goalIds: ['g1', 'elsewhere', 'g2', 'nowhere'] },
      [
        { field: 'goals.1.goalId', problems: ["the goal is not in the adopted plan of the application's village"] },
        { field: 'goals.3.goalId', problems: ["the goal is not in the adopted plan of the application's village"] },
      ],
    ],
    [
      'a goal when the village has no adopted plan',
      { adoptedGoalIds: new Set() },
      [
        { field: 'goals.0.goalId', problems: ["the goal is not in the adopted plan of the application's village"] },
        { field: 'goals.1.goalId', problems: ["the goal is not in the adopted plan of the application's village"] },
      ],
    ],
    ['exactly the minimum award', { requestedAmount: 500_000n, ownContribution: 125_000n }, []],
    [
      'one tiyn below the minimum award',
      { requestedAmount: 499_999n, ownContribution: 125_000n },
      one('requestedAmount', 'the requested amount is below the minimum award (500000)'),
    ],
    ['exactly the maximum award', { requestedAmount: 2_000_000n, ownContribution: 500_000n }, []],
    [
      'one tiyn above the maximum award',
      { requestedAmount: 2_000_001n, ownContribution: 500_001n },
      one('requestedAmount', 'the requested amount is above the maximum award (2000000)'),
    ],
    [
      'no budget line',
      { budgetLines: [], requestedAmount: 500_000n, ownContribution: 0n, minOwnShareBp: 0 },
      [
        { field: 'budgetLines', problems: ['the budget needs at least one line'] },
        { field: 'budgetLines', problems: ['grant-funded lines add up to 0, not the requested 500000'] },
      ],
    ],
    [
      'grant lines split over several lines',
      {
        budgetLines: [
          { amount: 300_000n, source: 'grant' },
          { amount: 100_000n, source: 'own' },
          { amount: 500_000n, source: 'grant' },
          { amount: 100_000n, source: 'own' },
        ],
      },
      [],
    ],
    [
      'grant lines one tiyn short of the request',
      {
        budgetLines: [
          { amount: 799_999n, source: 'grant' },
          { amount: 200_000n, source: 'own' },
        ],
      },
      one('budgetLines', 'grant-funded lines add up to 799999, not the requested 800000'),
    ],
    [
      'grant lines over the request',
      {
        budgetLines: [
          { amount: 800_001n, source: 'grant' },
          { amount: 200_000n, source: 'own' },
        ],
      },
      one('budgetLines', 'grant-funded lines add up to 800001, not the requested 800000'),
    ],
    [
      'own lines that differ from the own contribution',
      {
        budgetLines: [
          { amount: 800_000n, source: 'grant' },
          { amount: 200_001n, source: 'own' },
        ],
      },
      one('budgetLines', 'own-funded lines add up to 200001, not the own contribution 200000'),
    ],
    [
      'an own share one tiyn short of 20%',
      { ownContribution: 199_999n },
      one('ownContribution', 'the own contribution must be at least 20% of the total cost'),
    ],
    ['an own share of 12.5% against a 12.5% minimum', { ownContribution: 114_286n, minOwnShareBp: 1250 }, []],
    [
      'an own share just under 12.5%',
      { ownContribution: 114_285n, minOwnShareBp: 1250 },
      one('ownContribution', 'the own contribution must be at least 12.5% of the total cost'),
    ],
    ['no own share when none is asked', { ownContribution: 0n, minOwnShareBp: 0 }, []],
    ['a zero total, with no own share asked of it', { requestedAmount: 0n, ownContribution: 0n, minAward: 0n }, []],
    ['one application below the limit', { otherApplications: 1, maxApplicationsPerApplicant: 2 }, []],
    [
      'applications at the limit already',
      { otherApplications: 2, maxApplicationsPerApplicant: 2 },
      one('competitionId', 'at most 2 application(s) per applicant in this competition'),
    ],
    [
      'applications past the limit',
      { otherApplications: 3, maxApplicationsPerApplicant: 1 },
      one('competitionId', 'at most 1 application(s) per applicant in this competition'),
    ],
  ])('%s', (_case, overrides, expected) => {
    expect(submissionProblems(facts(overrides))).toEqual(expected);
  });

  it('reports every broken rule at once, in order, each with its field', () => {
    const problems = submissionProblems(
      facts({
        title: '',
        summary: '',
        villageEligible: false,
        goalIds: [],
        requestedAmount: 100n,
        ownContribution: 1n,
        budgetLines: [],
        otherApplications: 1,
      }),
    );
    expect(problems).toEqual([
      { field: 'title', problems: ['a title is required to submit'] },
      { field: 'summary', problems: ['a summary is required to submit'] },
      { field: 'villageId', problems: ['the village is not eligible in this competition'] },
      { field: 'goals', problems: ['link at least one goal of the village development plan'] },
      { field: 'requestedAmount', problems: ['the requested amount is below the minimum award (500000)'] },
      { field: 'budgetLines', problems: ['the budget needs at least one line'] },
      { field: 'budgetLines', problems: ['grant-funded lines add up to 0, not the requested 100'] },
      { field: 'budgetLines', problems: ['own-funded lines add up to 0, not the own contribution 1'] },
      { field: 'ownContribution', problems: ['the own contribution must be at least 20% of the total cost'] },
      { field: 'competitionId', problems: ['at most 1 application(s) per applicant in this competition'] },
    ]);
  });
});
