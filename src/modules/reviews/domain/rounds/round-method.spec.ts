import { advancementOf, methodProblems, RoundMethod, RubricCriterion } from './round-method';

const levels = (...texts: string[]) => texts.map((en) => ({ en }));

const criterion = (code: string, over: Partial<RubricCriterion> = {}): RubricCriterion => ({
  code,
  title: { en: code },
  description: { en: `${code} description` },
  weight: 1,
  max: 2,
  descriptors: levels('none', 'some', 'full'),
  ...over,
});

const method = (over: Partial<RoundMethod> = {}): RoundMethod => ({
  criteria: [criterion('impact', { min: 1 }), criterion('feasibility')],
  priorityCriterion: 'impact',
  jurorsPerApplication: 3,
  minLoad: 2,
  maxLoad: 10,
  quorum: 2,
  disputeSpread: 2,
  disputeMargin: 0.5,
  disputeMaxShare: 0.2,
  calibratedDecisive: false,
  advancement: { kind: 'top', n: 5 },
  blind: true,
  ...over,
});

describe('methodProblems()', () => {
  it('is empty for a valid method', () => {
    expect(methodProblems(method())).toEqual([]);
  });

  it('accepts the limits: gate at max, minLoad = maxLoad, quorum = jurors per application', () => {
    expect(
      methodProblems(method({ criteria: [criterion('impact', { min: 2 })], minLoad: 4, maxLoad: 4, quorum: 3 })),
    ).toEqual([]);
  });

  it('reports duplicate codes at the repeating criterion', () => {
    const criteria = [criterion('impact'), criterion('feasibility'), criterion('impact')];
    expect(methodProblems(method({ criteria }))).toEqual([
      { field: 'criteria.2.code', problems: ['codes must be unique within the rubric'] },
    ]);
  });

  it('reports a descriptor count different from max + 1', () => {
    const criteria = [
      criterion('impact'),
      criterion('feasibility', { max: 3 }),
      criterion('cost', { descriptors: levels('a', 'b', 'c', 'd') }),
    ];
    expect(methodProblems(method({ criteria }))).toEqual([
      { field: 'criteria.1.descriptors', problems: ['give one descriptor for each level 0..3 (4)'] },
      { field: 'criteria.2.descriptors', problems: ['give one descriptor for each level 0..2 (3)'] },
    ]);
  });

  it('reports a gate above the scale maximum', () => {
    const criteria = [criterion('impact'), criterion('feasibility', { min: 3 })];
    expect(methodProblems(method({ criteria }))).toEqual([
      { field: 'criteria.1.min', problems: ['the gate cannot be above the scale maximum'] },
    ]);
  });

  it('reports an unknown priority criterion', () => {
    expect(methodProblems(method({ priorityCriterion: 'beauty' }))).toEqual([
      { field: 'priorityCriterion', problems: ['must be the code of one of the criteria'] },
    ]);
    expect(methodProblems(method({ criteria: [], priorityCriterion: 'impact' }))).toEqual([
      { field: 'priorityCriterion', problems: ['must be the code of one of the criteria'] },
    ]);
  });

  it('reports minLoad above maxLoad', () => {
    expect(methodProblems(method({ minLoad: 5, maxLoad: 4 }))).toEqual([
      { field: 'minLoad', problems: ['cannot be above maxLoad'] },
    ]);
  });

  it('reports a quorum above the jurors per application', () => {
    expect(methodProblems(method({ quorum: 4, jurorsPerApplication: 3 }))).toEqual([
      { field: 'quorum', problems: ['cannot be above the number of jurors per application'] },
    ]);
  });

  it('reports every problem at once', () => {
    const criteria = [criterion('impact', { min: 5, descriptors: levels('x') }), criterion('impact')];
    const fields = methodProblems(method({ criteria, priorityCriterion: 'x', minLoad: 9, maxLoad: 1, quorum: 9 })).map(
      (p) => p.field,
    );
    expect(fields).toEqual([
      'criteria.0.descriptors',
      'criteria.0.min',
      'criteria.1.code',
      'priorityCriterion',
      'minLoad',
      'quorum',
    ]);
  });
});

describe('advancementOf()', () => {
  it('passes top and cutoff rules through', () => {
    expect(advancementOf(method({ advancement: { kind: 'top', n: 7 } }), 1000n)).toEqual({ kind: 'top', n: 7 });
    expect(advancementOf(method({ advancement: { kind: 'cutoff', score: 6.5 } }), 1000n)).toEqual({
      kind: 'cutoff',
      score: 6.5,
    });
  });

  it('adds the competition budget to a budget rule', () => {
    expect(advancementOf(method({ advancement: { kind: 'budget', multiple: 1.5 } }), 250_000_00n)).toEqual({
      kind: 'budget',
      multiple: 1.5,
      budget: 250_000_00n,
    });
  });
});
