import { DEFAULT_AWARD_RULES } from '../../../modules/competitions/domain/award-rules';
import { CompetitionRules, openingProblems } from '../../../modules/competitions/domain/competition-rules';
import { CATALOGUE } from '../../i18n/catalogue';
import { identityRows, ruleMessageOf, setupError } from './setup-problems';

/**
 * The rule checks speak English sentences (their words are the JSON API's); the setup form matches
 * them to messages of its own. A competition that breaks every rule at once makes the checks say
 * everything they can, and each sentence must land on a message of its own: reword a check and
 * this fails, instead of the manager silently reading a vaguer message.
 */
describe('the setup form reads every rule problem in the manager’s words', () => {
  const village = '11111111-1111-4111-8111-111111111111';
  const district = '22222222-2222-4222-8222-222222222222';
  const broken: CompetitionRules = {
    budget: 0n,
    minAward: 0n,
    maxAward: -1n,
    minOwnShareBp: 20000,
    maxApplicationsPerApplicant: 0,
    opensAt: new Date('2026-02-01T00:00:00Z'),
    closesAt: new Date('2026-01-01T00:00:00Z'),
    eligibleVillageIds: [],
    eligibleDistrictIds: [],
    envelopes: [
      { amount: 1n },
      { districtId: district, amount: -1n },
      { villageId: village, amount: 5n },
      { villageId: village, amount: 5n },
    ],
    awardRules: {
      ...DEFAULT_AWARD_RULES,
      trancheTemplate: [
        ...Array.from({ length: 13 }, () => ({ label: { en: 'x' }, shareBp: 0, reportRequired: true, dueDays: null })),
        { label: { en: 'y' }, shareBp: 100, reportRequired: false, dueDays: 5 },
      ],
      floors: [
        { districtId: district, grants: 1 },
        { districtId: district, grants: 1 },
      ],
    },
  };
  const noPlan: CompetitionRules = { ...broken, eligibleVillageIds: [village] };
  const now = new Date('2026-06-01T00:00:00Z');
  const problems = [
    ...openingProblems(broken, new Set(), now, 0),
    ...openingProblems(noPlan, new Set([village]), now, 0),
    { field: 'code', problems: ['TUP belongs to another competition'] },
  ].flatMap((f) => f.problems.map((p) => ({ field: f.field, problem: p })));
  const rows = identityRows({ envelopes: 4, tranches: 14, floors: 2 });
  /** Problems whose field's own message already says the rule (a share from 0 to 100 %, at least one application). */
  const SAID_BY_THE_FIELD = [/^minOwnShareBp must be from/, /^at least one application per applicant/];

  it.each([...new Set(problems.map((p) => p.problem.replace(/\d+/g, 'N')))])('"%s"', (shape) => {
    const { field, problem } = problems.find((p) => p.problem.replace(/\d+/g, 'N') === shape)!;
    const error = setupError(field, problem, rows);
    expect(CATALOGUE.ru[error.message]).toBeDefined();
    if (SAID_BY_THE_FIELD.some((pattern) => pattern.test(problem))) return;
    expect({ problem, rule: ruleMessageOf(problem) }).toEqual({ problem, rule: expect.any(String) });
    expect(error.message).toBe(`managerCompetitions.error.${ruleMessageOf(problem)}`);
  });
});
