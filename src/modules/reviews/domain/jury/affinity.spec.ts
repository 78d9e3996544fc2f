import fc from 'fast-check';
import { AFFINITY, affinity, AffinityApplication, AffinityJuror, affinityTable } from './affinity';

const app = (over: Partial<AffinityApplication> = {}): AffinityApplication => ({
  sector: 'tourism',
  districtId: 'd1',
  goals: [],
  ...over,
});
const juror = (over: Partial<AffinityJuror> = {}): AffinityJuror => ({ expertise: [], districtId: 'd1', ...over });

describe('affinity()', () => {
  it('is 0 for a juror with no matching expertise from the same district', () => {
    expect(affinity(app(), juror())).toBe(0);
  });

  it('adds the sector bonus when the expertise names the sector', () => {
    expect(affinity(app({ sector: 'tourism' }), juror({ expertise: ['tourism'] }))).toBe(AFFINITY.sector);
    expect(affinity(app({ sector: 'tourism' }), juror({ expertise: ['agriculture'] }))).toBe(0);
  });

  it('matches the sector exactly, not as a substring', () => {
    expect(affinity(app({ sector: 'tourism' }), juror({ expertise: ['tour'] }))).toBe(0);
  });

  it('counts each goal whose text contains a tag, case-insensitively', () => {
    const a = app({ sector: 'crafts', goals: ['Develop AGRICULTURE in the valley'] });
    expect(affinity(a, juror({ expertise: ['agriculture'] }))).toBe(AFFINITY.goal);
  });

  it('counts a goal once even when several tags name it', () => {
    const a = app({ sector: 'crafts', goals: ['tourism and agriculture'] });
    expect(affinity(a, juror({ expertise: ['tourism', 'agriculture'] }))).toBe(AFFINITY.goal);
  });

  it('caps goal hits at AFFINITY.maxGoals', () => {
    const goals = ['tourism one', 'tourism two', 'tourism three', 'tourism four'];
    const a = app({ sector: 'crafts', goals });
    expect(affinity(a, juror({ expertise: ['tourism'] }))).toBe(AFFINITY.maxGoals * AFFINITY.goal);
    expect(affinity(app({ sector: 'crafts', goals: goals.slice(0, 1) }), juror({ expertise: ['tourism'] }))).toBe(
      AFFINITY.goal,
    );
  });

  it('never lets tags shorter than 3 letters match goals', () => {
    const a = app({ sector: 'crafts', goals: ['ab testing', 'a b'] });
    expect(affinity(a, juror({ expertise: ['ab', 'a'] }))).toBe(0);
    expect(affinity(a, juror({ expertise: ['abt'] }))).toBe(0);
    expect(affinity(app({ sector: 'crafts', goals: ['abc'] }), juror({ expertise: ['abc'] }))).toBe(AFFINITY.goal);
  });

  it('still lets a short tag match the sector exactly', () => {
    expect(affinity(app({ sector: 'ab' }), juror({ expertise: ['ab'] }))).toBe(AFFINITY.sector);
  });

  it('adds the other-district bonus only when the juror district is known and different', () => {
    expect(affinity(app({ districtId: 'd1' }), juror({ districtId: 'd2' }))).toBe(AFFINITY.otherDistrict);
    expect(affinity(app({ districtId: 'd1' }), juror({ districtId: 'd1' }))).toBe(0);
    expect(affinity(app({ districtId: 'd1' }), juror({ districtId: null }))).toBe(0);
  });

  it('adds the imported affinity, positive or negative', () => {
    expect(affinity(app(), juror(), 7)).toBe(7);
    expect(affinity(app(), juror(), -50)).toBe(-50);
  });

  it('sums every component', () => {
    const a = app({ sector: 'tourism', districtId: 'd1', goals: ['rural tourism', 'eco tourism', 'tourism again'] });
    const j = juror({ expertise: ['tourism'], districtId: 'd9' });
    expect(affinity(a, j, 5)).toBe(AFFINITY.sector + AFFINITY.maxGoals * AFFINITY.goal + AFFINITY.otherDistrict + 5);
  });
});

describe('affinityTable()', () => {
  const vocabulary = ['tourism', 'agriculture', 'crafts', 'forestry', 'ab', 'it', 'water', 'youth'];
  const word = fc.constantFrom(...vocabulary, 'the', 'and', 'Village');
  const goalText = fc
    .array(fc.tuple(word, fc.boolean()), { minLength: 0, maxLength: 5 })
    .map((ws) => ws.map(([w, upper]) => (upper ? w.toUpperCase() : w)).join(' '));
  const district = fc.constantFrom('d1', 'd2', 'd3');
  const application = fc.record({
    sector: fc.constantFrom(...vocabulary),
    districtId: district,
    goals: fc.array(goalText, { maxLength: 5 }),
  });
  const jurorArb = fc.record({
    expertise: fc.uniqueArray(fc.constantFrom(...vocabulary), { maxLength: 4 }),
    districtId: fc.option(district, { nil: null }),
  });

  it('gives affinity(apps[i], jurors[j]) for every pair', () => {
    fc.assert(
      fc.property(fc.array(application, { maxLength: 5 }), fc.array(jurorArb, { maxLength: 5 }), (apps, jurors) => {
        const table = affinityTable(apps, jurors);
        apps.forEach((a, i) => jurors.forEach((j, k) => expect(table(i, k)).toBe(affinity(a, j))));
      }),
      { numRuns: 300 },
    );
  });

  it('handles jurors with duplicate tags and empty inputs', () => {
    const apps = [app({ sector: 'tourism', goals: ['tourism'] })];
    const jurors = [juror({ expertise: ['tourism', 'tourism'] }), juror()];
    const table = affinityTable(apps, jurors);
    expect(table(0, 0)).toBe(affinity(apps[0], jurors[0]));
    expect(table(0, 1)).toBe(0);
    expect(() => affinityTable([], [])).not.toThrow();
  });

  it('agrees with affinity() on an application with more goals than a mask holds', () => {
    const app = {
      sector: 'crafts',
      districtId: 'd1',
      goals: [...Array<string>(31).fill('none'), 'tourism a', 'tourism b'],
    };
    const juror = { expertise: ['tourism'], districtId: 'd1' };
    expect(affinityTable([app], [juror])(0, 0)).toBe(affinity(app, juror));
    expect(affinity(app, juror)).toBe(AFFINITY.goal * AFFINITY.maxGoals);
  });
});
