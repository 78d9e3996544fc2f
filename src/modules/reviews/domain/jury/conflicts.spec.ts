import { CandidatePair, DeclaredConflict, inConflict } from './conflicts';

const pair: CandidatePair = { applicationId: 'app1', applicantId: 'person1', villageId: 'v1' };
const none: DeclaredConflict = { applicantId: null, applicationId: null, villageId: null };

describe('inConflict()', () => {
  it('is false with no home village and no declarations', () => {
    expect(inConflict(pair, { id: 'juror-1', homeVillageId: null }, [])).toBe(false);
  });

  it("is true for the juror's own village", () => {
    expect(inConflict(pair, { id: 'juror-1', homeVillageId: 'v1' }, [])).toBe(true);
  });

  it('is false for another home village', () => {
    expect(inConflict(pair, { id: 'juror-1', homeVillageId: 'v2' }, [])).toBe(false);
  });

  it('is true for a declaration naming the applicant', () => {
    expect(inConflict(pair, { id: 'juror-1', homeVillageId: null }, [{ ...none, applicantId: 'person1' }])).toBe(true);
  });

  it('is true for a declaration naming the application', () => {
    expect(inConflict(pair, { id: 'juror-1', homeVillageId: null }, [{ ...none, applicationId: 'app1' }])).toBe(true);
  });

  it('is true for a declaration naming the village', () => {
    expect(inConflict(pair, { id: 'juror-1', homeVillageId: null }, [{ ...none, villageId: 'v1' }])).toBe(true);
  });

  it('is false for declarations naming others', () => {
    const declared: DeclaredConflict[] = [
      { ...none, applicantId: 'person2' },
      { ...none, applicationId: 'app2' },
      { ...none, villageId: 'v2' },
    ];
    expect(inConflict(pair, { id: 'juror-1', homeVillageId: 'v3' }, declared)).toBe(false);
  });

  it('never matches on null fields', () => {
    expect(inConflict(pair, { id: 'juror-1', homeVillageId: null }, [none, none])).toBe(false);
  });

  it('is true when any one of several declarations matches', () => {
    expect(
      inConflict(pair, { id: 'juror-1', homeVillageId: null }, [
        { ...none, applicantId: 'x' },
        { ...none, villageId: 'v1' },
      ]),
    ).toBe(true);
  });

  it("is always true for the juror's own application", () => {
    expect(
      inConflict(
        { applicationId: 'a9', applicantId: 'juror-1', villageId: 'v9' },
        { id: 'juror-1', homeVillageId: null },
        [],
      ),
    ).toBe(true);
  });
});
