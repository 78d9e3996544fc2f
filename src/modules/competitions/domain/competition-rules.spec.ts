import { AWARD_RULES_COLUMN_DEFAULT } from '../entities/competition.entity';
import { DEFAULT_AWARD_RULES } from './award-rules';
import { CompetitionRules, openingProblems, RuleProblem, ruleProblems } from './competition-rules';
import { canCompetition, COMPETITION_TRANSITIONS } from './competition-status';

const rules = (overrides: Partial<CompetitionRules> = {}): CompetitionRules => ({
  budget: 1_000_000n,
  minAward: 10_000n,
  maxAward: 100_000n,
  minOwnShareBp: 2000,
  maxApplicationsPerApplicant: 1,
  opensAt: new Date('2026-12-01T00:00:00Z'),
  closesAt: new Date('2027-01-31T00:00:00Z'),
  eligibleVillageIds: ['v1'],
  eligibleDistrictIds: ['d1'],
  envelopes: [],
  awardRules: DEFAULT_AWARD_RULES,
  ...overrides,
});
const eligible = new Set(['v1', 'v2']);
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('competition rules', () => {
  it('store the same default award rules in the database as in code', () => {
    expect(JSON.parse(AWARD_RULES_COLUMN_DEFAULT)).toEqual(DEFAULT_AWARD_RULES);
  });

  it('check the award rules with the others: shares add up, reports have a due date, one floor per district', () => {
    const awardRules = {
      trancheTemplate: [
        { label: { en: 'On signing' }, shareBp: 6000, reportRequired: false, dueDays: 30 },
        { label: { en: 'Final' }, shareBp: 3000, reportRequired: true, dueDays: null },
      ],
      floors: [
        { districtId: 'd1', grants: 1 },
        { districtId: 'd1', grants: 2 },
      ],
      partialMinShareBp: null,
      acceptanceDays: 14,
    };
    expect(fields(ruleProblems(rules({ awardRules }), eligible))).toEqual([
      'awardRules.trancheTemplate',
      'awardRules.trancheTemplate.0.dueDays',
      'awardRules.trancheTemplate.1.dueDays',
      'awardRules.floors.1.districtId',
    ]);
  });

  it('accept a consistent rule set', () => {
    expect(
      ruleProblems(
        rules({
          envelopes: [
            { districtId: 'd1', amount: 500_000n },
            { villageId: 'v2', amount: 100_000n },
          ],
        }),
        eligible,
      ),
    ).toEqual([]);
  });

  const one = (field: string, problem: string): RuleProblem[] => [{ field, problems: [problem] }];
  const at = (iso: string) => new Date(`${iso}T00:00:00Z`);

  // Each rule just inside (no problem) and just outside (exactly its problem).
  it.each<[string, Partial<CompetitionRules>, RuleProblem[]]>([
    ['a budget of one tiyn', { budget: 1n, minAward: 1n, maxAward: 1n }, []],
    [
      'a zero budget',
      { budget: 0n, minAward: 1n, maxAward: 0n },
      [...one('budget', 'budget must be greater than zero'), ...one('maxAward', 'maxAward must not be below minAward')],
    ],
    ['a minimum award of one tiyn', { minAward: 1n }, []],
    ['a zero minimum award', { minAward: 0n }, one('minAward', 'minAward must be greater than zero')],
    ['a negative minimum award', { minAward: -1n }, one('minAward', 'minAward must be greater than zero')],
    ['minAward equal to maxAward', { minAward: 100_000n }, []],
    [
      'minAward one tiyn above maxAward',
      { minAward: 100_001n },
      one('maxAward', 'maxAward must not be below minAward'),
    ],
    ['maxAward equal to the budget', { maxAward: 1_000_000n }, []],
    [
      'maxAward one tiyn above the budget',
      { maxAward: 1_000_001n },
      one('maxAward', 'maxAward must not exceed the budget'),
    ],
    ['no own share', { minOwnShareBp: 0 }, []],
    ['an own share of 100%', { minOwnShareBp: 10000 }, []],
    ['a negative own share', { minOwnShareBp: -1 }, one('minOwnShareBp', 'minOwnShareBp must be from 0 to 10000')],
    ['an own share over 100%', { minOwnShareBp: 10001 }, one('minOwnShareBp', 'minOwnShareBp must be from 0 to 10000')],
    ['one application per applicant', { maxApplicationsPerApplicant: 1 }, []],
    [
      'no application per applicant',
      { maxApplicationsPerApplicant: 0 },
      one('maxApplicationsPerApplicant', 'at least one application per applicant'),
    ],
    [
      'closing a millisecond after opening',
      { opensAt: at('2026-12-01'), closesAt: new Date(Date.parse('2026-12-01') + 1) },
      [],
    ],
    [
      'closing as it opens',
      { opensAt: at('2026-12-01'), closesAt: at('2026-12-01') },
      one('closesAt', 'closesAt must be after opensAt'),
    ],
    ['closing before opening', { closesAt: at('2026-11-01') }, one('closesAt', 'closesAt must be after opensAt')],
    ['an envelope of one tiyn', { envelopes: [{ districtId: 'd1', amount: 1n }] }, []],
    ['an envelope of the whole budget', { envelopes: [{ districtId: 'd1', amount: 1_000_000n }] }, []],
    [
      'an empty envelope',
      { envelopes: [{ districtId: 'd1', amount: 0n }] },
      one('envelopes.0.amount', 'an envelope amount must be greater than zero'),
    ],
    [
      'an envelope one tiyn above the budget',
      { envelopes: [{ districtId: 'd1', amount: 1_000_001n }] },
      one('envelopes.0.amount', 'an envelope must not exceed the budget'),
    ],
    [
      'an envelope for a non-eligible village',
      { envelopes: [{ villageId: 'v9', amount: 1n }] },
      one('envelopes.0.villageId', 'an envelope village must be eligible'),
    ],
    [
      'an envelope for a district not listed',
      { envelopes: [{ districtId: 'd9', amount: 1n }] },
      one('envelopes.0.districtId', 'an envelope district must be one of eligibleDistrictIds'),
    ],
    [
      'an envelope naming both targets',
      { envelopes: [{ districtId: 'd1', villageId: 'v1', amount: 0n }] },
      one('envelopes.0', 'an envelope names exactly one of districtId or villageId'),
    ],
    [
      'an envelope naming neither',
      { envelopes: [{ amount: 1n }] },
      one('envelopes.0', 'an envelope names exactly one of districtId or villageId'),
    ],
    [
      'envelopes for two villages',
      {
        envelopes: [
          { villageId: 'v1', amount: 1n },
          { villageId: 'v2', amount: 1n },
        ],
      },
      [],
    ],
    [
      'two envelopes for one place',
      {
        envelopes: [
          { villageId: 'v1', amount: 1n },
          { villageId: 'v2', amount: 1n },
          { villageId: 'v1', amount: 2n },
        ],
      },
      one('envelopes.2', 'one envelope per district or village'),
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(ruleProblems(rules(overrides), eligible)).toEqual(expected);
  });

  it('report every problem at once', () => {
    expect(
      fields(ruleProblems(rules({ minAward: 200_000n, minOwnShareBp: -1, closesAt: new Date(0) }), eligible)),
    ).toEqual(['maxAward', 'minOwnShareBp', 'closesAt']);
  });

  it('need an eligible place with an adopted plan and a future deadline to open', () => {
    const now = new Date('2026-12-15T00:00:00Z');
    expect(openingProblems(rules(), eligible, now, 1)).toEqual([]);
    expect(fields(openingProblems(rules(), new Set(), now, 0))).toEqual(['eligibleVillageIds']);
    expect(fields(openingProblems(rules(), eligible, now, 0))).toEqual(['eligibleVillageIds']);
    expect(fields(openingProblems(rules(), eligible, new Date('2027-02-01T00:00:00Z'), 1))).toEqual(['closesAt']);
  });

  it.each<[string, Set<string>, number, Date, RuleProblem[]]>([
    ['one village with a plan, a millisecond before closing', eligible, 1, new Date(Date.parse('2027-01-31') - 1), []],
    [
      'at the closing instant',
      eligible,
      1,
      new Date('2027-01-31T00:00:00Z'),
      [{ field: 'closesAt', problems: ['closesAt has already passed'] }],
    ],
    [
      'no eligible village',
      new Set(),
      3,
      new Date('2026-12-15T00:00:00Z'),
      [{ field: 'eligibleVillageIds', problems: ['name at least one eligible village or district'] }],
    ],
    [
      'no village with an adopted plan',
      eligible,
      0,
      new Date('2026-12-15T00:00:00Z'),
      [{ field: 'eligibleVillageIds', problems: ['no eligible village has an adopted development plan'] }],
    ],
  ])('opening with %s', (_case, villages, withPlan, now, expected) => {
    expect(openingProblems(rules(), villages, now, withPlan)).toEqual(expected);
  });
});

describe('competition lifecycle', () => {
  it('follows draft -> open -> closed -> finalized -> archived and nothing else', () => {
    expect(COMPETITION_TRANSITIONS.open).toEqual({ from: ['draft'], to: 'open' });
    expect(canCompetition('edit', 'draft')).toBe(true);
    for (const status of ['open', 'closed', 'finalized', 'archived'] as const)
      expect(canCompetition('edit', status)).toBe(false);
    expect(canCompetition('close', 'draft')).toBe(false);
    expect(canCompetition('finalize', 'open')).toBe(false);
  });
});
