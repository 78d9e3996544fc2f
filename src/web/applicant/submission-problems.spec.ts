import { submissionProblems, SubmissionFacts } from '../../modules/applications/domain/submission-rules';
import { linkProblems } from './submission-problems';

const facts = (overrides: Partial<SubmissionFacts> = {}): SubmissionFacts => ({
  title: 'Guest house',
  summary: 'Rooms',
  requestedAmount: 100n,
  ownContribution: 50n,
  budgetLines: [
    { amount: 100n, source: 'grant' },
    { amount: 50n, source: 'own' },
  ],
  goalIds: ['g1'],
  adoptedGoalIds: new Set(['g1']),
  villageEligible: true,
  minAward: 10n,
  maxAward: 1000n,
  minOwnShareBp: 2000,
  otherApplications: 0,
  maxApplicationsPerApplicant: 1,
  ...overrides,
});
const values = { minAward: 10n, maxAward: 1000n, minOwnSharePercent: 20, maxApplications: 1 };
const linked = (f: SubmissionFacts) => linkProblems('app', submissionProblems(f), values);

describe('submission problems in the applicant’s words, linked to their step', () => {
  it('gives every rule its own message and the field that fixes it (never the catch-all)', () => {
    const all = linked(
      facts({
        title: ' ',
        summary: '',
        villageEligible: false,
        goalIds: ['gone'],
        requestedAmount: 5n,
        ownContribution: 0n,
        budgetLines: [],
        otherApplications: 1,
      }),
    );
    expect(all.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        'apply.problem.title',
        'apply.problem.summary',
        'apply.problem.village',
        'apply.problem.goalNotInPlan',
        'apply.problem.belowMin',
        'apply.problem.noLines',
        'apply.problem.grantSum',
        'apply.problem.limit',
      ]),
    );
    expect(all.map((p) => p.message)).not.toContain('apply.problem.other');
    expect(all.find((p) => p.message === 'apply.problem.title')?.href).toBe('/applications/app/project#title');
  });

  it('tells the maximum from the minimum, a missing goal, own sums and the own share apart', () => {
    expect(linked(facts({ requestedAmount: 2000n, budgetLines: [] })).map((p) => p.message)).toContain(
      'apply.problem.aboveMax',
    );
    expect(linked(facts({ goalIds: [] })).map((p) => p.message)).toEqual(['apply.problem.goals']);
    const own = linked(facts({ ownContribution: 10n, budgetLines: [{ amount: 100n, source: 'grant' }] }));
    expect(own.map((p) => p.message)).toEqual(['apply.problem.ownSum', 'apply.problem.ownShare']);
    expect(own[1]).toEqual({
      href: '/applications/app/budget#totals',
      message: 'apply.problem.ownShare',
      params: { share: 20 },
    });
  });
});
