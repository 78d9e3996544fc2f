import fc from 'fast-check';
import { versionChanges } from './version-changes';

const line = (category: string, amount: string, source = 'grant') => ({ category, description: '', amount, source });
const v1 = {
  reference: 'SU-TUP-2026-0001',
  title: 'Guest house',
  summary: 'Rooms',
  description: '',
  sector: 'tourism',
  requestedAmount: '200000000',
  ownContribution: '50000000',
  jobsCreated: 2,
  plannedStart: null,
  durationMonths: 12,
  goals: [
    { goalId: 'g1', contribution: 'Jobs' },
    { goalId: 'g2', contribution: 'Tourism' },
  ],
  budgetLines: [line('equipment', '200000000'), line('rent', '50000000', 'own')],
};

describe('what changed between two versions', () => {
  it('finds nothing between equal versions', () => {
    expect(versionChanges(v1, structuredClone(v1))).toEqual([]);
  });

  it('lists changed texts, money, budget lines and goals', () => {
    const v2 = {
      ...v1,
      title: 'Guest house by the sea',
      plannedStart: '2027-03-01',
      requestedAmount: '180000000',
      goals: [
        { goalId: 'g1', contribution: 'Four jobs' },
        { goalId: 'g3', contribution: 'Water' },
      ],
      budgetLines: [line('equipment', '150000000'), line('training', '30000000'), line('rent', '50000000', 'own')],
    };
    expect(versionChanges(v1, v2)).toEqual([
      { kind: 'text', field: 'title', before: 'Guest house', after: 'Guest house by the sea' },
      { kind: 'text', field: 'plannedStart', before: null, after: '2027-03-01' },
      { kind: 'money', field: 'requestedAmount', before: '200000000', after: '180000000' },
      { kind: 'budgetLine', change: 'removed', line: line('equipment', '200000000') },
      { kind: 'budgetLine', change: 'added', line: line('equipment', '150000000') },
      { kind: 'budgetLine', change: 'added', line: line('training', '30000000') },
      { kind: 'goal', change: 'changed', goalId: 'g1', before: 'Jobs', after: 'Four jobs' },
      { kind: 'goal', change: 'removed', goalId: 'g2', before: 'Tourism', after: null },
      { kind: 'goal', change: 'added', goalId: 'g3', before: null, after: 'Water' },
    ]);
  });

  it('counts a repeated budget line as many times as it appears', () => {
    const two = { ...v1, budgetLines: [line('rent', '1'), line('rent', '1')] };
    const one = { ...v1, budgetLines: [line('rent', '1')] };
    expect(versionChanges(two, one)).toEqual([{ kind: 'budgetLine', change: 'removed', line: line('rent', '1') }]);
  });

  it('is symmetric: going back lists the same budget changes the other way round', () => {
    const arbLines = fc.array(
      fc.record({
        category: fc.constantFrom('a', 'b'),
        description: fc.constant(''),
        amount: fc.constantFrom('1', '2'),
        source: fc.constant('grant'),
      }),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(arbLines, arbLines, (a, b) => {
        const forth = versionChanges({ budgetLines: a }, { budgetLines: b });
        const back = versionChanges({ budgetLines: b }, { budgetLines: a });
        const flip = (c: (typeof forth)[number]) =>
          c.kind === 'budgetLine' ? { ...c, change: c.change === 'added' ? 'removed' : 'added' } : c;
        const sort = (cs: unknown[]) => cs.map((c) => JSON.stringify(c)).sort();
        expect(sort(back)).toEqual(sort(forth.map(flip)));
        // Applying the changes to a gives b, as multisets.
        const removed = forth.filter((c) => c.kind === 'budgetLine' && c.change === 'removed').length;
        const added = forth.filter((c) => c.kind === 'budgetLine' && c.change === 'added').length;
        expect(a.length - removed + added).toBe(b.length);
      }),
    );
  });
});
