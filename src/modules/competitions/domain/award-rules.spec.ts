import {
  AwardRules,
  awardRulesProblems,
  DEFAULT_AWARD_RULES,
  templateProblems,
  TrancheTemplateItem,
} from './award-rules';
import { COMPETITION_CODE_PATTERN } from './competition-code';

const signing = (shareBp: number): TrancheTemplateItem => ({
  label: { en: 'On signing' },
  shareBp,
  reportRequired: false,
  dueDays: null,
});
const report = (shareBp: number, dueDays: number | null = 180): TrancheTemplateItem => ({
  label: { en: 'Report' },
  shareBp,
  reportRequired: true,
  dueDays,
});
const awardRules = (overrides: Partial<AwardRules>): AwardRules => ({ ...DEFAULT_AWARD_RULES, ...overrides });
const share = (i: number) => `tranche ${i}: share must be a whole number of basis points from 1 to 10000`;

describe('tranche template shares', () => {
  it.each<[string, number[], string[]]>([
    ['one tranche of the whole award', [10_000], []],
    ['three tranches adding up to 10000', [5000, 3000, 2000], []],
    ['a tranche of one basis point', [1, 9999], []],
    ['no tranche', [], ['a schedule needs at least one tranche', 'the shares add up to 0 basis points, not 10000']],
    ['shares one short of the whole', [5000, 4999], ['the shares add up to 9999 basis points, not 10000']],
    ['shares one over the whole', [5001, 5000], ['the shares add up to 10001 basis points, not 10000']],
    ['a zero share', [10_000, 0], [share(2)]],
    ['a negative share', [5000, 5001, -1], [share(3)]],
    ['a share over the whole', [10_001], [share(1), 'the shares add up to 10001 basis points, not 10000']],
    ['a fractional share', [4999.5, 5000.5], [share(1), share(2)]],
  ])('%s', (_case, shares, expected) => {
    expect(templateProblems(shares.map((shareBp) => ({ shareBp })))).toEqual(expected);
  });
});

describe('award rules', () => {
  it('accepts the defaults', () => {
    expect(awardRulesProblems(DEFAULT_AWARD_RULES)).toEqual([]);
  });

  it.each<[string, Partial<AwardRules>, { field: string; problems: string[] }[]]>([
    ['twelve tranches', { trancheTemplate: [...Array(11).fill(signing(800)), signing(1200)] }, []],
    [
      'thirteen tranches',
      { trancheTemplate: [...Array(12).fill(signing(700)), signing(1600)] },
      [{ field: 'awardRules.trancheTemplate', problems: ['at most 12 tranches'] }],
    ],
    [
      'shares that do not add up',
      { trancheTemplate: [signing(5000), report(4000)] },
      [{ field: 'awardRules.trancheTemplate', problems: ['the shares add up to 9000 basis points, not 10000'] }],
    ],
    ['a report tranche with its due date', { trancheTemplate: [signing(5000), report(5000, 0)] }, []],
    [
      'a report tranche without a due date',
      { trancheTemplate: [signing(5000), report(5000, null)] },
      [
        {
          field: 'awardRules.trancheTemplate.1.dueDays',
          problems: ['a tranche released by a report needs the days after acceptance when the report is due'],
        },
      ],
    ],
    [
      'a signing tranche with a due date',
      { trancheTemplate: [{ ...signing(5000), dueDays: 30 }, report(5000)] },
      [
        {
          field: 'awardRules.trancheTemplate.0.dueDays',
          problems: ['only a tranche released by a report has a due date'],
        },
      ],
    ],
    [
      'floors in different districts',
      {
        floors: [
          { districtId: 'd1', grants: 1 },
          { districtId: 'd2', grants: 1 },
        ],
      },
      [],
    ],
    [
      'two floors for one district',
      {
        floors: [
          { districtId: 'd1', grants: 1 },
          { districtId: 'd2', grants: 1 },
          { districtId: 'd1', grants: 2 },
        ],
      },
      [{ field: 'awardRules.floors.2.districtId', problems: ['one floor per district'] }],
    ],
  ])('%s', (_case, overrides, expected) => {
    expect(awardRulesProblems(awardRules(overrides))).toEqual(expected);
  });
});

describe('competition code', () => {
  it.each([
    ['TU', true],
    ['TUP26', true],
    ['ABCDEFGH', true],
    ['A1', true],
    ['T', false],
    ['ABCDEFGHI', false],
    ['2026', false],
    ['1ABC', false],
    ['tup', false],
    ['TU-P', false],
    ['ТУП', false],
    [' TUP', false],
    ['TUP\n', false],
  ])('%j matches: %s', (code, valid) => {
    expect(COMPETITION_CODE_PATTERN.test(code)).toBe(valid);
  });
});
