import { AWARD_RULES_COLUMN_DEFAULT } from '../entities/competition.entity';
import { DEFAULT_AWARD_RULES } from './award-rules';
import { CompetitionRules, openingProblems, ruleProblems } from './competition-rules';
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
        { label: 'On signing', shareBp: 6000, reportRequired: false, dueDays: 30 },
        { label: 'Final', shareBp: 3000, reportRequired: true, dueDays: null },
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

  it.each([
    ['minAward above maxAward', { minAward: 200_000n }, 'maxAward'],
    ['maxAward above the budget', { maxAward: 2_000_000n }, 'maxAward'],
    ['a zero budget', { budget: 0n, maxAward: 0n, minAward: 0n }, 'budget'],
    ['closing before opening', { closesAt: new Date('2026-11-01T00:00:00Z') }, 'closesAt'],
    ['an own share over 100%', { minOwnShareBp: 10001 }, 'minOwnShareBp'],
    ['an envelope above the budget', { envelopes: [{ districtId: 'd1', amount: 2_000_000n }] }, 'envelopes.0.amount'],
    [
      'an envelope for a non-eligible village',
      { envelopes: [{ villageId: 'v9', amount: 1n }] },
      'envelopes.0.villageId',
    ],
    [
      'an envelope for a district not listed',
      { envelopes: [{ districtId: 'd9', amount: 1n }] },
      'envelopes.0.districtId',
    ],
    [
      'an envelope naming both targets',
      { envelopes: [{ districtId: 'd1', villageId: 'v1', amount: 1n }] },
      'envelopes.0',
    ],
    [
      'two envelopes for one place',
      {
        envelopes: [
          { villageId: 'v1', amount: 1n },
          { villageId: 'v1', amount: 2n },
        ],
      },
      'envelopes.1',
    ],
  ])('refuse %s', (_name, overrides, field) => {
    expect(fields(ruleProblems(rules(overrides), eligible))).toContain(field);
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
